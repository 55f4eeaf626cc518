package io.oregrid.grid.liveops;

/**
 * The verdict of {@link IngestEventProcessor}.
 *
 * @param outcome      what happened
 * @param replayed     the event id had been judged before: this is the first verdict, nothing changed
 * @param retryAfterMs DROPPED: node ms until the player's sliding second has room again
 * @param zScore       FLAGGED: the event's z-score
 * @param meanXp       FLAGGED: mean of the history it was judged against
 * @param stdXp        FLAGGED: standard deviation used
 * @param samples      FLAGGED: size of that history
 * @param blocked      FLAGGED: this flag blocked the player
 * @param xp           ACCEPTED: the player's total XP after the event
 * @param level        ACCEPTED: the player's level after the event
 * @param levelBefore  ACCEPTED: the level before it (below {@code level} on a level-up)
 * @param atMs         ACCEPTED, FLAGGED: node time of the (first) verdict, epoch ms
 */
public record IngestResult(Outcome outcome, boolean replayed, long retryAfterMs,
                           double zScore, double meanXp, double stdXp, long samples, boolean blocked,
                           long xp, int level, int levelBefore, long atMs) {

    /** Ingestion outcomes. */
    public enum Outcome {
        /** Counted: XP, statistics and rewards updated; it goes into the event stream. */
        ACCEPTED,
        /** An outlier: held back as a suspicious event, the player's flags counted. */
        FLAGGED,
        /** The player exceeded the per-second limit: dropped (429). */
        DROPPED,
        /** The player is blocked (403). */
        BLOCKED
    }

    static IngestResult accepted(boolean replayed, LiveOpsPlayer s, int levelBefore, long atMs) {
        return new IngestResult(Outcome.ACCEPTED, replayed, 0, 0, 0, 0, 0, false, s.xp(), s.level(), levelBefore, atMs);
    }

    static IngestResult flagged(boolean replayed, ProcessedEvent p) {
        return new IngestResult(Outcome.FLAGGED, replayed, 0, p.zScore(), p.meanXp(), p.stdXp(), p.samples(),
                p.blocked(), 0, 0, 0, p.atMs());
    }

    static IngestResult simple(Outcome outcome, long retryAfterMs) {
        return new IngestResult(outcome, false, retryAfterMs, 0, 0, 0, 0, false, 0, 0, 0, 0);
    }
}
