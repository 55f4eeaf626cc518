package io.oregrid.node.liveops;

import com.hazelcast.client.test.TestHazelcastFactory;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.map.IMap;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.liveops.EventKey;
import io.oregrid.grid.liveops.GameEvent;
import io.oregrid.jet.kafka.EventPublishPipeline;
import io.oregrid.node.GridConfigFactory;
import io.oregrid.node.config.OreConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies the Kafka publishing job against a real in-process broker: accepted events appear on
 * {@code events.<type>} keyed by player, each exactly once for a {@code read_committed} consumer,
 * even when a member dies mid-stream; bad events go to {@code dlq.failed.events}; without
 * {@code ORE_KAFKA_BOOTSTRAP} no job is submitted.
 */
class KafkaPublishJobTest {
    private static final int PROGRESSION = 600;
    private static final int BOSS_KILLS = 40;
    private static final int PLAYERS = 20;

    private static EmbeddedKafka kafka;

    private final TestHazelcastFactory factory = new TestHazelcastFactory();

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(3, "events.progression", "events.boss_kill", "events.drop_claimed");
        kafka.createTopics(1, EventPublishPipeline.DLQ_TOPIC);
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @AfterEach
    void stopMembers() {
        factory.shutdownAll();
    }

    private static OreConfig config(String bootstrap) {
        Map<String, String> m = new HashMap<>(Map.of("CLUSTER_NAME", "kafka-" + UUID.randomUUID()));
        if (bootstrap != null) {
            m.put("KAFKA_BOOTSTRAP", bootstrap);
        }
        return OreConfig.defaults().with(m);
    }

    @Test
    void acceptedEventsAppearOnTheirTopicOnceEachEvenWhenAMemberDies() {
        OreConfig config = config(kafka.bootstrap());
        HazelcastInstance[] members = {
                factory.newHazelcastInstance(GridConfigFactory.memberConfig(config)),
                factory.newHazelcastInstance(GridConfigFactory.memberConfig(config))};
        assertClusterSizeEventually(2, members[0]);
        Job first = KafkaPublishJob.submit(members[0], config.liveOps());
        Job second = KafkaPublishJob.submit(members[1], config.liveOps());
        assertThat(first).isNotNull();
        assertThat(second.getId()).as("one job per cluster").isEqualTo(first.getId());

        IMap<EventKey, GameEvent> stream = members[0].getMap(GridMaps.LIVEOPS_EVENTS);
        long t = Instant.parse("2026-11-18T10:00:00Z").toEpochMilli();
        for (int i = 0; i < PROGRESSION; i++) {
            if (i == PROGRESSION / 4) {
                assertThat(consume("events.progression", 1, 0)).as("transactions committed").isNotEmpty();
            }
            if (i == PROGRESSION / 2) {
                // events have been flowing for ~1.5 s (past a snapshot): kill a member, no graceful migration.
                // The job restarts from its last snapshot and re-reads the journal from there; what it had
                // sent since sits in aborted transactions (an at-least-once sink duplicates it here).
                members[1].getLifecycleService().terminate();
            }
            if (i > PROGRESSION / 4 && i < PROGRESSION * 3 / 4) {
                sleep(10); // pacing: events must keep flowing while the member is killed, not a wait for a condition
            }
            String id = "prog-" + i;
            String player = "p" + (i % PLAYERS);
            stream.putIfAbsent(new EventKey(player, id), new GameEvent(id, player, "progression", t / 1000, t + i,
                    5, 5, "{\"deltaXp\":5,\"activity\":\"walk\"}"));
        }
        for (int i = 0; i < BOSS_KILLS; i++) {
            String id = "boss-" + i;
            stream.putIfAbsent(new EventKey("p1", id), new GameEvent(id, "p1", "boss_kill", t / 1000, t, 0, 500,
                    "{\"bossId\":\"b" + i + "\"}"));
        }
        stream.putIfAbsent(new EventKey("p2", "bad-type"), new GameEvent("bad-type", "p2", "teleport", t / 1000, t, 0, 0, "{}"));
        stream.putIfAbsent(new EventKey("p2", "bad-body"), new GameEvent("bad-body", "p2", "progression", t / 1000, t, 1, 1, "not json"));

        List<ConsumerRecord<String, String>> progression = consume("events.progression", PROGRESSION);
        Map<String, Long> perEvent = progression.stream()
                .collect(Collectors.groupingBy(r -> field(r.value(), "event_id"), Collectors.counting()));
        assertThat(progression).as("records on events.progression").hasSize(PROGRESSION);
        assertThat(perEvent).as("distinct event ids").hasSize(PROGRESSION);
        assertThat(perEvent.values()).as("each event once").containsOnly(1L);
        assertThat(progression).allSatisfy(r -> assertThat(r.key()).isEqualTo(field(r.value(), "player_id")));
        assertThat(progression.get(0).value()).contains("\"body\":{\"deltaXp\":5,\"activity\":\"walk\"}");

        assertThat(consume("events.boss_kill", BOSS_KILLS)).hasSize(BOSS_KILLS)
                .extracting(r -> field(r.value(), "event_id")).doesNotHaveDuplicates();
        List<ConsumerRecord<String, String>> dlq = consume(EventPublishPipeline.DLQ_TOPIC, 2);
        assertThat(dlq).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("bad-type", "bad-body");
        assertThat(dlq).extracting(ConsumerRecord::value)
                .anySatisfy(v -> assertThat(v).contains("unknown event type 'teleport'"))
                .anySatisfy(v -> assertThat(v).contains("\"body\":\"not json\""));
    }

    @Test
    void withoutKafkaNoJobIsSubmitted() {
        OreConfig config = config(null);
        HazelcastInstance member = factory.newHazelcastInstance(GridConfigFactory.memberConfig(config));
        assertThat(KafkaPublishJob.submit(member, config.liveOps())).isNull();
        assertThat(member.getJet().getJob(EventPublishPipeline.JOB_NAME)).isNull();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Reads {@code topic} as committed; waits for {@code expected} records, then 3 s more (> a snapshot interval) to catch duplicates. */
    private static List<ConsumerRecord<String, String>> consume(String topic, int expected) {
        return consume(topic, expected, 3_000);
    }

    private static List<ConsumerRecord<String, String>> consume(String topic, int expected, long quietMs) {
        Properties p = new Properties();
        p.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        p.setProperty(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 40_000;
            long quietUntil = Long.MAX_VALUE;
            while (System.currentTimeMillis() < Math.min(deadline, quietUntil)) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                if (out.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.currentTimeMillis() + quietMs;
                }
            }
        }
        return out;
    }

    private static final Function<String, Map<String, Object>> PARSE = v -> {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = new com.fasterxml.jackson.databind.ObjectMapper().readValue(v, Map.class);
            return m;
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + v, e);
        }
    };

    private static String field(String json, String name) {
        return String.valueOf(PARSE.apply(json).get(name));
    }
}
