package io.oregrid.grid.leaderboard;

/**
 * A player's score in one leaderboard window, value of {@code leaderboards} (key {@link #mapKey}).
 *
 * @param window      window key, e.g. {@code daily:2026-11-22}, {@code weekly:2026-W47}, {@code seasonal:8}
 * @param playerId    the player
 * @param score       sum of the points of the player's accepted events in the window
 * @param reachedAtMs acceptance time (epoch ms) of the newest event that counted: when this score was
 *                    reached; an earlier achiever ranks first on equal scores
 * @param events      how many of the player's events the window counted (the version of this value:
 *                    it only grows, so a replayed, older total never overwrites a newer one)
 */
public record LeaderboardScore(String window, String playerId, long score, long reachedAtMs, long events) {

    /** @return the {@code leaderboards} key of ({@code window}, {@code playerId}) */
    public static String mapKey(String window, String playerId) {
        return window + "|" + playerId;
    }

    /** @return this value's map key */
    public String mapKey() {
        return mapKey(window, playerId);
    }
}
