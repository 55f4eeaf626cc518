package io.oregrid.node.liveops;

import io.oregrid.grid.liveops.EventType;

/**
 * A validated {@code POST /events} body (SPEC "Event ingestion and LiveOps").
 *
 * @param type     the event type
 * @param playerId opaque player id, 1–64 characters
 * @param ts       the game server's timestamp, unix seconds
 * @param deltaXp  progression: XP gained (≥ 1), else 0
 * @param activity progression: what earned it, else null
 * @param bossId   boss_kill: the boss, else null
 * @param itemId   drop_claimed: the item, else null
 * @param rarity   drop_claimed: common, rare, epic or legendary, else null
 * @param body     the raw body as sent (UTF-8)
 */
public record IncomingEvent(EventType type, String playerId, long ts, long deltaXp, String activity,
                            String bossId, String itemId, String rarity, String body) {
}
