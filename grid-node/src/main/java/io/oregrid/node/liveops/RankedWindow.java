package io.oregrid.node.liveops;

import io.oregrid.grid.leaderboard.LeaderboardScore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One leaderboard window ranked once: its scores best first and each player's position, so the
 * top {@code n} and a player's own rank are read without touching the grid again. Immutable.
 *
 * <p>Order ({@link #RANKING}): score descending, then the earlier achiever (the time the score was
 * reached), then player id, so ranks are deterministic and unique (SPEC "Leaderboards").
 */
final class RankedWindow {
    /** The leaderboard order. */
    static final Comparator<LeaderboardScore> RANKING = Comparator.comparingLong(LeaderboardScore::score).reversed()
            .thenComparingLong(LeaderboardScore::reachedAtMs).thenComparing(LeaderboardScore::playerId);

    private final List<LeaderboardScore> ranked;
    private final Map<String, Integer> positions;
    private final Long updatedAtMs;

    private RankedWindow(List<LeaderboardScore> ranked) {
        this.ranked = ranked;
        this.positions = new HashMap<>(ranked.size() * 4 / 3 + 1);
        long newest = Long.MIN_VALUE;
        for (int i = 0; i < ranked.size(); i++) {
            LeaderboardScore s = ranked.get(i);
            positions.put(s.playerId(), i);
            newest = Math.max(newest, s.reachedAtMs());
        }
        this.updatedAtMs = ranked.isEmpty() ? null : newest;
    }

    /** @param scores one window's scores, any order (copied, not kept) */
    static RankedWindow of(Collection<LeaderboardScore> scores) {
        List<LeaderboardScore> ranked = new ArrayList<>(scores);
        ranked.sort(RANKING);
        return new RankedWindow(ranked);
    }

    /** @return the best {@code limit} rows, rank 1 first (fewer when the window holds fewer) */
    List<LeaderboardService.Ranked> top(int limit) {
        int n = Math.min(limit, ranked.size());
        List<LeaderboardService.Ranked> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(row(i));
        }
        return List.copyOf(rows);
    }

    /** @return {@code playerId}'s row, or null when the player has no score here (or is null) */
    LeaderboardService.Ranked rankOf(String playerId) {
        Integer at = playerId == null ? null : positions.get(playerId);
        return at == null ? null : row(at);
    }

    /** @return the newest {@code reachedAtMs} in the window, epoch ms, or null when it is empty */
    Long updatedAtMs() {
        return updatedAtMs;
    }

    private LeaderboardService.Ranked row(int i) {
        LeaderboardScore s = ranked.get(i);
        return new LeaderboardService.Ranked(i + 1, s.playerId(), s.score());
    }
}
