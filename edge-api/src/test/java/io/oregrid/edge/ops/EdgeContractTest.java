package io.oregrid.edge.ops;

import io.oregrid.edge.testing.EdgeFixture;
import io.oregrid.edge.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies the SPEC's error contract on the edge: every error in the envelope with a request id,
 * unknown routes 404, wrong methods 405, wrong content type 415, oversized bodies 413, every
 * location/game validation case 400 naming the field — never a 500 — and the operators' endpoints.
 */
class EdgeContractTest {
    private static EdgeFixture fixture;
    private static Http http;
    private static String token;

    @BeforeAll
    static void start() {
        fixture = new EdgeFixture(Map.of("RATE_LIMIT_PER_MINUTE", "100000", "LOCATION_MAX_UPDATES_PER_MINUTE", "100000",
                "MAX_BODY_BYTES", "4096"));
        http = new Http(fixture.start().baseUrl());
        String name = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        token = http.post("/api/v1/auth/register",
                Http.obj("email", name + "@example.com", "username", name, "password", "correct horse"), null)
                .body().get("access_token").asText();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static void assertEnvelope(Http.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.body().get("error").asText()).isNotBlank();
        assertThat(r.body().get("request_id").asText()).isEqualTo(r.header("X-Request-ID"));
        assertThat(r.raw().body()).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void unknownRouteWrongMethodAndContentType() {
        assertEnvelope(http.get("/nope", null), 404, "NOT_FOUND");
        assertEnvelope(http.send("POST", "/health", null, null, null), 405, "METHOD_NOT_ALLOWED");
        assertEnvelope(http.send("POST", "/api/v1/location/update", "lat=1", "text/plain", token), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertEnvelope(http.send("POST", "/api/v1/location/update", "{\"lat\":" + "1".repeat(5000) + "}",
                "application/json", token), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void requestIdsAreEchoedWhenValidAndReplacedOtherwise() {
        Http.Response echoed = http.send("GET", "/health", null, null, null, "X-Request-ID", "abc.DEF-123_x");
        assertThat(echoed.header("X-Request-ID")).isEqualTo("abc.DEF-123_x");
        Http.Response replaced = http.send("GET", "/nope", null, null, null, "X-Request-ID", "bad id!");
        assertThat(replaced.header("X-Request-ID")).isNotEqualTo("bad id!").matches("[A-Za-z0-9._-]{1,64}");
        assertThat(replaced.body().get("request_id").asText()).isEqualTo(replaced.header("X-Request-ID"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}|lat", "{\"lat\":\"x\",\"lng\":0,\"accuracy\":5,\"timestamp\":1}|lat",
            "{\"lat\":91,\"lng\":0,\"accuracy\":5,\"timestamp\":1}|lat",
            "{\"lat\":0,\"lng\":-181,\"accuracy\":5,\"timestamp\":1}|lng",
            "{\"lat\":0,\"lng\":0,\"timestamp\":1}|accuracy",
            "{\"lat\":0,\"lng\":0,\"accuracy\":0,\"timestamp\":1}|accuracy",
            "{\"lat\":0,\"lng\":0,\"accuracy\":-3,\"timestamp\":1}|accuracy",
            "{\"lat\":0,\"lng\":0,\"accuracy\":5}|timestamp",
            "{\"lat\":0,\"lng\":0,\"accuracy\":5,\"timestamp\":1.5}|timestamp",
            "{\"lat\":0,\"lng\":0,\"accuracy\":5,\"timestamp\":\"now\"}|timestamp",
            "{\"lat\":0,\"lng\":0,\"accuracy\":5,\"timestamp\":-1}|timestamp",
            "{\"lat\":0,\"lng\":0,\"accuracy\":5,\"timestamp\":1,\"speed\":-1}|speed",
            "{\"lat\":0,\"lng\":0,\"accuracy\":5,\"timestamp\":1,\"heading\":360}|heading",
            "{\"lat\":null,\"lng\":0,\"accuracy\":5,\"timestamp\":1}|lat"})
    void everyLocationValidationCaseIs400NamingTheField(String caseLine) {
        String[] parts = caseLine.split("\\|");
        Http.Response r = http.send("POST", "/api/v1/location/update", parts[0], "application/json", token);
        assertEnvelope(r, 400, "VALIDATION_FAILED");
        assertThat(r.body().get("field").asText()).isEqualTo(parts[1]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[1,2]", "\"text\"", "null", "{\"lat\":}", ""})
    void malformedOrNonObjectJsonIs400(String body) {
        assertEnvelope(http.send("POST", "/api/v1/location/update", body, "application/json", token), 400, "VALIDATION_FAILED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "501", "abc", "-5", "1e3"})
    void nearbyCoinsRadiusOutsideBoundsIs400(String radius) {
        Http.Response r = http.get("/api/v1/game/coins/nearby?radius=" + radius, token);
        assertEnvelope(r, 400, "VALIDATION_FAILED");
        assertThat(r.body().get("field").asText()).isEqualTo("radius");
    }

    @Test
    void movementRefusalsCarryReasonAndNumbers() {
        long now = fixture.now.get();
        Http.Response future = http.post("/api/v1/location/update",
                Http.obj("lat", 1.0, "lng", 1.0, "accuracy", 5, "timestamp", now + 31_000), token);
        assertEnvelope(future, 422, "MOVEMENT_REJECTED");
        assertThat(future.body().get("reason").asText()).isEqualTo("TIMESTAMP_IN_FUTURE");
        assertThat(future.body().get("measured").asDouble()).isEqualTo(31_000);
        assertThat(future.body().get("limit").asDouble()).isEqualTo(30_000);
        Http.Response inaccurate = http.post("/api/v1/location/update",
                Http.obj("lat", 1.0, "lng", 1.0, "accuracy", 150, "timestamp", now), token);
        assertThat(inaccurate.body().get("reason").asText()).isEqualTo("ACCURACY_TOO_LOW");
    }

    @Test
    void operatorsEndpoints() {
        Http.Response health = http.get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().at("/dependencies/grid/status").asText()).isEqualTo("up");
        Http.Response status = http.get("/status", null);
        assertThat(status.body().get("member_count").asInt()).isEqualTo(1);
        assertThat(status.body().get("persistence").asText()).isEqualTo("memory");
        assertThat(status.raw().body()).doesNotContain("127.0.0.1").doesNotContain("5701");
        Http.Response metrics = http.get("/metrics", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw().body()).contains("jvm_memory_used_bytes");
    }
}
