package io.oregrid.node.liveops;

/**
 * A signed reward receipt (SPEC "Event ingestion and LiveOps", capability 8).
 *
 * @param receiptId  name-based UUID of (player, reward): one receipt per reward
 * @param playerId   the player
 * @param rewardId   the reward ({@code level-<L>})
 * @param amount     coins
 * @param reason     why it was granted ({@code level_up:<L>})
 * @param issuedAt   node time of the first claim, epoch ms
 * @param signature  hex HMAC-SHA256 (key {@code ORE_RECEIPT_HMAC_SECRET}) over {@link RewardReceipts#signedText}
 */
public record Receipt(String receiptId, String playerId, String rewardId, long amount, String reason, long issuedAt,
                      String signature) {
}
