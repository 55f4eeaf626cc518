package io.oregrid.grid.cell;

import com.hazelcast.map.EntryProcessor;
import io.oregrid.grid.support.Geo;

import java.util.Map;

/**
 * First step of a collect, in the coin's cell partition: claims the coin for a player and an
 * Idempotency-Key, credit pending (ARCHITECTURE "two idempotent processors keyed by the same
 * request id"). A coin is claimed at most once, so it is credited to at most one player.
 *
 * <p>Judged in this order: a claim by the same player and key answers
 * {@link ClaimResult.Outcome#CLAIMED_BY_SAME_REQUEST} (a retry, or a re-run of this processor,
 * changes nothing); any other claim → ALREADY_COLLECTED; missing → NOT_FOUND; expired → EXPIRED;
 * further than {@code rangeM} from the player's last accepted position → OUT_OF_RANGE.
 *
 * @param coinId    the coin
 * @param playerId  the claimer
 * @param key       the claimer's Idempotency-Key
 * @param playerLat the claimer's last accepted latitude, degrees
 * @param playerLng the claimer's last accepted longitude, degrees
 * @param rangeM    the claimer's collect range, metres (the token's {@code auto_collect_range})
 * @param multiplier the claimer's bonus multiplier (credit = value × multiplier, rounded)
 * @param nowMs     node clock, epoch ms
 */
public record ClaimCoinProcessor(String coinId, String playerId, String key, double playerLat, double playerLng,
                                 double rangeM, double multiplier, long nowMs)
        implements EntryProcessor<String, CellState, ClaimResult> {

    @Override
    public ClaimResult process(Map.Entry<String, CellState> entry) {
        CellState state = entry.getValue();
        Coin coin = state == null ? null : state.coin(coinId);
        if (coin == null) {
            return new ClaimResult(ClaimResult.Outcome.NOT_FOUND, null, Double.NaN);
        }
        if (coin.claim() != ClaimState.UNCLAIMED) {
            boolean same = playerId.equals(coin.claimedBy()) && key.equals(coin.claimKey());
            return new ClaimResult(same ? ClaimResult.Outcome.CLAIMED_BY_SAME_REQUEST : ClaimResult.Outcome.ALREADY_COLLECTED,
                    coin, Double.NaN);
        }
        if (nowMs >= coin.expiresAtMs()) {
            return new ClaimResult(ClaimResult.Outcome.EXPIRED, coin, Double.NaN);
        }
        double distance = Geo.distanceM(playerLat, playerLng, coin.lat(), coin.lng());
        if (distance > rangeM) {
            return new ClaimResult(ClaimResult.Outcome.OUT_OF_RANGE, coin, distance);
        }
        Coin claimed = coin.claimed(playerId, key, Math.round(coin.value() * multiplier), nowMs);
        entry.setValue(state.withCoin(claimed));
        return new ClaimResult(ClaimResult.Outcome.CLAIMED, claimed, distance);
    }
}
