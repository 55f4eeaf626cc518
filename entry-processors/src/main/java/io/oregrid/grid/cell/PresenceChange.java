package io.oregrid.grid.cell;

/**
 * What {@link EnterCellProcessor} changed in a cell's presence: the delta the realtime fan-out sends.
 *
 * @param placed  whether the player's presence was written (false: the cell already held a newer fix)
 * @param dropped ids of other players dropped as stale (their last fix older than the staleness limit)
 */
public record PresenceChange(boolean placed, String[] dropped) {
}
