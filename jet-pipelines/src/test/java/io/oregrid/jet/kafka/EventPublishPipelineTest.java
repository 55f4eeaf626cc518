package io.oregrid.jet.kafka;

import io.oregrid.grid.liveops.GameEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies the record each event becomes: topic by type, key by player, JSON value; bad events to the DLQ. */
class EventPublishPipelineTest {

    private static GameEvent event(String id, String player, String type, String body) {
        return new GameEvent(id, player, type, 1_700_000_000L, 1_700_000_000_123L, 7, 7, body);
    }

    @Test
    void anAcceptedEventGoesToItsTypesTopicKeyedByPlayer() {
        EventPublishPipeline.Outgoing o = EventPublishPipeline.toOutgoing(
                event("e1", "p1", "boss_kill", "{\"bossId\":\"b9\"}"));
        assertThat(o.topic()).isEqualTo("events.boss_kill");
        assertThat(o.key()).isEqualTo("p1");
        assertThat(o.value()).isEqualTo("{\"event_id\":\"e1\",\"player_id\":\"p1\",\"type\":\"boss_kill\","
                + "\"ts\":1700000000,\"accepted_at_ms\":1700000000123,\"delta_xp\":7,\"points\":7,"
                + "\"body\":{\"bossId\":\"b9\"}}");
    }

    @Test
    void eventsThatFailValidationOrSerialisationGoToTheDeadLetterTopic() {
        assertThat(EventPublishPipeline.toOutgoing(event("e2", "p1", "teleport", "{}")))
                .satisfies(o -> assertThat(o.topic()).isEqualTo(EventPublishPipeline.DLQ_TOPIC))
                .satisfies(o -> assertThat(o.key()).isEqualTo("e2"))
                .satisfies(o -> assertThat(o.value()).contains("unknown event type 'teleport'"));
        assertThat(EventPublishPipeline.toOutgoing(event("e3", "p1", "progression", "{broken")))
                .satisfies(o -> assertThat(o.topic()).isEqualTo(EventPublishPipeline.DLQ_TOPIC))
                .satisfies(o -> assertThat(o.value()).contains("\"body\":\"{broken\""));
        assertThat(EventPublishPipeline.toOutgoing(event("e4", " ", "progression", "{}")).value()).contains("no player id");
        assertThat(EventPublishPipeline.toOutgoing(event(null, "p1", "progression", "{}")))
                .satisfies(o -> assertThat(o.key()).isEqualTo("unknown"))
                .satisfies(o -> assertThat(o.value()).contains("no event id"));
    }
}
