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
        implements EntryProcessor<String, CellClaims, Boolean> {

    /** @return whether a claim was released */
    @Override
    public Boolean process(Map.Entry<String, CellClaims> entry) {
        CellClaims claims = entry.getValue();
        CoinClaim c = claims == null ? null : claims.claimOf(coinId);
        if (c == null || c.state() != ClaimState.PENDING || !c.by(playerId, key)) {
            return false;
        }
        entry.setValue(claims.without(coinId));
        return true;
    }
}
