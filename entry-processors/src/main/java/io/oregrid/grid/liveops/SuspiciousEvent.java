package io.oregrid.grid.liveops;

/**
 * A progression event held back as an outlier (value of {@code suspicious-events}, key: event id;
 * queryable by SQL as {@code suspicious_events}).
 *
 * @param eventId     the event
 * @param playerId    its player
 * @param type        wire name of its type
 * @param deltaXp     the XP it claimed
 * @param zScore      (deltaXp − mean) / std against the player's accepted history
 * @param meanXp      the history's mean XP per event at that moment
 * @param stdXp       the standard deviation used (floored, see {@link FairnessRules#minStdXp()})
 * @param samples     how many accepted progression events the history had
 * @param flaggedAtMs node time, epoch ms
 * @param blocked     whether this flag blocked the player
 * @param body        the event as sent
 */
public record SuspiciousEvent(String eventId, String playerId, String type, long deltaXp, double zScore,
                              double meanXp, double stdXp, long samples, long flaggedAtMs, boolean blocked,
                              String body) {
}
