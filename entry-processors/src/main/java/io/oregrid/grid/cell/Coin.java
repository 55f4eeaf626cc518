package io.oregrid.grid.cell;

/**
 * A coin in a cell, with its claim (value of {@link CellState#coins()}).
 *
 * @param id           UUIDv8 derived from (cell, epoch, index), see {@code DeterministicIds}
 * @param lat          degrees
 * @param lng          degrees
 * @param value        face value (integer money-like amount)
 * @param type         bronze / silver / gold
 * @param spawnedAtMs  node time of the spawn, epoch ms
 * @param expiresAtMs  epoch ms after which it can no longer be collected
 * @param claim        UNCLAIMED, PENDING or CREDITED
 * @param claimedBy    player id of the claim, or null
 * @param claimKey     the claimer's Idempotency-Key, or null
 * @param claimCredit  amount to credit (value × the claimer's bonus multiplier), 0 when unclaimed
 * @param claimedAtMs  node time of the claim, epoch ms (0 when unclaimed)
 */
public record Coin(String id, double lat, double lng, int value, CoinType type, long spawnedAtMs, long expiresAtMs,
                   ClaimState claim, String claimedBy, String claimKey, long claimCredit, long claimedAtMs) {

    /** @return whether the coin can still be collected at {@code nowMs} */
    public boolean isLive(long nowMs) {
        return claim == ClaimState.UNCLAIMED && nowMs < expiresAtMs;
    }

    /** @return this coin claimed by {@code playerId} with {@code key}, credit pending */
    public Coin claimed(String playerId, String key, long credit, long nowMs) {
        return new Coin(id, lat, lng, value, type, spawnedAtMs, expiresAtMs, ClaimState.PENDING, playerId, key,
                credit, nowMs);
    }

    /** @return this coin with its claim's credit confirmed */
    public Coin credited() {
        return new Coin(id, lat, lng, value, type, spawnedAtMs, expiresAtMs, ClaimState.CREDITED, claimedBy, claimKey,
                claimCredit, claimedAtMs);
    }
}
