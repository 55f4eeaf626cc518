package io.oregrid.edge.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.oregrid.edge.testing.EdgeFixture;
import io.oregrid.edge.testing.Http;
import io.oregrid.store.testing.TcpProxy;
import io.oregrid.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies over real HTTP against a real PostgreSQL (behind a proxy that can go down): a collect
 * PostgreSQL cannot take answers 503 DEPENDENCY_UNAVAILABLE without SQL in the body, {@code /health}
 * reports the database down and up again, the same node then completes the pending collect with the
 * same Idempotency-Key, and after a full-cluster restart the account, balance and signing key are
 * back: a token issued before the restart still verifies.
 */
class PersistenceApiTest {
    private static final double LAT = -10.9393, LNG = -37.0627;
    private final TestDatabase db = new TestDatabase();
    private final TcpProxy proxy = new TcpProxy(TestDatabase.hostPort());
    private EdgeFixture fixture = fixture();
    private Http http = new Http(fixture.start().baseUrl());

    private EdgeFixture fixture() {
        return new EdgeFixture(db.nodeSettings(proxy.hostPort(), "DB_TIMEOUT_MS", "500",
                "COIN_DENSITY_PER_CELL", "10", "LOCATION_MAX_UPDATES_PER_MINUTE", "100000", "COIN_TTL_S", "86400"));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
        proxy.close();
        db.close();
    }

    private Http.Response moveTo(String token, double lat, double lng) {
        fixture.advance(Duration.ofSeconds(60));
        return http.post("/api/v1/location/update",
                Http.obj("lat", lat, "lng", lng, "accuracy", 5, "timestamp", fixture.now.get()), token);
    }

    private Http.Response collect(String token, String coinId, String key) {
        return http.send("POST", "/api/v1/game/coins/" + coinId + "/collect", null, null, token, "Idempotency-Key", key);
    }

    @Test
    void databaseDownAnswers503ThenTheSameNodeCompletesTheCollectAndARestartKeepsEverything() {
        String name = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Http.Response reg = http.post("/api/v1/auth/register",
                Http.obj("email", name + "@example.com", "username", name, "password", "correct horse"), null);
        assertThat(reg.status()).isEqualTo(201);
        String token = reg.body().get("access_token").asText();
        assertThat(moveTo(token, LAT, LNG).status()).isEqualTo(200);
        JsonNode coins = http.get("/api/v1/game/coins/nearby?radius=500", token).body().get("coins");
        JsonNode first = coins.get(0);
        JsonNode second = coins.get(1);
        assertThat(moveTo(token, first.get("lat").asDouble(), first.get("lng").asDouble()).status()).isEqualTo(200);
        assertThat(collect(token, first.get("id").asText(), "k1").status()).isEqualTo(200);
        assertThat(moveTo(token, second.get("lat").asDouble(), second.get("lng").asDouble()).status()).isEqualTo(200);

        proxy.down();
        Http.Response refused = collect(token, second.get("id").asText(), "k2");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("DEPENDENCY_UNAVAILABLE");
        assertThat(refused.raw().body()).doesNotContainIgnoringCase("sql").doesNotContain("jdbc");
        Http.Response health = http.get("/health", null);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body().at("/dependencies/database/status").asText()).isEqualTo("down");
        assertThat(http.get("/api/v1/game/inventory", token).body().get("balance").asLong())
                .isEqualTo(first.get("value").asLong());
        assertThat(moveTo(token, second.get("lat").asDouble() + 1e-5, second.get("lng").asDouble()).status())
                .as("location updates go on").isEqualTo(200);

        proxy.up();
        assertTrueEventually(() -> assertThat(http.get("/health", null).status()).isEqualTo(200));
        Http.Response retried = collect(token, second.get("id").asText(), "k2");
        assertThat(retried.status()).isEqualTo(200);
        long balance = first.get("value").asLong() + second.get("value").asLong();
        assertThat(retried.body().get("balance").asLong()).isEqualTo(balance);

        fixture.close();
        fixture = fixture();
        http = new Http(fixture.start().baseUrl());
        Http.Response inventory = http.get("/api/v1/game/inventory", token);
        assertThat(inventory.status()).as("a token issued before the restart verifies").isEqualTo(200);
        assertThat(inventory.body().get("balance").asLong()).isEqualTo(balance);
        assertThat(inventory.body().get("coins_collected").asLong()).isEqualTo(2);
        Http.Response login = http.post("/api/v1/auth/login",
                Http.obj("email", name + "@example.com", "password", "correct horse"), null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(http.post("/api/v1/auth/refresh", Http.obj("refresh_token", reg.body().get("refresh_token").asText()),
                null).status()).as("a refresh token issued before the restart").isEqualTo(200);
    }
}
