package io.oregrid.grid.cell;

import com.google.common.geometry.S2Cell;
import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2LatLng;
import com.google.common.geometry.S2LatLngRect;
import io.oregrid.grid.support.DeterministicIds;

import java.util.SplittableRandom;

/**
 * Deterministic coin spawning (ARCHITECTURE "coin spawning is deterministic from (cell, spawn
 * epoch, index)"): the same inputs give the same coin — id, position (uniform inside the cell),
 * type, value and lifetime — on every node, at any time, so coins are derived where they are needed
 * and never stored.
 *
 * <p>Lifetimes are staggered, not aligned on the epoch: index {@code i} belongs to slot
 * {@code s = i mod density}, whose coins live one TTL from {@code epoch × TTL + s × TTL / density}. So a
 * cell's coins expire and respawn one after another (every TTL / density on average), never all at once.
 */
public final class CoinSpawner {
    private static final int MAX_TRIES = 64;

    private CoinSpawner() {
    }

    /**
     * @param token   S2 token of the cell
     * @param epoch   spawn epoch
     * @param index   spawn index within the epoch
     * @param rules   values, shares and lifetime (the epoch length)
     * @return the coin, alive from the epoch's start to its end
     */
    public static Coin spawn(String token, long epoch, int index, CoinSpawnRules rules) {
        String id = DeterministicIds.coinId(token, epoch, index);
        SplittableRandom random = new SplittableRandom(DeterministicIds.hash64(id));
        S2Cell cell = new S2Cell(S2CellId.fromToken(token));
        S2LatLngRect bound = cell.getRectBound();
        S2LatLng point = new S2LatLng(cell.getCenter());
        for (int i = 0; i < MAX_TRIES; i++) {
            double lat = bound.latLo().degrees() + random.nextDouble() * (bound.latHi().degrees() - bound.latLo().degrees());
            double lng = bound.lngLo().degrees() + random.nextDouble() * (bound.lngHi().degrees() - bound.lngLo().degrees());
            S2LatLng candidate = S2LatLng.fromDegrees(lat, lng);
            if (cell.contains(candidate.toPoint())) {
                point = candidate;
                break;
            }
        }
        int roll = random.nextInt(100);
        CoinType type = roll < rules.goldPct() ? CoinType.GOLD
                : roll < rules.goldPct() + rules.silverPct() ? CoinType.SILVER : CoinType.BRONZE;
        int value = switch (type) {
            case GOLD -> rules.gold();
            case SILVER -> rules.silver();
            case BRONZE -> rules.bronze();
        };
        long start = epoch * rules.ttlMs() + rules.phaseMs(index);
        return new Coin(id, epoch, index, point.latDegrees(), point.lngDegrees(), value, type, start, start + rules.ttlMs());
    }
}
