package io.oregrid.grid.liveops;

import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/**
 * Releases an Idempotency-Key whose request ended in a refusal (rate limit, blocked player): only
 * successes are replayed, so a retry with the same key is judged afresh. Removes the record only
 * while this owner holds it in flight.
 *
 * @param owner the request that began the key
 */
public record AbandonRequestProcessor(String owner) implements EntryProcessor<String, IdempotencyRecord, Boolean> {

    @Override
    public Boolean process(Map.Entry<String, IdempotencyRecord> entry) {
        IdempotencyRecord current = entry.getValue();
        if (current == null || current.done() || !current.owner().equals(owner)) {
            return false;
        }
        entry.setValue(null);
        return true;
    }
}
