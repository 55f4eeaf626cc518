package io.oregrid.grid.liveops;

/**
 * A reward a player earned by levelling up; claimable once as an HMAC-signed receipt.
 *
 * @param rewardId    {@code level-<L>}
 * @param amount      coins
 * @param reason      e.g. {@code level_up:5}
 * @param grantedAtMs node time of the level-up, epoch ms
 * @param receiptId   the receipt issued for it, or null while unclaimed
 * @param issuedAtMs  node time the receipt was issued, epoch ms (0 while unclaimed)
 */
public record GrantedReward(String rewardId, long amount, String reason, long grantedAtMs,
                            String receiptId, long issuedAtMs) {

    /** @return whether a receipt has been issued */
    public boolean claimed() {
        return receiptId != null;
    }
}
