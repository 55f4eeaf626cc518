package io.oregrid.grid.cell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Which coins a cell holds: a pure function of (cell, time, claims). A cell has
 * {@link CoinSpawnRules#density()} slots; slot {@code s} holds, during each of its generations (one TTL,
 * staggered by {@link CoinSpawnRules#phaseMs}), the coin of spawn index {@code s} of that generation's
 * epoch, and once that is claimed its replacement, index {@code s + density} — the epoch's supply is
 * {@link CoinSpawnRules#maxSpawnsPerEpoch()} coins. A move never touches a coin list (ARCHITECTURE
 * "coins are a pure function of cell, epoch and index"); only claims are stored ({@link CellClaims}).
 */
public final class CoinField {

    private CoinField() {
    }

    /** @return every coin {@code token} can spawn in {@code epoch}, by index */
    public static Coin[] spawnAll(String token, long epoch, CoinSpawnRules rules) {
        Coin[] all = new Coin[rules.maxSpawnsPerEpoch()];
        for (int i = 0; i < all.length; i++) {
            all[i] = CoinSpawner.spawn(token, epoch, i, rules);
        }
        return all;
    }

    /**
     * @param spawned {@link #spawnAll} of the cell by epoch (called for the current and the previous one)
     * @param claims  the cell's claims, or null when none
     * @param rules   spawning rules
     * @param nowMs   node time, epoch ms
     * @return the coins that can be collected at {@code nowMs}, by slot
     */
    public static List<Coin> live(LongFunction<Coin[]> spawned, CellClaims claims, CoinSpawnRules rules, long nowMs) {
        List<Coin> live = new ArrayList<>(rules.density());
        for (int slot = 0; slot < rules.density(); slot++) {
            Coin[] all = spawned.apply(rules.generationOf(slot, nowMs));
            for (int index = slot; index < all.length; index += rules.density()) {
                Coin c = all[index];
                if (claims == null || claims.claimOf(c.id()) == null) {
                    live.add(c);
                    break;
                }
            }
        }
        return live;
    }

    /**
     * @return whether {@code coin} is its slot's live coin at {@code nowMs} under {@code claims}: inside its
     *         lifetime, unclaimed, and every earlier coin of its slot and generation claimed
     */
    public static boolean isLive(Coin coin, CellClaims claims, int density, long nowMs) {
        if (nowMs < coin.spawnedAtMs() || nowMs >= coin.expiresAtMs()) {
            return false;
        }
        int before = coin.index() / density;
        int claimedBefore = 0;
        if (claims != null) {
            for (CoinClaim c : claims.claims()) {
                if (c.coinId().equals(coin.id())) {
                    return false;
                }
                if (c.epoch() == coin.epoch() && c.index() % density == coin.index() % density && c.index() < coin.index()) {
                    claimedBefore++;
                }
            }
        }
        return claimedBefore == before;
    }

    /** @return the spawn index that replaces {@code index} in its slot once it is claimed, or -1 (supply used up) */
    public static int replacementIndex(int index, int density) {
        int next = index + density;
        return next < CoinSpawnRules.maxSpawnsPerEpoch(density) ? next : -1;
    }
}
