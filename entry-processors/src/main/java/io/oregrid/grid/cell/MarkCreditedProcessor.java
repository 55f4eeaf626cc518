package io.oregrid.grid.cell;

import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/**
 * Last step of a collect: records in the cell that the pending claim of {@code coinId} by
 * {@code key} has been credited, so the sweep leaves it alone. Idempotent.
 *
 * @param coinId the coin
 * @param key    the Idempotency-Key of the claim
 */
public record MarkCreditedProcessor(String coinId, String key) implements EntryProcessor<String, CellState, Boolean> {

    /** @return whether the claim was pending and is now credited */
    @Override
    public Boolean process(Map.Entry<String, CellState> entry) {
        CellState state = entry.getValue();
        Coin coin = state == null ? null : state.coin(coinId);
        if (coin == null || coin.claim() != ClaimState.PENDING || !key.equals(coin.claimKey())) {
            return false;
        }
        entry.setValue(state.withCoin(coin.credited()));
        return true;
    }
}
