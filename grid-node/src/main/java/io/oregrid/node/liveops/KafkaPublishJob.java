package io.oregrid.node.liveops;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.config.ProcessingGuarantee;
import io.oregrid.jet.kafka.EventPublishPipeline;
import io.oregrid.jet.leaderboard.LeaderboardPipeline;

import java.util.Properties;

/**
 * Submits the Kafka publishing job ({@link EventPublishPipeline}) by name with {@code newJobIfAbsent}
 * when {@code ORE_KAFKA_BOOTSTRAP} is set; without it nothing leaves the grid and nothing else
 * changes. {@code EXACTLY_ONCE}: the Kafka sink writes in transactions committed with each snapshot,
 * so {@code read_committed} consumers see every accepted event once, at most
 * {@link #SNAPSHOT_INTERVAL_MS} after acceptance plus the commit.
 */
public final class KafkaPublishJob {
    /** How often the job snapshots (and so commits its Kafka transaction), ms. */
    public static final long SNAPSHOT_INTERVAL_MS = 1_000;

    private KafkaPublishJob() {
    }

    /** @return the cluster's publishing job, or null when Kafka is not configured or Jet is off */
    public static Job submit(HazelcastInstance member, LiveOpsConfig config) {
        return submit(member, config.kafkaBootstrap());
    }

    /**
     * @param bootstrap Kafka bootstrap servers, or null for none
     * @return the cluster's publishing job (new or the one already running), or null when
     *         {@code bootstrap} is null/blank or Jet is off
     */
    public static Job submit(HazelcastInstance member, String bootstrap) {
        if (bootstrap == null || bootstrap.isBlank() || !member.getConfig().getJetConfig().isEnabled()) {
            return null;
        }
        return member.getJet().newJobIfAbsent(
                EventPublishPipeline.build(LeaderboardPipeline.journal(), producerProperties(bootstrap)),
                new JobConfig().setName(EventPublishPipeline.JOB_NAME)
                        .setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE)
                        .setSnapshotIntervalMillis(SNAPSHOT_INTERVAL_MS));
    }

    /** @return the producer settings: bootstrap servers, all replicas acknowledge, idempotent */
    static Properties producerProperties(String bootstrap) {
        Properties props = new Properties();
        props.setProperty("bootstrap.servers", bootstrap);
        props.setProperty("acks", "all");
        props.setProperty("enable.idempotence", "true");
        return props;
    }
}
