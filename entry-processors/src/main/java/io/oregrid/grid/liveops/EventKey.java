package io.oregrid.grid.liveops;

import com.hazelcast.partition.PartitionAware;

/**
 * Key of the {@code liveops-events} stream map: an event lives in its player's partition, so the
 * map journal hands one player's events to Jet in the order they were accepted.
 *
 * @param playerId the event's player (partition key)
 * @param eventId  the event's id
 */
public record EventKey(String playerId, String eventId) implements PartitionAware<String> {

    @Override
    public String getPartitionKey() {
        return playerId;
    }
}
