package io.oregrid.grid.cell;

/**
 * A claim on one coin (ARCHITECTURE "an action that spans two partitions"), kept in its cell's
 * {@link CellClaims}: who claimed it with which Idempotency-Key, and whether the credit in the
 * player's partition is confirmed.
 *
 * @param coinId      the coin
 * @param epoch       the coin's spawn epoch
 * @param index       the coin's spawn index
 * @param state       {@link ClaimState#PENDING} or {@link ClaimState#CREDITED}
 * @param playerId    the claimer
 * @param key         the claimer's Idempotency-Key
 * @param credit      amount to credit (value × the claimer's bonus multiplier, rounded), minor units
 * @param claimedAtMs node time of the claim, epoch ms
 * @param expiresAtMs the coin's expiry, epoch ms: a credited claim is forgotten after it, a pending one is not
 */
public record CoinClaim(String coinId, long epoch, int index, ClaimState state, String playerId, String key,
                        long credit, long claimedAtMs, long expiresAtMs) {

    /** @return whether this claim was made by {@code playerId} with {@code key} */
    public boolean by(String playerId, String key) {
        return this.playerId.equals(playerId) && this.key.equals(key);
    }

    /** @return this claim with its credit confirmed */
    public CoinClaim credited() {
        return new CoinClaim(coinId, epoch, index, ClaimState.CREDITED, playerId, key, credit, claimedAtMs, expiresAtMs);
    }
}
