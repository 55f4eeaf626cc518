package io.oregrid.node.game;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.cell.CellState;
import io.oregrid.grid.cell.EnterCellProcessor;
import io.oregrid.grid.cell.LeaveCellProcessor;
import io.oregrid.grid.cell.Presence;
import io.oregrid.grid.motion.AppendHistoryProcessor;
import io.oregrid.grid.motion.Fix;
import io.oregrid.grid.motion.HistoryFix;
import io.oregrid.grid.motion.LocationHistory;
import io.oregrid.grid.motion.MotionResult;
import io.oregrid.grid.motion.PlayerMotion;
import io.oregrid.grid.motion.UpdateMotionProcessor;
import io.oregrid.grid.support.GameClock;
import io.oregrid.grid.support.Geo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/**
 * Location updates (SPEC "Location"): one {@link UpdateMotionProcessor} on the player's motion
 * entry decides and records; an accepted fix (or its replay) then updates the player's presence
 * in the cell it left and the cell it entered — idempotent processors on those cells, which also
 * spawn coins there — and is appended to the player's bounded history (same partition as the player).
 *
 * <p>If a member fails between the two steps the fix stays accepted and the presence catches up
 * with the player's next fix (presence and coins are rebuildable; the motion entry is not).
 */
public final class LocationService {
    private final IMap<String, PlayerMotion> motion;
    private final IMap<String, CellState> cells;
    private final IMap<String, LocationHistory> history;
    private final GameRules rules;
    private final GameClock clock;
    private final int historyPerPlayer;

    /**
     * @param historyPerPlayer accepted fixes kept per player in the grid
     */
    public LocationService(HazelcastInstance hz, GameRules rules, GameClock clock, int historyPerPlayer) {
        this.motion = hz.getMap(GridMaps.PLAYER_MOTION);
        this.cells = hz.getMap(GridMaps.CELLS);
        this.history = hz.getMap(GridMaps.LOCATION_HISTORY);
        this.rules = rules;
        this.clock = clock;
        this.historyPerPlayer = historyPerPlayer;
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
            history.executeOnKey(playerId, new AppendHistoryProcessor(new HistoryFix(fix.lat(), fix.lng(), fix.accuracyM(),
                    fix.timestampMs(), result.cellToken()), historyPerPlayer));
        }
        return result;
    }

    /**
     * The player's accepted fixes, newest first.
     *
     * @param limit at most this many
     */
    public List<HistoryFix> history(String playerId, int limit) {
        LocationHistory h = history.get(playerId);
        if (h == null) {
            return List.of();
        }
        List<HistoryFix> out = new ArrayList<>(Arrays.asList(h.fixes()));
        java.util.Collections.reverse(out);
        return out.subList(0, Math.min(limit, out.size()));
    }

    /**
     * Players within {@code radiusM} of the caller's last accepted position, nearest first: an S2
     * covering of the radius over the cells' presence, then exact distances; the caller and players
     * whose last fix is older than the staleness limit (SPEC: 5 minutes) are left out.
     *
     * @throws NoPositionException before the caller's first accepted fix
     */
    public List<NearbyPlayer> nearbyPlayers(String playerId, double radiusM) {
        Fix at = lastFix(playerId);
        if (at == null) {
            throw new NoPositionException();
        }
        long freshFrom = clock.nowMs() - rules.nearbyStaleMs();
        List<String> tokens = Geo.coveringTokens(at.lat(), at.lng(), radiusM, rules.cellLevel());
        // newest presence per player: a leave cut off by a crash can leave an older one in another cell
        java.util.Map<String, Presence> newest = new java.util.HashMap<>();
        for (CellState cell : cells.getAll(new HashSet<>(tokens)).values()) {
            for (Presence p : cell.present()) {
                if (!p.playerId().equals(playerId) && p.timestampMs() >= freshFrom) {
                    newest.merge(p.playerId(), p, (a, b) -> a.timestampMs() >= b.timestampMs() ? a : b);
                }
            }
        }
        List<NearbyPlayer> found = new ArrayList<>();
        for (Presence p : newest.values()) {
            double d = Geo.distanceM(at.lat(), at.lng(), p.lat(), p.lng());
            if (d <= radiusM) {
                found.add(new NearbyPlayer(p, d));
            }
        }
        found.sort(Comparator.comparingDouble(NearbyPlayer::distanceM));
        return found;
    }

    /** @return the player's last accepted fix, or null before the first */
    public Fix lastFix(String playerId) {
        PlayerMotion m = motion.get(playerId);
        return m == null ? null : m.lastFix();
    }
}
