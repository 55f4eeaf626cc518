package io.oregrid.edge.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.oregrid.edge.OreServer;
import io.oregrid.edge.testing.EdgeFixture;
import io.oregrid.edge.testing.Http;
import io.oregrid.node.grid.GridGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the cost rules of ARCHITECTURE.md with the {@link GridGateway}'s counts, over real HTTP on a
 * started node: a location update's answer waits for exactly one grid operation and parks no thread
 * on the grid; its tail (history, presence, fan-out) is coalesced with other requests' into one
 * detached call per map and one publish per flush; a collect waits for at most three. The node's
 * background work is switched off and the tail's flush interval set to a minute, so the counts are
 * the requests' alone and the test flushes by hand.
 */
class GridCostTest {
    private static final double LAT = -10.9393, LNG = -37.0627;
    private EdgeFixture fixture;
    private OreServer server;
    private Http http;

    @BeforeEach
    void start() {
        fixture = new EdgeFixture(Map.of("RATE_LIMIT_PER_MINUTE", "100000", "LOCATION_MAX_UPDATES_PER_MINUTE", "100000",
                "AUTH_RATE_LIMIT_PER_MINUTE", "100000", "SWEEP_INTERVAL_S", "3600", "COLLECT_RANGE_M", "1000", "TAIL_FLUSH_MS", "60000"));
        server = fixture.start();
        http = new Http(server.baseUrl());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private String register() {
        String name = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return http.post("/api/v1/auth/register", Http.obj("email", name + "@example.com", "username", name,
                "password", "correct horse"), null).body().get("access_token").asText();
    }

    private Http.Response move(String token, double lat, long at) {
        return http.post("/api/v1/location/update", Http.obj("lat", lat, "lng", LNG, "accuracy", 5, "timestamp", at), token);
    }

    /** @return the gateway's counts once the tail has been flushed and its detached calls submitted */
    private GridGateway.Counts settled(GridGateway.Counts before, long detachedAtLeast) {
        GridGateway grid = server.game().grid();
        assertTrueEventually(() -> {
            server.game().flush(); // what the answered requests' continuations queued so far
            assertThat(grid.counts().since(before).detached()).isGreaterThanOrEqualTo(detachedAtLeast);
        });
        return grid.counts().since(before);
    }

    /** @return the access token's {@code sub} claim: the player id */
    private static String subjectOf(String token) {
        try {
            return com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet().getSubject();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    /** @return how many distinct partitions {@code keys} fall in */
    private long partitions(Collection<String> keys) {
        return keys.stream().map(k -> server.game().grid().hazelcast().getPartitionService().getPartition(k)
                .getPartitionId()).distinct().count();
    }

    @Test
    void aLocationUpdateWaitsForOneGridOperationAndBlocksNone() {
        String token = register();
        GridGateway grid = server.game().grid();
        Http.Response first = move(token, LAT, fixture.now.get()); // first fix: token cache, presence
        assertThat(first.status()).isEqualTo(200);
        server.game().flush();
        fixture.advance(java.time.Duration.ofSeconds(1));

        GridGateway.Counts before = grid.counts();
        Http.Response r = move(token, LAT + 1e-6, fixture.now.get()); // 0.1 m: presence not due
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(grid.counts().since(before)).as("answered: one awaited operation, nothing parked, the tail queued")
                .isEqualTo(new GridGateway.Counts(0, 1, 0));
        GridGateway.Counts cost = settled(before, 2);
        assertThat(cost.detached()).as("history, fan-out publish (the outcome is the motion write's journal event)")
                .isEqualTo(2);

        fixture.advance(java.time.Duration.ofSeconds(60));
        before = grid.counts();
        Http.Response away = move(token, LAT + 0.01, fixture.now.get()); // 1.1 km at 67 km/h: a new cell
        assertThat(away.status()).isEqualTo(200);
        long cells = partitions(List.of(first.body().get("cell_id").asText(), away.body().get("cell_id").asText()));
        cost = settled(before, 2 + cells);
        assertThat(cost.onRequestPath()).isEqualTo(1);
        assertThat(cost.detached()).as("history, presence (leave and enter: one call per cells' partition), publish")
                .isEqualTo(2 + cells);
    }

    @Test
    void theTailOfManyUpdatesIsOneCallPerPartitionAndOnePublish() {
        String token = register();
        GridGateway grid = server.game().grid();
        GridGateway.Counts before = grid.counts();
        for (int i = 0; i < 12; i++) { // 12 fixes 1 s and 1.1 m apart: one cell, presence due only for the first
            fixture.advance(java.time.Duration.ofSeconds(1));
            assertThat(move(token, LAT + i * 1e-5, fixture.now.get()).status()).isEqualTo(200);
        }
        GridGateway.Counts cost = settled(before, 3);
        assertThat(cost.onRequestPath()).as("one per request").isEqualTo(12);
        assertThat(cost.detached()).as("one history call, one presence call, one publish: for all twelve").isEqualTo(3);
        assertTrueEventually(() -> assertThat(http.get("/api/v1/location/history?limit=20", token).body().get("fixes"))
                .as("every fix in the history").hasSize(12));

        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tokens.add(register());
        }
        List<String> players = new ArrayList<>();
        Set<String> cells = new HashSet<>();
        before = grid.counts();
        for (int i = 0; i < tokens.size(); i++) { // first fixes of twelve players in two cells
            Http.Response r = move(tokens.get(i), LAT + (i % 2) * 0.01, fixture.now.get());
            assertThat(r.status()).isEqualTo(200);
            cells.add(r.body().get("cell_id").asText());
        }
        for (String t : tokens) {
            players.add(subjectOf(t));
        }
        long expected = partitions(players) + partitions(cells) + 1;
        cost = settled(before, expected);
        assertThat(cost.detached()).as("one history call per players' partition, one presence call per cells' partition,"
                + " one publish").isEqualTo(expected);
    }

    @Test
    void refusalsCostTheSameOneOperationAndNoTail() {
        String token = register();
        GridGateway grid = server.game().grid();
        move(token, LAT, fixture.now.get());
        fixture.advance(java.time.Duration.ofSeconds(1));
        GridGateway.Counts before = grid.counts();
        Http.Response teleport = move(token, LAT + 1, fixture.now.get());
        assertThat(teleport.code()).isEqualTo("MOVEMENT_REJECTED");
        GridGateway.Counts cost = grid.counts().since(before);
        assertThat(cost).isEqualTo(new GridGateway.Counts(0, 1, 0));

        before = grid.counts();
        Http.Response invalid = http.post("/api/v1/location/update", Http.obj("lat", 91, "lng", LNG, "accuracy", 5,
                "timestamp", fixture.now.get()), token);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(grid.counts().since(before)).as("a bad fix still takes its per-user token")
                .isEqualTo(new GridGateway.Counts(1, 0, 0));
    }

    @Test
    void aCollectWaitsForAtMostThreeGridOperations() {
        String token = register();
        GridGateway grid = server.game().grid();
        assertThat(move(token, LAT, fixture.now.get()).status()).isEqualTo(200);
        server.game().flush(); // the move's tail is not the collect's
        JsonNode coin = http.get("/api/v1/game/coins/nearby?radius=500", token).body().get("coins").get(0);

        GridGateway.Counts before = grid.counts();
        Http.Response got = http.send("POST", "/api/v1/game/coins/" + coin.get("id").asText() + "/collect", null, null,
                token, "Idempotency-Key", "k1");
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        GridGateway.Counts cost = settled(before, 3);
        assertThat(cost.onRequestPath()).as("per-user token with the position, claim, credit").isEqualTo(3);
        assertThat(cost.detached()).as("mark credited, outcome, fan-out publish").isEqualTo(3);

        before = grid.counts();
        Http.Response replay = http.send("POST", "/api/v1/game/coins/" + coin.get("id").asText() + "/collect", null, null,
                token, "Idempotency-Key", "k1");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(grid.counts().since(before).onRequestPath()).as("a replay too").isLessThanOrEqualTo(3);
    }
}
