package io.oregrid.grid.player;

/**
 * One credited collect, kept with the player for the Idempotency-Key's lifetime so a retry is
 * answered with the first response and never credited again (SPEC "Game").
 *
 * @param key          the caller's Idempotency-Key
 * @param coinId       the coin collected
 * @param credited     amount added to the balance (coin value × bonus multiplier)
 * @param balanceAfter the balance right after this credit
 * @param creditedAtMs node time, epoch ms
 */
public record CollectRecord(String key, String coinId, long credited, long balanceAfter, long creditedAtMs) {
}
