package io.oregrid.node.game;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.cell.CellState;
import io.oregrid.grid.cell.EnterCellProcessor;
import io.oregrid.grid.cell.LeaveCellProcessor;
import io.oregrid.grid.motion.Fix;
import io.oregrid.grid.motion.MotionResult;
import io.oregrid.grid.motion.PlayerMotion;
import io.oregrid.grid.motion.UpdateMotionProcessor;
import io.oregrid.grid.support.GameClock;

/**
 * Location updates (SPEC "Location"): one {@link UpdateMotionProcessor} on the player's motion
 * entry decides and records; an accepted fix (or its replay) then updates the player's presence
 * in the cell it left and the cell it entered — idempotent processors on those cells, which also
 * spawn coins there.
 *
 * <p>If a member fails between the two steps the fix stays accepted and the presence catches up
 * with the player's next fix (presence and coins are rebuildable; the motion entry is not).
 */
public final class LocationService {
    private final IMap<String, PlayerMotion> motion;
    private final IMap<String, CellState> cells;
    private final GameRules rules;
    private final GameClock clock;

    public LocationService(HazelcastInstance hz, GameRules rules, GameClock clock) {
        this.motion = hz.getMap(GridMaps.PLAYER_MOTION);
        this.cells = hz.getMap(GridMaps.CELLS);
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Judges and records one fix.
     *
     * @param playerId the player (their motion entry's key)
     * @param username display name for nearby lists
     * @param fix      the fix, already validated for ranges and types
     * @return the verdict; on refusal nothing but the violation counters changed
     */
    public MotionResult update(String playerId, String username, Fix fix) {
        long now = clock.nowMs();
        MotionResult result = motion.executeOnKey(playerId, new UpdateMotionProcessor(fix, now, rules.antiCheat(),
                rules.cellLevel()));
        if (result.accepted()) {
            if (result.previousCell() != null && !result.previousCell().equals(result.cellToken())) {
                cells.executeOnKey(result.previousCell(), new LeaveCellProcessor(playerId, fix.timestampMs()));
            }
            cells.executeOnKey(result.cellToken(), new EnterCellProcessor(playerId, username, fix.lat(), fix.lng(),
                    fix.timestampMs(), now, rules.spawn()));
        }
        return result;
    }

    /** @return the player's last accepted fix, or null before the first */
    public Fix lastFix(String playerId) {
        PlayerMotion m = motion.get(playerId);
        return m == null ? null : m.lastFix();
    }
}
