package io.oregrid.grid.cell;

import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/**
 * Undoes a pending claim whose credit was refused because the Idempotency-Key had already been
 * credited for another coin (SPEC: 422 IDEMPOTENCY_KEY_REUSED), so the coin is collectable again
 * rather than stuck. Only a PENDING claim by the same player and key is released; idempotent.
 *
 * @param coinId   the coin
 * @param playerId the claimer
 * @param key      the claim's Idempotency-Key
 */
public record ReleaseClaimProcessor(String coinId, String playerId, String key)
        implements EntryProcessor<String, CellState, Boolean> {

    /** @return whether a claim was released */
    @Override
    public Boolean process(Map.Entry<String, CellState> entry) {
        CellState state = entry.getValue();
        Coin c = state == null ? null : state.coin(coinId);
        if (c == null || c.claim() != ClaimState.PENDING || !playerId.equals(c.claimedBy()) || !key.equals(c.claimKey())) {
            return false;
        }
        entry.setValue(state.withCoin(new Coin(c.id(), c.lat(), c.lng(), c.value(), c.type(), c.spawnedAtMs(),
                c.expiresAtMs(), ClaimState.UNCLAIMED, null, null, 0, 0)));
        return true;
    }
}
