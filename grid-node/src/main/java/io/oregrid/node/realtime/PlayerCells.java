package io.oregrid.node.realtime;

import io.oregrid.grid.GridMaps;
import io.oregrid.grid.motion.PlayerMotion;
import io.oregrid.node.grid.GridGateway;
import io.oregrid.node.grid.GridMap;

/**
 * Where a player stands now, as the realtime rooms need it: the cell of their last accepted fix and
 * a version that grows with every accepted fix ({@link PlayerMotion#acceptedFixes()}), so positions
 * learnt from different paths (a reply, a map event) can be ordered.
 */
public final class PlayerCells {
    private final GridMap<String, PlayerMotion> motion;

    public PlayerCells(GridGateway grid) {
        this.motion = grid.map(GridMaps.PLAYER_MOTION);
    }

    /**
     * @param cellToken the S2 token (game level) of the last accepted fix
     * @param version   accepted fixes so far
     */
    public record PlayerCell(String cellToken, long version) {
    }

    /** @return the player's cell, or null before their first accepted fix */
    public PlayerCell current(String playerId) {
        PlayerMotion m = motion.get(playerId);
        return m == null || m.cellToken() == null ? null : new PlayerCell(m.cellToken(), m.acceptedFixes());
    }
}
