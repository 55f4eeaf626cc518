package io.oregrid.grid.cell;

/**
 * What {@link EnterCellProcessor} spawned (a record, so it travels with Compact serialization).
 *
 * @param spawned the new coins; empty when the cell was already full or on a re-run
 */
public record SpawnResult(Coin[] spawned) {
}
