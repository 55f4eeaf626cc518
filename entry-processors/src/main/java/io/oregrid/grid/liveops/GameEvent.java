package io.oregrid.grid.liveops;

/**
 * An accepted game-server event as it enters the grid's event stream ({@code liveops-events}, with
 * an event journal that the leaderboard job reads).
 *
 * @param eventId      derived from the caller's Idempotency-Key, so a retry names the same event
 * @param playerId     the event's player
 * @param type         wire name: progression, boss_kill or drop_claimed
 * @param ts           the game server's timestamp, unix seconds (as sent)
 * @param acceptedAtMs node time of acceptance, epoch ms; leaderboard windows are cut by it
 * @param deltaXp      XP gained (progression), else 0
 * @param points       leaderboard points: {@code deltaXp} for progression, the reward table's value otherwise
 * @param body         the event exactly as the game server sent it (UTF-8 JSON)
 */
public record GameEvent(String eventId, String playerId, String type, long ts, long acceptedAtMs,
                        long deltaXp, long points, String body) {
}
