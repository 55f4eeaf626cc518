package io.oregrid.node.realtime;

import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.cell.Presence;
import io.oregrid.grid.world.WorldDelta;

import java.util.List;

/**
 * What one {@link WorldDelta} changed in one cell, as the realtime pushes tell it (SPEC "WebSocket
 * {@code /ws}": {@code players.nearby}, {@code coins.nearby}, {@code coins.collected}).
 *
 * @param cellToken the cell's S2 token
 * @param moved     players who arrived in the cell or reported a newer fix in it
 * @param left      ids of players no longer present (moved away, or dropped as stale)
 * @param appeared  coins that became collectable (a claimed coin's replacement)
 * @param collected coins claimed, with who claimed them
 */
public record CellChange(String cellToken, List<Presence> moved, List<String> left, List<Coin> appeared,
                         List<Collected> collected) {

    /** A claimed coin and its claimer. */
    public record Collected(String coinId, String playerId) {
    }

    /** @return the change of {@code delta}'s own cell */
    public static CellChange of(WorldDelta delta) {
        return switch (delta.kind()) {
            case MOVED -> new CellChange(delta.cellToken(), List.of(delta.presence()), List.of(), List.of(), List.of());
            case LEFT -> new CellChange(delta.cellToken(), List.of(), List.of(delta.left()), List.of(), List.of());
            case COLLECTED -> new CellChange(delta.cellToken(), List.of(), List.of(), List.of(delta.appeared()),
                    List.of(new Collected(delta.coinId(), delta.collectedBy())));
        };
    }

    /** @return for a {@link WorldDelta.Kind#MOVED} delta across cells, the change of the cell the player left */
    public static CellChange leftBy(WorldDelta moved) {
        return new CellChange(moved.previousCell(), List.of(), List.of(moved.presence().playerId()), List.of(), List.of());
    }

    /** @return whether nothing a client sees changed */
    public boolean isEmpty() {
        return moved.isEmpty() && left.isEmpty() && appeared.isEmpty() && collected.isEmpty();
    }
}
