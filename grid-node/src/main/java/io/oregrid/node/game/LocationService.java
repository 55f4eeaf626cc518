package io.oregrid.node.game;

import io.oregrid.grid.GridMaps;
import io.oregrid.grid.cell.CellPresence;
import io.oregrid.grid.cell.EnterCellProcessor;
import io.oregrid.grid.cell.LeaveCellProcessor;
import io.oregrid.grid.cell.Presence;
import io.oregrid.grid.motion.Fix;
import io.oregrid.grid.motion.HistoryFix;
import io.oregrid.grid.motion.LocationHistory;
import io.oregrid.grid.motion.MotionLimits;
import io.oregrid.grid.motion.MotionResult;
import io.oregrid.grid.motion.PlayerMotion;
import io.oregrid.grid.motion.UpdateMotionProcessor;
import io.oregrid.grid.support.GameClock;
import io.oregrid.grid.support.Geo;
import io.oregrid.node.grid.GridGateway;
import io.oregrid.node.grid.GridMap;
import io.oregrid.node.realtime.WorldFeed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Location updates (SPEC "Location"; ARCHITECTURE "Cost rules"): the request waits for exactly one
 * partition operation, {@link UpdateMotionProcessor} on the player's motion entry, which takes the
 * per-user and per-player limits, judges the fix and records it. Everything the accepted fix causes
 * follows without the request waiting, coalesced with the other requests' by this node and flushed
 * every {@code ORE_TAIL_FLUSH_MS} as idempotent multi-key operations and one topic message
 * ({@link LocationTail}, {@link WorldFeed}):
 * <ul>
 *   <li>the player's bounded history (same partition as the player);</li>
 *   <li>the player's presence in the cell it left and the cell it entered — only when the processor says
 *       the presence is due (a new cell, or 10 m / 30 s since it was last written);</li>
 *   <li>the move as a delta for every edge node's rooms ({@link WorldFeed}).</li>
 * </ul>
 * If a node fails before its flush the fix stays accepted and the tail catches up with the player's
 * next fix, or with the client's retry of the same fix (a REPLAY re-sends it); presence is
 * rebuildable, the motion entry is not.
 */
public final class LocationService {
    private final GridMap<String, PlayerMotion> motion;
    private final GridMap<String, CellPresence> presence;
    private final GridMap<String, LocationHistory> history;
    private final LocationTail tail;
    private final WorldFeed feed;
    private final GameRules rules;
    private final MotionLimits limits;
    private final GameClock clock;

    /**
     * @param grid             the gateway every call goes through
     * @param feed             where moves are published for the rooms
     * @param rules            game rules
     * @param limits           the per-player location limit and the presence refresh (the per-user figure is per call)
     * @param clock            the node clock
     * @param tail             where the accepted fixes' history and presence writes are coalesced
     */
    LocationService(GridGateway grid, WorldFeed feed, GameRules rules, MotionLimits limits, GameClock clock,
                    LocationTail tail) {
        this.motion = grid.map(GridMaps.PLAYER_MOTION);
        this.presence = grid.map(GridMaps.CELL_PRESENCE);
        this.history = grid.map(GridMaps.LOCATION_HISTORY);
        this.tail = tail;
        this.feed = feed;
        this.rules = rules;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Judges and records one fix; returns at once.
     *
     * @param playerId          the player (their motion entry's key)
     * @param username          display name for nearby lists
     * @param fix               the fix, already validated for ranges and types
     * @param requestsPerMinute the caller's per-user request limit, or 0 when this request does not count
     * @return the verdict, completing on the gateway's continuation executor once the player's partition
     *         answered; on refusal or a limit nothing but the violation counters and limits changed
     */
    public CompletionStage<MotionResult> update(String playerId, String username, Fix fix, int requestsPerMinute) {
        long now = clock.nowMs();
        UpdateMotionProcessor processor = new UpdateMotionProcessor(fix, now, rules.antiCheat(), rules.cellLevel(),
                limits.withRequestsPerMinute(requestsPerMinute));
        return motion.submit(playerId, processor).thenApply(result -> { // on a continuation thread (GridMap.submit)
            if (result.accepted()) {
                follow(playerId, username, fix, now, result);
            }
            return result;
        });
    }

    /** The accepted fix's tail: queued for the node's next flush (nothing here is waited for; every step idempotent). */
    private void follow(String playerId, String username, Fix fix, long now, MotionResult result) {
        String cell = result.cellToken();
        EnterCellProcessor enter = null;
        LeaveCellProcessor leave = null;
        if (result.presenceDue()) {
            enter = new EnterCellProcessor(playerId, username, fix.lat(), fix.lng(), fix.timestampMs(), now,
                    rules.nearbyStaleMs());
            if (result.changedCell()) {
                leave = new LeaveCellProcessor(playerId, fix.timestampMs());
            }
        }
        tail.add(new LocationTail.Accepted(playerId, new HistoryFix(fix.lat(), fix.lng(), fix.accuracyM(),
                fix.timestampMs(), cell), enter, leave == null ? null : result.previousCell(), leave));
        // the accepted fix's outcome event is the motion entry's own journal event (FixOutcomes): no operation here
        if (result.outcome() == MotionResult.Outcome.ACCEPTED) {
            feed.moved(cell, result.changedCell() ? result.previousCell() : null,
                    new Presence(playerId, username, fix.lat(), fix.lng(), fix.timestampMs()), result.acceptedFixes());
        }
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
        Collections.reverse(out);
        return out.subList(0, Math.min(limit, out.size()));
    }

    /**
     * Players within {@code radiusM} of the caller's last accepted position, nearest first: an S2
     * covering of the radius over the cells' presence, then exact distances; the caller and players
     * whose last fix is older than the staleness limit (SPEC: 5 minutes) are left out. Positions are
     * those of the players' written presence (at most 10 m / 30 s behind their last fix).
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
        Map<String, Presence> newest = new HashMap<>();
        for (CellPresence cell : presence.getAll(new HashSet<>(tokens)).values()) {
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
