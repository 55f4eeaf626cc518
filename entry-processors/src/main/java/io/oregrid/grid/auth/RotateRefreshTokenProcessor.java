package io.oregrid.grid.auth;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;

import java.util.Map;

/**
 * Exchanges an ACTIVE refresh token for its successor atomically: ACTIVE → ROTATED, remembering
 * the successor's hash (OAuth 2.0 Security BCP §4.14.2, refresh token rotation). The entry keeps
 * its expiry time so a rotated token stays detectable until it would have expired anyway.
 *
 * <p>Idempotent: a re-run for the same successor (Hazelcast retrying after a member left) finds
 * ROTATED with that successor and answers ROTATED again; any other use of a non-ACTIVE token is
 * {@link RotationResult.Outcome#REUSED}.
 *
 * @param nowMs         game-clock epoch ms of the request
 * @param successorHash hex SHA-256 of the new refresh token the caller is about to store
 */
public record RotateRefreshTokenProcessor(long nowMs, String successorHash)
        implements EntryProcessor<String, RefreshTokenRecord, RotationResult> {

    @Override
    public RotationResult process(Map.Entry<String, RefreshTokenRecord> entry) {
        RefreshTokenRecord token = entry.getValue();
        if (token == null) {
            return new RotationResult(RotationResult.Outcome.UNKNOWN, null);
        }
        if (token.state() == RefreshTokenState.ROTATED && successorHash.equals(token.successorHash())) {
            return new RotationResult(RotationResult.Outcome.ROTATED, token);
        }
        if (token.state() != RefreshTokenState.ACTIVE) {
            return new RotationResult(RotationResult.Outcome.REUSED, token);
        }
        if (nowMs >= token.expiresAtMs()) {
            return new RotationResult(RotationResult.Outcome.EXPIRED, token);
        }
        setKeepingExpiry(entry, token.with(RefreshTokenState.ROTATED, successorHash));
        return new RotationResult(RotationResult.Outcome.ROTATED, token);
    }

    /** Replaces the value without resetting the entry's TTL (plain maps in unit tests have no TTL). */
    static <K, V> void setKeepingExpiry(Map.Entry<K, V> entry, V value) {
        if (entry instanceof ExtendedMapEntry<K, V> extended) {
            extended.setValueWithoutChangingExpiryTime(value);
        } else {
            entry.setValue(value);
        }
    }
}
