package io.oregrid.node.realtime;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.motion.PlayerMotion;

/**
 * Where a player stands now, as the realtime rooms need it: the cell of their last accepted fix and
 * a version that grows with every accepted fix ({@link PlayerMotion#acceptedFixes()}), so positions
 * learnt from different paths (a reply, a map event) can be ordered.
 */
public final class PlayerCells {
    private final IMap<String, PlayerMotion> motion;

    public PlayerCells(HazelcastInstance hz) {
        this.motion = hz.getMap(GridMaps.PLAYER_MOTION);
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
