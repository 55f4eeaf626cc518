package io.oregrid.grid.liveops;

/**
 * The fairness guard's numbers (capability 7), passed to {@link IngestEventProcessor} with every call.
 *
 * @param maxEventsPerSecond  events a player may send in any sliding second; more are dropped (429)
 * @param zThreshold          a progression event with z-score above this is flagged
 * @param minSamples          accepted progression events needed before z-scores are judged
 * @param minStdXp            floor of the standard deviation, XP (a player whose XP never varied
 *                            would otherwise have std 0 and every change infinite z)
 * @param blockAfterFlags     flags at which the player is blocked (403 until an admin unblocks)
 * @param keepProcessedMs     how long a processed event id is remembered for idempotent retries, ms
 */
public record FairnessRules(int maxEventsPerSecond, double zThreshold, int minSamples, double minStdXp,
                            int blockAfterFlags, long keepProcessedMs) {
}
