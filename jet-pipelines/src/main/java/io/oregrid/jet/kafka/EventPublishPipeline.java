package io.oregrid.jet.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.jet.kafka.KafkaSinks;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.StreamSource;
import io.oregrid.grid.liveops.EventType;
import io.oregrid.grid.liveops.GameEvent;
import io.oregrid.jet.leaderboard.LeaderboardPipeline;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.Serializable;
import java.util.Properties;

/**
 * Publishes every accepted event to Kafka (SPEC capability 17, issue #6): the {@code liveops-events}
 * journal ({@link LeaderboardPipeline#journal()}, ADDED entries only) to the topic
 * {@code events.<type>}, keyed by player id (so one player's events stay in one partition, in order),
 * the value a JSON object with the event's fields and the game server's payload under {@code body}.
 * <p>
 * An event that fails validation (unknown type, no event or player id) or serialisation (its body is
 * not JSON) goes to {@link #DLQ_TOPIC} instead, keyed by event id (or {@code "unknown"}), as
 * {@code {"error":..., "stage":"kafka-publish", "eventId":..., "playerId":..., "type":..., "body":"<raw>"}};
 * the job never stops on a bad event.
 * <p>
 * Exactly-once: run with {@code EXACTLY_ONCE}; Jet's Kafka sink then writes in Kafka transactions
 * that it commits when the job's snapshot (with the journal offsets) completes, and manages the
 * producers' {@code transactional.id}s itself. Consumers must read with
 * {@code isolation.level=read_committed}; records become visible one snapshot interval after
 * acceptance at the latest.
 */
public final class EventPublishPipeline {
    /** The job's name: submitted with {@code newJobIfAbsent}, so once per cluster. */
    public static final String JOB_NAME = "kafka-event-publish";
    /** Topic prefix of accepted events: {@code events.<type>}. */
    public static final String TOPIC_PREFIX = "events.";
    /** Records that fail processing. */
    public static final String DLQ_TOPIC = "dlq.failed.events";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventPublishPipeline() {
    }

    /** A record bound for Kafka (serialisable between Jet stages, unlike {@link ProducerRecord}). */
    public record Outgoing(String topic, String key, String value) implements Serializable {
    }

    /**
     * @param source     accepted events (production: {@link LeaderboardPipeline#journal()})
     * @param kafkaProps producer properties, at least {@code bootstrap.servers}; String serialisers are
     *                   added when absent. Do not set {@code transactional.id}: Jet does.
     * @return the pipeline writing {@code events.<type>} and {@value #DLQ_TOPIC}
     */
    public static Pipeline build(StreamSource<GameEvent> source, Properties kafkaProps) {
        Properties props = new Properties();
        props.putAll(kafkaProps);
        props.putIfAbsent("key.serializer", StringSerializer.class.getName());
        props.putIfAbsent("value.serializer", StringSerializer.class.getName());
        Pipeline p = Pipeline.create();
        p.readFrom(source)
                .withoutTimestamps()
                .map(EventPublishPipeline::toOutgoing)
                // exactlyOnce(true): transactional when the job runs EXACTLY_ONCE, plain at-least-once otherwise
                .writeTo(KafkaSinks.<Outgoing>kafka(props)
                        .toRecordFn(o -> new ProducerRecord<>(o.topic(), o.key(), o.value()))
                        .exactlyOnce(true)
                        .build());
        return p;
    }

    /** @return the event's record on {@code events.<type>}, or its dead letter on {@value #DLQ_TOPIC} */
    public static Outgoing toOutgoing(GameEvent e) {
        try {
            if (e.eventId() == null || e.eventId().isBlank()) {
                return deadLetter(e, "no event id");
            }
            if (e.playerId() == null || e.playerId().isBlank()) {
                return deadLetter(e, "no player id");
            }
            EventType type = EventType.fromWireName(e.type()).orElse(null);
            if (type == null) {
                return deadLetter(e, "unknown event type '" + e.type() + "'");
            }
            return new Outgoing(TOPIC_PREFIX + type.wireName(), e.playerId(), toJson(e, type));
        } catch (JsonProcessingException | RuntimeException ex) {
            return deadLetter(e, ex.getClass().getSimpleName() + ": " + ex.getMessage());
        }
    }

    /** The event as published: its fields, snake_case, with the game server's payload as JSON under {@code body}. */
    static String toJson(GameEvent e, EventType type) throws JsonProcessingException {
        ObjectNode n = JSON.createObjectNode();
        n.put("event_id", e.eventId());
        n.put("player_id", e.playerId());
        n.put("type", type.wireName());
        n.put("ts", e.ts());
        n.put("accepted_at_ms", e.acceptedAtMs());
        n.put("delta_xp", e.deltaXp());
        n.put("points", e.points());
        n.set("body", e.body() == null ? JSON.nullNode() : JSON.readTree(e.body()));
        return JSON.writeValueAsString(n);
    }

    private static Outgoing deadLetter(GameEvent e, String error) {
        ObjectNode n = JSON.createObjectNode();
        n.put("error", error);
        n.put("stage", JOB_NAME);
        n.put("eventId", e == null ? null : e.eventId());
        n.put("playerId", e == null ? null : e.playerId());
        n.put("type", e == null ? null : e.type());
        n.put("body", e == null ? null : e.body());
        String key = e == null || e.eventId() == null ? "unknown" : e.eventId();
        try {
            return new Outgoing(DLQ_TOPIC, key, JSON.writeValueAsString(n));
        } catch (JsonProcessingException never) {
            return new Outgoing(DLQ_TOPIC, key, "{\"error\":\"unserialisable dead letter\"}");
        }
    }
}
