package io.oregrid.grid.cell;

import com.hazelcast.map.EntryProcessor;
import io.oregrid.grid.support.Geo;

import java.util.List;
import java.util.Map;

/**
 * First step of a collect, on the coin's cell's {@link CellClaims} (ARCHITECTURE "two idempotent
 * processors keyed by the same request id"): claims the coin for a player and an Idempotency-Key,
 * credit pending. A coin is claimed at most once, so it is credited to at most one player.
 *
 * <p>Judged in this order: a claim by the same player and key answers
 * {@link ClaimResult.Outcome#CLAIMED_BY_SAME_REQUEST} (a retry, or a re-run of this processor,
 * changes nothing — also after the coin expired, until the credit is confirmed); any other claim →
 * ALREADY_COLLECTED; not derivable → NOT_FOUND; expired → EXPIRED; not its slot's live coin (not
 * started yet, or waiting behind an unclaimed one) → NOT_FOUND; further than
 * {@code rangeM} from the player's last accepted position → OUT_OF_RANGE. Credited claims of expired
 * coins are pruned on the way; pending ones stay until credited.
 *
 * @param coinId     the coin
 * @param coin       the coin derived by the caller from its id ({@link CoinField}), or null when the id is
 *                   not one of the cell's coins of the last three epochs
 * @param playerId   the claimer
 * @param key        the claimer's Idempotency-Key
 * @param playerLat  the claimer's last accepted latitude, degrees
 * @param playerLng  the claimer's last accepted longitude, degrees
 * @param rangeM     the claimer's collect range, metres (the token's {@code auto_collect_range})
 * @param multiplier the claimer's bonus multiplier (credit = value × multiplier, rounded)
 * @param nowMs      node clock, epoch ms
 * @param density    live coins per cell ({@link CoinSpawnRules#density()})
 */
public record ClaimCoinProcessor(String coinId, Coin coin, String playerId, String key, double playerLat,
                                 double playerLng, double rangeM, double multiplier, long nowMs, int density)
        implements EntryProcessor<String, CellClaims, ClaimResult> {

    @Override
    public ClaimResult process(Map.Entry<String, CellClaims> entry) {
        CellClaims claims = entry.getValue();
        CoinClaim existing = claims == null ? null : claims.claimOf(coinId);
        if (existing != null) {
            return ClaimResult.of(existing.by(playerId, key) ? ClaimResult.Outcome.CLAIMED_BY_SAME_REQUEST
                    : ClaimResult.Outcome.ALREADY_COLLECTED, existing, Double.NaN);
        }
        if (coin == null || !coin.id().equals(coinId)) {
            return ClaimResult.of(ClaimResult.Outcome.NOT_FOUND, null, Double.NaN);
        }
        if (!coin.unexpired(nowMs)) {
            return ClaimResult.of(ClaimResult.Outcome.EXPIRED, null, Double.NaN);
        }
        if (!CoinField.isLive(coin, claims, density, nowMs)) {
            return ClaimResult.of(ClaimResult.Outcome.NOT_FOUND, null, Double.NaN);
        }
        double distance = Geo.distanceM(playerLat, playerLng, coin.lat(), coin.lng());
        if (distance > rangeM) {
            return ClaimResult.of(ClaimResult.Outcome.OUT_OF_RANGE, null, distance);
        }
        CoinClaim claim = new CoinClaim(coinId, coin.epoch(), coin.index(), ClaimState.PENDING, playerId, key,
                Math.round(coin.value() * multiplier), nowMs, coin.expiresAtMs());
        CellClaims base = claims == null ? CellClaims.of(entry.getKey(), List.of()) : claims.pruned(nowMs);
        CellClaims after = base.with(claim);
        entry.setValue(after);
        return new ClaimResult(ClaimResult.Outcome.CLAIMED, claim, distance,
                CoinField.replacementIndex(coin.index(), density));
    }
}
