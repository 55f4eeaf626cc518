package io.oregrid.grid.cell;

/**
 * The players present in one S2 cell of the game level, value of the {@code cell-presence} map (key:
 * the cell token). Kept apart from the cell's coins (which are derived, {@link CoinField}) and claims
 * ({@link CellClaims}), so a move rewrites only this small entry (ARCHITECTURE "Cost rules").
 *
 * @param token   S2 cell token (map key)
 * @param present players whose presence was last written in this cell, at most one per player
 */
public record CellPresence(String token, Presence[] present) {

    /** @return the presence of {@code playerId}, or null */
    public Presence presenceOf(String playerId) {
        for (Presence p : present) {
            if (p.playerId().equals(playerId)) {
                return p;
            }
        }
        return null;
    }
}
