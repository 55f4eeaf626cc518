package io.oregrid.node.liveops;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.leaderboard.LeaderboardScore;
import io.oregrid.grid.support.GameClock;
import io.oregrid.jet.leaderboard.LeaderboardWindows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the leaderboards the Jet job writes: the current daily, weekly or seasonal window by the
 * node's clock, one indexed query on the window key, ranked here. Order: score descending, then
 * the earlier achiever (the time the score was reached), then player id, so ranks are deterministic
 * and unique.
 */
public final class LeaderboardService {
    /** Largest {@code limit} of a leaderboard request (SPEC). */
    public static final int MAX_LIMIT = 100;

    static final Comparator<LeaderboardScore> RANKING = Comparator.comparingLong(LeaderboardScore::score).reversed()
            .thenComparingLong(LeaderboardScore::reachedAtMs).thenComparing(LeaderboardScore::playerId);

    private final IMap<String, LeaderboardScore> boards;
    private final GameClock clock;
    private final LeaderboardWindows windows;

    public LeaderboardService(HazelcastInstance hz, GameClock clock, LiveOpsConfig config) {
        this.boards = hz.getMap(GridMaps.LEADERBOARDS);
        this.clock = clock;
        this.windows = LeaderboardJob.windows(config);
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
     * @param kind     daily, weekly or seasonal
     * @param limit    1–{@link #MAX_LIMIT}
     * @param playerId the player whose own rank to include, or null
     */
    public Board current(LeaderboardWindows.Kind kind, int limit, String playerId) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT + ", got " + limit);
        }
        long now = clock.nowMs();
        String key = windows.of(kind, now).key();
        List<LeaderboardScore> all = new ArrayList<>(boards.values(Predicates.equal("window", key)));
        all.sort(RANKING);
        List<Ranked> top = new ArrayList<>(Math.min(limit, all.size()));
        Ranked me = null;
        Long updatedAt = null;
        for (int i = 0; i < all.size(); i++) {
            LeaderboardScore s = all.get(i);
            Ranked row = new Ranked(i + 1, s.playerId(), s.score());
            if (i < limit) {
                top.add(row);
            }
            if (s.playerId().equals(playerId)) {
                me = row;
            }
            updatedAt = updatedAt == null ? s.reachedAtMs() : Math.max(updatedAt, s.reachedAtMs());
        }
        return new Board(kind, key, windows.season(now), updatedAt, List.copyOf(top), me);
    }
}
