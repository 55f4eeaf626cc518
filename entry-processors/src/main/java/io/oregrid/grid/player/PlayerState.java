package io.oregrid.grid.player;

import java.util.Arrays;

/**
 * A player's economy, value of the {@code players} map (key: player id).
 *
 * @param playerId       the player (map key)
 * @param balance        coin balance (integer amount)
 * @param coinsCollected coins credited so far
 * @param recentCollects credited collects still inside the Idempotency-Key lifetime, oldest first
 */
public record PlayerState(String playerId, long balance, long coinsCollected, CollectRecord[] recentCollects) {

    /** A player who has collected nothing. */
    public static PlayerState initial(String playerId) {
        return new PlayerState(playerId, 0, 0, new CollectRecord[0]);
    }

    /** @return the credited collect made with {@code key}, or null */
    public CollectRecord collectByKey(String key) {
        for (CollectRecord r : recentCollects) {
            if (r.key().equals(key)) {
                return r;
            }
        }
        return null;
    }

    /**
     * @return the state after crediting {@code record}, dropping records older than {@code keepFromMs}
     */
    public PlayerState credit(CollectRecord record, long keepFromMs) {
        CollectRecord[] kept = Arrays.stream(recentCollects)
                .filter(r -> r.creditedAtMs() >= keepFromMs)
                .toArray(CollectRecord[]::new);
        CollectRecord[] next = Arrays.copyOf(kept, kept.length + 1);
        next[kept.length] = record;
        return new PlayerState(playerId, record.balanceAfter(), coinsCollected + 1, next);
    }
}
