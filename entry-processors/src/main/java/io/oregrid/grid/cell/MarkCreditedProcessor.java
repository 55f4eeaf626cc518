package io.oregrid.grid.cell;

import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/**
 * Last step of a collect: records in the cell's claims that the pending claim of {@code coinId} by
 * {@code key} has been credited, so the sweep leaves it alone. Runs off the request thread.
 * Idempotent.
 *
 * @param coinId the coin
 * @param key    the Idempotency-Key of the claim
 */
public record MarkCreditedProcessor(String coinId, String key) implements EntryProcessor<String, CellClaims, Boolean> {

    /** @return whether the claim was pending and is now credited */
    @Override
    public Boolean process(Map.Entry<String, CellClaims> entry) {
        CellClaims claims = entry.getValue();
        CoinClaim claim = claims == null ? null : claims.claimOf(coinId);
        if (claim == null || claim.state() != ClaimState.PENDING || !key.equals(claim.key())) {
            return false;
        }
        entry.setValue(claims.with(claim.credited()));
        return true;
    }
}
