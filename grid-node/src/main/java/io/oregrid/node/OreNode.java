package io.oregrid.node;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.liveops.KafkaPublishJob;
import io.oregrid.node.liveops.LeaderboardJob;
import io.oregrid.node.liveops.LeaderboardSnapshotter;
import io.oregrid.node.persistence.Persistence;
import io.oregrid.node.sql.SqlMappings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One grid member with the ORE services on top: the composition root of the grid side. Built from a
 * running {@link HazelcastInstance} (tests pass members of a mock-network factory) or started from
 * the configuration ({@link #start}).
 */
public final class OreNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OreNode.class);

    private final OreConfig config;
    private final GameClock clock;
    private final HazelcastInstance hazelcast;
    private final long startedAtMs = System.currentTimeMillis();
    private final LeaderboardSnapshotter snapshotter;

    /**
     * Wraps a running member; {@link #close()} shuts it down. With persistence on, the member's eager
     * write-through maps from now on reload the keys a crashed member took with it.
     */
    public OreNode(OreConfig config, GameClock clock, HazelcastInstance hazelcast) {
        this.config = config;
        this.clock = clock;
        this.hazelcast = hazelcast;
        Persistence.of(hazelcast).ifPresent(p -> p.reloadLostPartitions(hazelcast));
        // Leaderboards to PostgreSQL every ORE_LEADERBOARD_SNAPSHOT_INTERVAL_S and at each window rollover.
        this.snapshotter = Persistence.of(hazelcast)
                .map(p -> new LeaderboardSnapshotter(hazelcast, p.dataSource(), clock, config.liveOps())
                        .start(config.liveOps().snapshotIntervalS()))
                .orElse(null);
    }

    /**
     * Starts an embedded member as configured, creates the analysts' SQL mappings
     * ({@link SqlMappings}), submits the leaderboard job if no member did ({@link LeaderboardJob})
     * and says whether persistence is on.
     *
     * @throws com.hazelcast.core.HazelcastException when the member cannot start (port taken, bad member list)
     */
    public static OreNode start(OreConfig config, GameClock clock) {
        Config hz = GridConfigFactory.memberConfig(config);
        HazelcastInstance member = Hazelcast.newHazelcastInstance(hz);
        SqlMappings.create(member);
        LeaderboardJob.submit(member, config.liveOps(), config.hotPath().jetSnapshotIntervalS() * 1000L);
        KafkaPublishJob.submit(member, config.liveOps()); // only with ORE_KAFKA_BOOTSTRAP (SPEC 17)
        LOG.info("member started: cluster={} persistence={}", config.clusterName(),
                config.persistenceEnabled() ? "postgresql" : "memory (no ORE_DB_URL; nothing survives a full restart)");
        return new OreNode(config, clock, member);
    }

    public OreConfig config() {
        return config;
    }

    public GameClock clock() {
        return clock;
    }

    public HazelcastInstance hazelcast() {
        return hazelcast;
    }

    /** @return wall-clock epoch ms at which this node object was created (for uptime) */
    public long startedAtMs() {
        return startedAtMs;
    }

    /** Leaves the cluster gracefully (partitions migrate to the remaining members first). */
    @Override
    public void close() {
        if (snapshotter != null) {
            snapshotter.close();
        }
        if (hazelcast.getLifecycleService().isRunning()) {
            hazelcast.shutdown();
        }
    }
}
