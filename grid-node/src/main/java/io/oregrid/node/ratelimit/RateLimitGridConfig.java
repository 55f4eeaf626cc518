package io.oregrid.node.ratelimit;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.SerializationConfig;
import io.github.bucket4j.grid.hazelcast.HazelcastProxyManager;

/**
 * Grid settings the distributed rate limits (SPEC "Rate limits") need: Bucket4j's serializers for
 * its entry processors, registered on every member and on any client that runs an edge.
 *
 * <p>The buckets live in {@link io.oregrid.grid.GridMaps#RATE_LIMITS} as Bucket4j's own serialized
 * state ({@code byte[]}), the documented exception to "values are records" (ARCHITECTURE "State in
 * the grid"): the library owns that format and its entry processors.
 */
public final class RateLimitGridConfig {
    /**
     * First Hazelcast serializer type id Bucket4j uses; it takes this id and the next three. Custom
     * serializer ids must be positive and unique in the cluster.
     */
    public static final int BUCKET4J_TYPE_ID_BASE = 10_000;

    private RateLimitGridConfig() {
    }

    /** Registers Bucket4j's serializers on a member's configuration. */
    public static void apply(Config config) {
        register(config.getSerializationConfig());
    }

    /** Registers Bucket4j's serializers on a client's configuration (an edge running as a client). */
    public static void apply(ClientConfig config) {
        register(config.getSerializationConfig());
    }

    private static void register(SerializationConfig serialization) {
        HazelcastProxyManager.addCustomSerializers(serialization, BUCKET4J_TYPE_ID_BASE);
    }
}
