package io.oregrid.edge.game;

import com.fasterxml.jackson.databind.JsonNode;
import io.oregrid.edge.OreServer;
import io.oregrid.edge.testing.EdgeFixture;
import io.oregrid.edge.testing.Http;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.player.PlayerState;
import io.oregrid.store.testing.Race;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies the player loop over real HTTP: location update, nearby coins, collect with
 * Idempotency-Key (64 racing players, 50 duplicates of one key), inventory, and SPEC refusals.
 */
class GameApiTest {
    private static final double LAT = -10.9393, LNG = -37.0627;
    private EdgeFixture fixture;
    private Http http;

    @BeforeEach
    void start() {
        fixture = new EdgeFixture(Map.of("COIN_DENSITY_PER_CELL", "10", "RATE_LIMIT_PER_MINUTE", "100000",
                "LOCATION_MAX_UPDATES_PER_MINUTE", "100000", "AUTH_RATE_LIMIT_PER_MINUTE", "100000",
                "COIN_TTL_S", "86400")); // coins' lifetimes are staggered: none of these may end mid-test
        OreServer server = fixture.start();
        http = new Http(server.baseUrl());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private String register() {
        String name = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Http.Response r = http.post("/api/v1/auth/register",
                Http.obj("email", name + "@example.com", "username", name, "password", "correct horse"), null);
        assertThat(r.status()).isEqualTo(201);
        return r.body().get("access_token").asText();
    }

    private Http.Response move(String token, double lat, double lng) {
        return http.post("/api/v1/location/update",
                Http.obj("lat", lat, "lng", lng, "accuracy", 5, "timestamp", fixture.now.get()), token);
    }

    private Http.Response collect(String token, String coinId, String key) {
        return key == null
                ? http.send("POST", "/api/v1/game/coins/" + coinId + "/collect", null, null, token)
                : http.send("POST", "/api/v1/game/coins/" + coinId + "/collect", null, null, token, "Idempotency-Key", key);
    }

    private JsonNode nearestCoin(String token) {
        Http.Response r = http.get("/api/v1/game/coins/nearby?radius=500", token);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("coins")).isNotEmpty();
        return r.body().get("coins").get(0);
    }


    @Test
    void loopFromFixToNearbyToCollectToInventory() {
        String token = register();
        assertThat(http.get("/api/v1/game/coins/nearby", token).code()).isEqualTo("NO_POSITION");
        Http.Response moved = move(token, LAT, LNG);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body().get("accepted").asBoolean()).isTrue();
        assertThat(moved.body().get("cell_id").asText()).isNotBlank();

        Http.Response nearby = http.get("/api/v1/game/coins/nearby?radius=500", token);
        JsonNode coins = nearby.body().get("coins");
        assertThat(coins).isNotEmpty();
        for (int i = 1; i < coins.size(); i++) {
            assertThat(coins.get(i).get("distance_m").asDouble()).isGreaterThanOrEqualTo(coins.get(i - 1).get("distance_m").asDouble());
        }
        JsonNode coin = coins.get(0);
        assertThat(coin.get("type").asText()).isIn("bronze", "silver", "gold");
        assertThat(coin.get("expires_at").asLong()).isGreaterThan(fixture.now.get());

        Http.Response far = collect(token, coin.get("id").asText(), "k-far");
        if (coin.get("distance_m").asDouble() > 10) {
            assertThat(far.status()).isEqualTo(422);
            assertThat(far.code()).isEqualTo("OUT_OF_RANGE");
            assertThat(far.body().get("distance_m").asDouble()).isGreaterThan(10);
        }
        fixture.now.addAndGet(120_000);
        assertThat(move(token, coin.get("lat").asDouble(), coin.get("lng").asDouble()).status()).isEqualTo(200);
        Http.Response got = collect(token, coin.get("id").asText(), "k-far");
        assertThat(got.status()).as("a refusal is judged afresh on retry").isEqualTo(200);
        assertThat(got.body().get("coin_id").asText()).isEqualTo(coin.get("id").asText());
        assertThat(got.body().get("balance").asLong()).isEqualTo(coin.get("value").asLong());

        Http.Response inventory = http.get("/api/v1/game/inventory", token);
        assertThat(inventory.body().get("balance").asLong()).isEqualTo(coin.get("value").asLong());
        assertThat(inventory.body().get("coins_collected").asLong()).isEqualTo(1);
        assertThat(inventory.body().get("items").isArray()).isTrue();
        assertThat(inventory.body().get("pickaxes").isArray()).isTrue();

        assertThat(collect(token, coin.get("id").asText(), "k-other").code()).isEqualTo("COIN_ALREADY_COLLECTED");
        JsonNode second = nearestCoin(token);
        assertThat(collect(token, second.get("id").asText(), "k-far").code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(collect(token, UUID.randomUUID().toString(), "k-x").code()).isEqualTo("COIN_NOT_FOUND");
        assertThat(collect(token, "not-a-coin", "k-y").code()).isEqualTo("COIN_NOT_FOUND");
        assertThat(collect(token, second.get("id").asText(), null).code()).isEqualTo("IDEMPOTENCY_KEY_MISSING");
        assertThat(collect(token, second.get("id").asText(), "x".repeat(65)).code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void expiredCoinIsGone() {
        String token = register();
        move(token, LAT, LNG);
        JsonNode coin = nearestCoin(token);
        fixture.now.set(coin.get("expires_at").asLong());
        assertThat(move(token, coin.get("lat").asDouble(), coin.get("lng").asDouble()).status()).isIn(200, 422);
        Http.Response r = collect(token, coin.get("id").asText(), "k1");
        assertThat(r.code()).isIn("COIN_EXPIRED", "COIN_NOT_FOUND");
    }

    @Test
    void sixtyFourPlayersWithTheirOwnKeysCreditOneCoinOnce() throws Exception {
        String seed = register();
        move(seed, LAT, LNG);
        JsonNode coin = nearestCoin(seed);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String t = register();
            assertThat(move(t, coin.get("lat").asDouble(), coin.get("lng").asDouble()).status()).isEqualTo(200);
            tokens.add(t);
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Http.Response> responses = Race.run(64, () -> {
            int i = next.getAndIncrement();
            return collect(tokens.get(i), coin.get("id").asText(), "key-" + i);
        });
        assertThat(responses.stream().filter(r -> r.status() == 200)).hasSize(1);
        assertThat(responses.stream().filter(r -> r.status() != 200)).allSatisfy(r ->
                assertThat(r.code()).isEqualTo("COIN_ALREADY_COLLECTED"));
        long total = fixture.start().hazelcast().<String, PlayerState>getMap(GridMaps.PLAYERS).values().stream()
                .mapToLong(PlayerState::balance).sum();
        assertThat(total).isEqualTo(coin.get("value").asLong());
    }

    @Test
    void fiftyConcurrentDuplicatesOfOneKeyCreditOnceAndAgreeAfterwards() throws Exception {
        String token = register();
        move(token, LAT, LNG);
        JsonNode coin = nearestCoin(token);
        fixture.now.addAndGet(120_000);
        move(token, coin.get("lat").asDouble(), coin.get("lng").asDouble());
        List<Http.Response> responses = Race.run(50, () -> collect(token, coin.get("id").asText(), "one-key"));
        List<Http.Response> ok = responses.stream().filter(r -> r.status() == 200).toList();
        assertThat(ok).isNotEmpty();
        assertThat(responses.stream().filter(r -> r.status() != 200)).allSatisfy(r ->
                assertThat(r.code()).isEqualTo("IDEMPOTENCY_IN_PROGRESS"));
        assertThat(ok.stream().map(r -> r.body().toString()).distinct()).hasSize(1);
        assertThat(ok.stream().filter(r -> r.header("Idempotent-Replayed") == null)).as("one first answer").hasSize(1);
        Http.Response after = collect(token, coin.get("id").asText(), "one-key");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(after.body()).isEqualTo(ok.get(0).body());
        assertThat(http.get("/api/v1/game/inventory", token).body().get("balance").asLong())
                .isEqualTo(coin.get("value").asLong());
    }
}
