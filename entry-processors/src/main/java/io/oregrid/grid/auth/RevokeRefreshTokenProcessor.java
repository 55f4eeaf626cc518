package io.oregrid.grid.auth;

import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/**
 * Marks a refresh token REVOKED whatever its state (logout, reuse detection); applied to one key
 * or, with a {@code familyId} predicate, to a whole family. Returns whether the entry changed.
 * Idempotent: revoking a revoked token changes nothing.
 */
public record RevokeRefreshTokenProcessor() implements EntryProcessor<String, RefreshTokenRecord, Boolean> {

    @Override
    public Boolean process(Map.Entry<String, RefreshTokenRecord> entry) {
        RefreshTokenRecord token = entry.getValue();
        if (token == null || token.state() == RefreshTokenState.REVOKED) {
            return Boolean.FALSE;
        }
        RotateRefreshTokenProcessor.setKeepingExpiry(entry, token.with(RefreshTokenState.REVOKED, token.successorHash()));
        return Boolean.TRUE;
    }
}
