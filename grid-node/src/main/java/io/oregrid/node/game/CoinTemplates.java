package io.oregrid.node.game;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.oregrid.grid.cell.CellClaims;
import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.cell.CoinField;
import io.oregrid.grid.cell.CoinSpawnRules;

import java.util.List;

/**
 * This node's cache of derived coins: {@link CoinField#spawnAll} of (cell, epoch), a pure function,
 * so every node computes the same coins and a cache entry is never stale. Spares the S2 geometry
 * of spawning on every nearby query and collect. Bounded by size (Caffeine).
 */
public final class CoinTemplates {
    private record CellEpoch(String token, long epoch) {
    }

    private final CoinSpawnRules rules;
    private final Cache<CellEpoch, Coin[]> cache;

    /**
     * @param rules      spawning rules
     * @param maxEntries (cell, epoch) pairs kept (about 6 KiB each at density 40)
     */
    public CoinTemplates(CoinSpawnRules rules, long maxEntries) {
        this.rules = rules;
        this.cache = Caffeine.newBuilder().maximumSize(maxEntries).build();
    }

    /** @return every coin {@code token} spawns in {@code epoch}, by index (do not modify) */
    public Coin[] of(String token, long epoch) {
        return cache.get(new CellEpoch(token, epoch), k -> CoinField.spawnAll(k.token(), k.epoch(), rules));
    }

    /** @return the coins of {@code token} that can be collected at {@code nowMs} under {@code claims} (may be null) */
    public List<Coin> live(String token, CellClaims claims, long nowMs) {
        return CoinField.live(epoch -> of(token, epoch), claims, rules, nowMs);
    }

    /**
     * @return the coin {@code coinId} of cell {@code token} spawned in the epoch of {@code nowMs} or one of the
     *         two before (every slot's live generation is one of the last two; the one before that lets a
     *         just-expired coin answer EXPIRED, an older one NOT_FOUND), or null
     */
    public Coin find(String token, String coinId, long nowMs) {
        long epoch = rules.epochOf(nowMs);
        for (long e = epoch; e >= epoch - 2; e--) {
            for (Coin c : of(token, e)) {
                if (c.id().equals(coinId)) {
                    return c;
                }
            }
        }
        return null;
    }
}
