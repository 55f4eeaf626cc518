package io.oregrid.grid.liveops;

import org.junit.jupiter.api.Test;

import java.util.AbstractMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies the Idempotency-Key state machine NEW → IN_FLIGHT → DONE (and release) without a cluster. */
class IdempotencyProcessorsTest {
    private static final long LEASE = 30_000, TTL = 86_400_000;
    private final Map.Entry<String, IdempotencyRecord> entry = new AbstractMap.SimpleEntry<>("events|k", null);

    private BeginResult begin(String fingerprint, String owner, long now) {
        return new BeginRequestProcessor(fingerprint, owner, now, LEASE, TTL).process(entry);
    }

    @Test
    void keyMovesFromNewToInFlightToDoneAndReplays() {
        assertThat(begin("f", "a", 1_000).outcome()).isEqualTo(BeginResult.Outcome.STARTED);
        assertThat(begin("f", "a", 1_001).outcome()).as("same owner again").isEqualTo(BeginResult.Outcome.STARTED);
        assertThat(begin("f", "b", 2_000).outcome()).isEqualTo(BeginResult.Outcome.IN_PROGRESS);
        assertThat(begin("g", "b", 2_000).outcome()).isEqualTo(BeginResult.Outcome.KEY_REUSED);
        assertThat(new CompleteRequestProcessor("b", 202, "{}", TTL).process(entry)).as("not the owner").isFalse();
        assertThat(new CompleteRequestProcessor("a", 202, "{\"x\":1}", TTL).process(entry)).isTrue();
        BeginResult replay = begin("f", "c", 3_000);
        assertThat(replay.outcome()).isEqualTo(BeginResult.Outcome.REPLAY);
        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.body()).isEqualTo("{\"x\":1}");
        assertThat(replay.startedAtMs()).isEqualTo(1_000);
        assertThat(begin("g", "c", 3_000).outcome()).isEqualTo(BeginResult.Outcome.KEY_REUSED);
        assertThat(begin("g", "c", 1_000 + TTL).outcome()).as("expired key starts afresh").isEqualTo(BeginResult.Outcome.STARTED);
    }

    @Test
    void deadOwnersKeyIsTakenOverAfterItsLeaseWithTheSameStart() {
        begin("f", "a", 1_000);
        assertThat(begin("f", "b", 1_000 + LEASE - 1).outcome()).isEqualTo(BeginResult.Outcome.IN_PROGRESS);
        BeginResult takeover = begin("f", "b", 1_000 + LEASE);
        assertThat(takeover.outcome()).isEqualTo(BeginResult.Outcome.STARTED);
        assertThat(takeover.startedAtMs()).isEqualTo(1_000);
        assertThat(new CompleteRequestProcessor("a", 202, "{}", TTL).process(entry)).as("the old owner lost it").isFalse();
    }

    @Test
    void abandonReleasesOnlyTheOwnersInFlightKey() {
        begin("f", "a", 1_000);
        assertThat(new AbandonRequestProcessor("b").process(entry)).isFalse();
        assertThat(new AbandonRequestProcessor("a").process(entry)).isTrue();
        assertThat(entry.getValue()).isNull();
        assertThat(begin("g", "b", 1_500).outcome()).isEqualTo(BeginResult.Outcome.STARTED);
    }
}
