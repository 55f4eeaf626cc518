package io.oregrid.edge.location;

import com.fasterxml.jackson.databind.JsonNode;
import io.oregrid.edge.testing.EdgeFixture;
import io.oregrid.edge.testing.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;

/** Verifies nearby players and location history over HTTP (SPEC "Location"). */
class LocationApiTest {
    private static final double LAT = -10.9393, LNG = -37.0627;
    private static final double M_PER_DEG_LAT = 111_195;
    private EdgeFixture fixture;
    private Http http;

    @BeforeEach
    void start() {
        fixture = new EdgeFixture(Map.of("RATE_LIMIT_PER_MINUTE", "100000", "LOCATION_MAX_UPDATES_PER_MINUTE", "100000",
                "AUTH_RATE_LIMIT_PER_MINUTE", "100000"));
        http = new Http(fixture.start().baseUrl());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private record Player(String id, String name, String token) {
    }

    private Player register() {
        String name = "n" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        JsonNode body = http.post("/api/v1/auth/register",
                Http.obj("email", name + "@example.com", "username", name, "password", "correct horse"), null).body();
        return new Player(body.at("/user/id").asText(), name, body.get("access_token").asText());
    }

    private void moveNorth(Player p, double metres) {
        Http.Response r = http.post("/api/v1/location/update", Http.obj("lat", LAT + metres / M_PER_DEG_LAT, "lng", LNG,
                "accuracy", 5, "timestamp", fixture.now.get()), p.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void nearbyListsFreshOthersWithinTheRadiusNearestFirst() {
        Player me = register();
        assertThat(http.get("/api/v1/location/nearby", me.token()).code()).isEqualTo("NO_POSITION");
        Player stale = register();
        moveNorth(stale, 20);
        fixture.now.addAndGet(301_000);
        moveNorth(me, 0);
        Player at80 = register();
        moveNorth(at80, 80);
        Player at30 = register();
        moveNorth(at30, -30);
        Player at400 = register();
        moveNorth(at400, 400);
        // presence follows an accepted fix within ORE_TAIL_FLUSH_MS (the coalesced tail)
        assertTrueEventually(() -> assertThat(http.get("/api/v1/location/nearby?radius=1000", me.token()).body()
                .get("players")).hasSize(3));

        JsonNode players = http.get("/api/v1/location/nearby", me.token()).body().get("players");
        List<String> ids = new ArrayList<>();
        players.forEach(p -> ids.add(p.get("user_id").asText()));
        assertThat(ids).containsExactly(at30.id(), at80.id());
        assertThat(players.get(0).get("username").asText()).isEqualTo(at30.name());
        assertThat(players.get(0).get("distance_m").asDouble()).isBetween(29.0, 31.0);

        JsonNode wide = http.get("/api/v1/location/nearby?radius=1000", me.token()).body().get("players");
        assertThat(wide).hasSize(3);
        assertThat(wide.get(2).get("user_id").asText()).isEqualTo(at400.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "x", "-1"})
    void nearbyRadiusOutOfBoundsIs400(String radius) {
        Player me = register();
        Http.Response r = http.get("/api/v1/location/nearby?radius=" + radius, me.token());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("field").asText()).isEqualTo("radius");
    }

    @Test
    void historyIsNewestFirstAndLimited() {
        Player me = register();
        assertThat(http.get("/api/v1/location/history", me.token()).body().get("fixes")).isEmpty();
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fixture.now.addAndGet(30_000);
            times.add(fixture.now.get());
            moveNorth(me, i * 10);
        }
        // history follows an accepted fix within ORE_TAIL_FLUSH_MS (the coalesced tail)
        assertTrueEventually(() -> assertThat(http.get("/api/v1/location/history", me.token()).body().get("fixes"))
                .hasSize(5));
        JsonNode all = http.get("/api/v1/location/history", me.token()).body().get("fixes");
        assertThat(all).hasSize(5);
        assertThat(all.get(0).get("timestamp").asLong()).isEqualTo(times.get(4));
        assertThat(all.get(4).get("timestamp").asLong()).isEqualTo(times.get(0));
        assertThat(all.get(0).get("cell_id").asText()).isNotBlank();
        assertThat(all.get(0).get("accuracy").asDouble()).isEqualTo(5.0);
        JsonNode two = http.get("/api/v1/location/history?limit=2", me.token()).body().get("fixes");
        assertThat(two).hasSize(2);
        assertThat(two.get(1).get("timestamp").asLong()).isEqualTo(times.get(3));
        assertThat(http.get("/api/v1/location/history?limit=501", me.token()).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/location/history?limit=0", me.token()).status()).isEqualTo(400);
    }
}
