package io.oregrid.grid.cell;

/**
 * A coin of a cell: a pure function of (cell, spawn epoch, index) ({@link CoinSpawner}), never
 * stored. Whether it can still be collected is decided by the cell's {@link CellClaims}
 * ({@link CoinField#isLive}).
 *
 * @param id          UUIDv8 derived from (cell, epoch, index), see {@code DeterministicIds}
 * @param epoch       spawn epoch ({@code floor(node ms / coin TTL)})
 * @param index       spawn index within the epoch, [0, {@link CoinSpawnRules#maxSpawnsPerEpoch()})
 * @param lat         degrees
 * @param lng         degrees
 * @param value       face value (integer money-like amount)
 * @param type        bronze / silver / gold
 * @param spawnedAtMs start of the epoch, epoch ms
 * @param expiresAtMs end of the epoch: from then on it can no longer be collected, epoch ms
 */
public record Coin(String id, long epoch, int index, double lat, double lng, int value, CoinType type,
                   long spawnedAtMs, long expiresAtMs) {

    /** @return whether the coin's epoch is still running at {@code nowMs} */
    public boolean unexpired(long nowMs) {
        return nowMs < expiresAtMs;
    }
}
