package io.oregrid.grid.outcome;

import com.hazelcast.partition.PartitionAware;

/**
 * Key of the {@code outcomes} map: the outcome's deterministic event id, stored in the partition of
 * the player it belongs to (so it is written beside the player's own state).
 *
 * @param eventId  deterministic: {@code fix:<player>:<accepted fix number>}, {@code collect:<coin id>}
 * @param playerId the player (partition key)
 */
public record OutcomeKey(String eventId, String playerId) implements PartitionAware<String> {

    @Override
    public String getPartitionKey() {
        return playerId;
    }
}
