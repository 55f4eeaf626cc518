package io.oregrid.edge.liveops;

import io.oregrid.edge.OreServer;
import io.oregrid.edge.testing.EdgeFixture;
import io.oregrid.edge.testing.Http;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.liveops.EventKey;
import io.oregrid.grid.liveops.GameEvent;
import io.oregrid.grid.liveops.LiveOpsPlayer;
import io.oregrid.node.liveops.EventSignatures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies {@code POST /events} over real HTTP: signatures (tolerance, tampering, wrong and rotated
 * secrets), body validation, and every Idempotency-Key case with 100 concurrent duplicates.
 */
class EventIngestionApiTest {
    private EdgeFixture fixture;
    private OreServer server;
    private SignedEvents events;

    @BeforeEach
    void start() {
        fixture = new EdgeFixture(Map.of("EVENTS_HMAC_SECRET", SignedEvents.SECRET,
                "EVENTS_HMAC_SECRET_PREVIOUS", SignedEvents.PREVIOUS, "EVENTS_MAX_PER_SECOND", "1000"));
        server = fixture.start();
        events = new SignedEvents(server.baseUrl(), fixture);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private List<GameEvent> streamOf(String playerId) {
        Map<EventKey, GameEvent> stream = server.hazelcast().getMap(GridMaps.LIVEOPS_EVENTS);
        return stream.values().stream().filter(e -> e.playerId().equals(playerId)).toList();
    }

    private LiveOpsPlayer player(String playerId) {
        return server.hazelcast().<String, LiveOpsPlayer>getMap(GridMaps.LIVEOPS_PLAYERS).get(playerId);
    }

    @Test
    void aSignedEventIsAcceptedIntoTheGridsEventStream() {
        String body = SignedEvents.progression("alice", 150);
        Http.Response r = events.post(body, key());
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(r.body().get("status").asText()).isEqualTo("accepted");
        List<GameEvent> stream = streamOf("alice");
        assertThat(stream).hasSize(1);
        assertThat(stream.get(0).eventId()).isEqualTo(r.body().get("event_id").asText());
        assertThat(stream.get(0).body()).isEqualTo(body);
        assertThat(stream.get(0).points()).isEqualTo(150);
        assertThat(stream.get(0).acceptedAtMs()).isEqualTo(fixture.now.get());
        assertThat(player("alice").xp()).isEqualTo(150);
        assertThat(r.header("X-Request-ID")).isNotBlank();
    }

    @Test
    void badMissingExpiredOrForeignSignaturesAre401BeforeTheBodyIsRead() {
        String body = SignedEvents.progression("bob", 10);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] secret = SignedEvents.SECRET.getBytes(StandardCharsets.UTF_8);
        String flipped = body.replace("\"bob\"", "\"bop\"");
        List<Http.Response> refused = List.of(
                events.post(flipped, key(), EventSignatures.sign(secret, events.nowS(), bytes)),
                events.post(body, key(), EventSignatures.sign(secret, events.nowS() - 301, bytes)),
                events.post(body, key(), EventSignatures.sign(secret, events.nowS() + 301, bytes)),
                events.post(body, key(), null),
                events.post(body, key(), EventSignatures.sign("wrong-secret-0123456789abcdef-0123".getBytes(
                        StandardCharsets.UTF_8), events.nowS(), bytes)),
                events.post("{not json", key(), "t=1,v1=00"));
        for (Http.Response r : refused) {
            assertThat(r.status()).as(r.toString()).isEqualTo(401);
            assertThat(r.code()).isEqualTo("SIGNATURE_INVALID");
        }
        assertThat(events.post(body, key(), EventSignatures.sign(secret, events.nowS() - 300, bytes)).status())
                .isEqualTo(202);
        Http.Response previous = events.post(SignedEvents.progression("bob", 11), key(), EventSignatures.sign(
                SignedEvents.PREVIOUS.getBytes(StandardCharsets.UTF_8), events.nowS(),
                SignedEvents.progression("bob", 11).getBytes(StandardCharsets.UTF_8)));
        assertThat(previous.status()).as("the previous secret during rotation").isEqualTo(202);
        assertThat(player("bob").xp()).isEqualTo(21);
    }

    @Test
    void invalidBodiesAre400NamingTheField() {
        Map<String, String> cases = Map.of(
                "{\"playerId\":\"p\",\"ts\":1700000000,\"payload\":{}}", "type",
                "{\"type\":\"levelup\",\"playerId\":\"p\",\"ts\":1700000000,\"payload\":{}}", "type",
                "{\"type\":\"boss_kill\",\"playerId\":\"" + "x".repeat(65) + "\",\"ts\":1700000000,\"payload\":{\"bossId\":\"b\"}}", "playerId",
                "{\"type\":\"boss_kill\",\"playerId\":\"p\",\"ts\":\"now\",\"payload\":{\"bossId\":\"b\"}}", "ts",
                "{\"type\":\"boss_kill\",\"playerId\":\"p\",\"ts\":1700000000}", "payload",
                "{\"type\":\"progression\",\"playerId\":\"p\",\"ts\":1700000000,\"payload\":{\"deltaXp\":0,\"activity\":\"a\"}}", "payload.deltaXp",
                "{\"type\":\"progression\",\"playerId\":\"p\",\"ts\":1700000000,\"payload\":{\"deltaXp\":1.5,\"activity\":\"a\"}}", "payload.deltaXp",
                "{\"type\":\"progression\",\"playerId\":\"p\",\"ts\":1700000000,\"payload\":{\"deltaXp\":5}}", "payload.activity",
                "{\"type\":\"drop_claimed\",\"playerId\":\"p\",\"ts\":1700000000,\"payload\":{\"itemId\":\"i\",\"rarity\":\"mythic\"}}", "payload.rarity",
                "{\"type\":\"boss_kill\",\"playerId\":\"p\",\"ts\":1800000000,\"payload\":{\"bossId\":\"b\"}}", "ts");
        cases.forEach((body, field) -> {
            Http.Response r = events.post(body, key());
            assertThat(r.status()).as(body + " → " + r).isEqualTo(400);
            assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(r.body().get("field").asText()).as(body).isEqualTo(field);
        });
        Http.Response noKey = events.post(SignedEvents.bossKill("p"), null);
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.code()).isEqualTo("IDEMPOTENCY_KEY_MISSING");
        assertThat(events.post("[1,2]", key()).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(events.post("{\"type\":\"boss_kill\",\"type\":\"progression\"}", key()).status()).isEqualTo(400);
    }

    @Test
    void replayAfterCompletionReturnsTheOriginalResponseAndADifferentBodyIs422() {
        String key = key();
        String body = SignedEvents.progression("carol", 40);
        Http.Response first = events.post(body, key);
        fixture.advance(java.time.Duration.ofSeconds(10));
        Http.Response replay = events.post(body, key);
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.header(LiveOpsRoutes.REPLAYED)).isNull();
        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.header(LiveOpsRoutes.REPLAYED)).isEqualTo("true");
        assertThat(replay.raw().body()).isEqualTo(first.raw().body());
        Http.Response reused = events.post(SignedEvents.progression("carol", 41), key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(player("carol").xp()).isEqualTo(40);
        assertThat(streamOf("carol")).hasSize(1);
        fixture.advance(java.time.Duration.ofSeconds(fixture.config.idempotencyTtlS()));
        Http.Response afterTtl = events.post(body, key);
        assertThat(afterTtl.status()).as("a key past its TTL is new").isEqualTo(202);
        assertThat(afterTtl.header(LiveOpsRoutes.REPLAYED)).isNull();
        assertThat(streamOf("carol")).hasSize(2);
    }

    @Test
    void hundredConcurrentDuplicatesHaveOneEffect() throws Exception {
        String key = key();
        String body = SignedEvents.progression("dave", 70);
        List<Http.Response> answers = race(100, i -> events.post(body, key));
        long fresh = answers.stream().filter(r -> r.status() == 202 && r.header(LiveOpsRoutes.REPLAYED) == null).count();
        long replayed = answers.stream().filter(r -> r.status() == 202 && "true".equals(r.header(LiveOpsRoutes.REPLAYED))).count();
        long inFlight = answers.stream().filter(r -> r.status() == 409 && "IDEMPOTENCY_IN_PROGRESS".equals(r.code())).count();
        assertThat(fresh).as(answers.toString()).isEqualTo(1);
        assertThat(fresh + replayed + inFlight).as(answers.toString()).isEqualTo(100);
        assertThat(player("dave").xp()).isEqualTo(70);
        assertThat(streamOf("dave")).hasSize(1);
        assertThat(events.post(body, key).header(LiveOpsRoutes.REPLAYED)).isEqualTo("true");
    }

    @Test
    void hundredConcurrentUsesOfOneKeyWithDifferentBodiesHaveOneEffect() throws Exception {
        String key = key();
        List<Http.Response> answers = race(100, i -> events.post(SignedEvents.progression("erin", 100 + i), key));
        assertThat(answers.stream().filter(r -> r.status() == 202)).hasSize(1);
        assertThat(answers.stream().filter(r -> r.status() == 422)).hasSize(99);
        assertThat(streamOf("erin")).hasSize(1);
        assertThat(player("erin").xp()).isEqualTo(streamOf("erin").get(0).deltaXp());
    }

    private static List<Http.Response> race(int n, IntFunction<Http.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Callable<Http.Response>> tasks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                tasks.add(() -> {
                    go.await();
                    return call.apply(index);
                });
            }
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (Callable<Http.Response> t : tasks) {
                futures.add(pool.submit(t));
            }
            go.countDown();
            List<Http.Response> out = new ArrayList<>();
            for (Future<Http.Response> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
