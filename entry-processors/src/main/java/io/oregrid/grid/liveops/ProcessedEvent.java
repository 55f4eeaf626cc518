package io.oregrid.grid.liveops;

/**
 * An event id the player's state has already judged, kept for {@link FairnessRules#keepProcessedMs()}
 * so a retried or re-run ingestion answers the first verdict and changes nothing.
 *
 * @param eventId the event
 * @param flagged whether it was flagged (else accepted)
 * @param zScore  FLAGGED: its z-score
 * @param meanXp  FLAGGED: mean XP it was judged against
 * @param stdXp   FLAGGED: standard deviation used
 * @param samples FLAGGED: size of the history
 * @param blocked FLAGGED: whether that flag blocked the player
 * @param atMs    node time of the verdict, epoch ms
 */
public record ProcessedEvent(String eventId, boolean flagged, double zScore, double meanXp, double stdXp,
                             long samples, boolean blocked, long atMs) {
}
