package io.oregrid.grid.liveops;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Claims an Idempotency-Key for one request, atomically in the key's partition
 * (draft-ietf-httpapi-idempotency-key-header §2): NEW → IN_FLIGHT for this owner, or tells the
 * caller to replay, wait (409) or refuse (422). A key whose record has expired starts afresh; a key
 * whose in-flight owner let its lease run out is taken over with its original start time, which
 * (with the key) names the effect, so the new owner finishes the same effect instead of adding
 * another. Idempotent: the same owner asking again is answered STARTED again.
 *
 * @param fingerprint hex SHA-256 of the request body
 * @param owner       this request's id
 * @param nowMs       node clock, epoch ms
 * @param leaseMs     how long the key stays in flight before another request may take it over, ms
 * @param ttlMs       how long the key is kept, ms (SPEC: 24 h)
 */
public record BeginRequestProcessor(String fingerprint, String owner, long nowMs, long leaseMs, long ttlMs)
        implements EntryProcessor<String, IdempotencyRecord, BeginResult> {

    @Override
    public BeginResult process(Map.Entry<String, IdempotencyRecord> entry) {
        IdempotencyRecord current = entry.getValue();
        if (current == null || !current.liveAt(nowMs)) {
            IdempotencyStore.put(entry, new IdempotencyRecord(fingerprint, owner, nowMs, nowMs + leaseMs,
                    false, 0, null, nowMs + ttlMs), ttlMs);
            return BeginResult.started(nowMs);
        }
        if (!current.fingerprint().equals(fingerprint)) {
            return BeginResult.of(BeginResult.Outcome.KEY_REUSED);
        }
        if (current.done()) {
            return new BeginResult(BeginResult.Outcome.REPLAY, current.status(), current.body(), current.startedAtMs());
        }
        if (current.owner().equals(owner)) {
            return BeginResult.started(current.startedAtMs());
        }
        if (nowMs < current.leaseUntilMs()) {
            return BeginResult.of(BeginResult.Outcome.IN_PROGRESS);
        }
        // The first request let its lease run out (it died mid-way): take the key over, same start,
        // so the effect it may have begun is recognised and finished, not repeated.
        IdempotencyStore.put(entry, new IdempotencyRecord(fingerprint, owner, current.startedAtMs(), nowMs + leaseMs,
                false, 0, null, current.expiresAtMs()), ttlMs);
        return BeginResult.started(current.startedAtMs());
    }

    /** Writes a record with a real-time TTL for clean-up (the game-time expiry inside the record decides). */
    static final class IdempotencyStore {
        private IdempotencyStore() {
        }

        static void put(Map.Entry<String, IdempotencyRecord> entry, IdempotencyRecord value, long ttlMs) {
            if (entry instanceof ExtendedMapEntry<String, IdempotencyRecord> extended) {
                extended.setValue(value, Math.max(1, ttlMs), TimeUnit.MILLISECONDS);
            } else {
                entry.setValue(value);
            }
        }
    }
}
