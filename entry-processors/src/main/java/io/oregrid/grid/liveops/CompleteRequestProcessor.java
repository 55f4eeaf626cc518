package io.oregrid.grid.liveops;

import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/**
 * Stores the final response of the request that holds an Idempotency-Key (IN_FLIGHT → DONE), so
 * later requests with the same key and body are answered with it. Changes nothing when another
 * owner holds the key; a repeat by the same owner rewrites the same value.
 *
 * @param owner  the request that began the key
 * @param status the response's HTTP status
 * @param body   the response body
 * @param ttlMs  how long the key is kept from its start, ms
 */
public record CompleteRequestProcessor(String owner, int status, String body, long ttlMs)
        implements EntryProcessor<String, IdempotencyRecord, Boolean> {

    @Override
    public Boolean process(Map.Entry<String, IdempotencyRecord> entry) {
        IdempotencyRecord current = entry.getValue();
        if (current == null || !current.owner().equals(owner)) {
            return false;
        }
        IdempotencyRecord done = new IdempotencyRecord(current.fingerprint(), owner, current.startedAtMs(),
                current.leaseUntilMs(), true, status, body, current.expiresAtMs());
        BeginRequestProcessor.IdempotencyStore.put(entry, done, ttlMs);
        return true;
    }
}
