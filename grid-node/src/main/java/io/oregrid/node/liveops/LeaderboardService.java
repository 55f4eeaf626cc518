package io.oregrid.node.liveops;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.leaderboard.LeaderboardScore;
import io.oregrid.grid.support.GameClock;
import io.oregrid.jet.leaderboard.LeaderboardWindows;
import io.oregrid.node.persistence.Persistence;
import io.oregrid.store.support.Jdbc;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the leaderboards the Jet job writes: the current daily, weekly or seasonal window by the
 * node's clock, one indexed query on the window key, ranked here ({@link RankedWindow}, which also
 * gives the order). A current window's ranking is shared by every read on this node for up to
 * {@code ORE_LEADERBOARD_MAX_AGE_MS} (1 s by default): ranking a window copies and sorts all its
 * entries (~300 ms for 100,000 players, README "Performance"), which the public
 * {@code GET /leaderboard} must not do per request.
 *
 * <p>Past windows ({@link #at}): a window that is not the current one is read from the grid while it
 * still holds it (its entries live a season plus a day), else — with persistence on — from the
 * {@code leaderboard_snapshots} table that {@link LeaderboardSnapshotter} writes.
 */
public final class LeaderboardService {
    /** Largest {@code limit} of a leaderboard request (SPEC). */
    public static final int MAX_LIMIT = 100;

    private final IMap<String, LeaderboardScore> boards;
    private final GameClock clock;
    private final LeaderboardWindows windows;
    private final DataSource snapshots;
    /** Current windows ranked at most {@code leaderboardMaxAgeMs} ago (refreshed in the background), or null. */
    private final LoadingCache<String, RankedWindow> rankings;

    /**
     * Reads past windows from the member's PostgreSQL when persistence is on ({@link Persistence#of});
     * serves current windows from a ranking at most {@link LiveOpsConfig#leaderboardMaxAgeMs} old.
     */
    public LeaderboardService(HazelcastInstance hz, GameClock clock, LiveOpsConfig config) {
        this.boards = hz.getMap(GridMaps.LEADERBOARDS);
        this.clock = clock;
        this.windows = LeaderboardJob.windows(config);
        this.snapshots = Persistence.of(hz).map(Persistence::dataSource).orElse(null);
        long maxAgeMs = config.leaderboardMaxAgeMs();
        // a read older than maxAge gets the ranking it finds and starts one new ranking in the background
        // (one per window however many readers); older than twice maxAge it waits for a fresh one
        this.rankings = maxAgeMs == 0 ? null : Caffeine.newBuilder().maximumSize(16)
                .refreshAfterWrite(Duration.ofMillis(maxAgeMs)).expireAfterWrite(Duration.ofMillis(2 * maxAgeMs))
                .build(key -> rank(key, true));
    }

    /**
     * One ranked row.
     *
     * @param rank     1-based
     * @param playerId the player
     * @param score    points in the window
     */
    public record Ranked(int rank, String playerId, long score) {
    }

    /**
     * A window's leaderboard.
     *
     * @param window      the window asked for
     * @param windowKey   the current window of that kind, e.g. {@code daily:2026-11-22}
     * @param season      the current season number
     * @param updatedAtMs when the newest score in the window was reached, epoch ms, or null when empty
     * @param entries     the top {@code limit}, best first
     * @param me          the asking player's row, or null when not asked or not ranked
     */
    public record Board(LeaderboardWindows.Kind window, String windowKey, long season, Long updatedAtMs,
                        List<Ranked> entries, Ranked me) {
    }

    /**
     * The current window of {@code kind}, from this node's shared ranking: it reflects the scores at
     * most {@code 2 × leaderboardMaxAgeMs} ago (the Jet job's own lag comes on top).
     *
     * @param kind     daily, weekly or seasonal
     * @param limit    1–{@link #MAX_LIMIT}
     * @param playerId the player whose own rank to include, or null
     */
    public Board current(LeaderboardWindows.Kind kind, int limit, String playerId) {
        return at(kind, null, limit, playerId);
    }

    /**
     * The window of {@code kind} that contains {@code atMs}: the current one as {@link #current}; a
     * past (or future) one from the grid while it holds the window's entries, else from the
     * {@code leaderboard_snapshots} table (empty without persistence or snapshot); a window other than
     * the current one is ranked afresh on each call.
     *
     * @param atMs epoch ms inside the window, or null for the current window
     */
    public Board at(LeaderboardWindows.Kind kind, Long atMs, int limit, String playerId) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT + ", got " + limit);
        }
        long now = atMs == null ? clock.nowMs() : atMs;
        String key = windows.of(kind, now).key();
        boolean current = atMs == null || key.equals(windows.of(kind, clock.nowMs()).key());
        RankedWindow ranked = current && rankings != null ? rankings.get(key) : rank(key, current);
        return new Board(kind, key, windows.season(now), ranked.updatedAtMs(), ranked.top(limit), ranked.rankOf(playerId));
    }

    /** Ranks {@code windowKey} from the grid; a past window the grid no longer holds from the snapshots. */
    private RankedWindow rank(String windowKey, boolean current) {
        List<LeaderboardScore> all = new ArrayList<>(boards.values(Predicates.equal("window", windowKey)));
        if (all.isEmpty() && snapshots != null && !current) {
            all.addAll(snapshotted(windowKey));
        }
        return RankedWindow.of(all);
    }

    /** @return the rows of {@code windowKey} in {@code leaderboard_snapshots} */
    private List<LeaderboardScore> snapshotted(String windowKey) {
        return Jdbc.withConnection(snapshots, "leaderboard snapshot read", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT player_id, score, reached_at, events FROM leaderboard_snapshots WHERE window_key = ?")) {
                ps.setString(1, windowKey);
                List<LeaderboardScore> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new LeaderboardScore(windowKey, rs.getString(1), rs.getLong(2),
                                Jdbc.ms(rs.getTimestamp(3)), rs.getLong(4)));
                    }
                }
                return rows;
            }
        });
    }
}
