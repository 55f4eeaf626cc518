package io.oregrid.edge.auth;

import io.oregrid.edge.testing.EdgeFixture;
import io.oregrid.edge.testing.Http;
import io.oregrid.edge.OreServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Verifies every SPEC input rule of the auth routes: 400 VALIDATION_FAILED naming the field (415 for a wrong type), never 500. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthValidationTest {
    private static final String OK_PASSWORD = "password-1";
    private EdgeFixture fx;
    private Http http;

    @BeforeAll
    void start() {
        // A small body limit, so an oversized request fits the socket buffers and the early 413 cannot reset it mid-write.
        fx = new EdgeFixture(Map.of("AUTH_RATE_LIMIT_PER_MINUTE", "100000", "MAX_BODY_BYTES", "4096"));
        OreServer server = fx.start();
        http = new Http(server.baseUrl());
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    static Stream<Arguments> badRegistrations() {
        return Stream.of(
                arguments("missing email", "{\"username\":\"alice\",\"password\":\"password-1\"}", "email"),
                arguments("missing username", "{\"email\":\"a@example.com\",\"password\":\"password-1\"}", "username"),
                arguments("missing password", "{\"email\":\"a@example.com\",\"username\":\"alice\"}", "password"),
                arguments("null email", "{\"email\":null,\"username\":\"alice\",\"password\":\"password-1\"}", "email"),
                arguments("email a number", "{\"email\":42,\"username\":\"alice\",\"password\":\"password-1\"}", "email"),
                arguments("username an array", "{\"email\":\"a@example.com\",\"username\":[\"alice\"],\"password\":\"password-1\"}", "username"),
                arguments("password an object", "{\"email\":\"a@example.com\",\"username\":\"alice\",\"password\":{}}", "password"),
                arguments("password a boolean", "{\"email\":\"a@example.com\",\"username\":\"alice\",\"password\":true}", "password"),
                arguments("email without @", body("alice.example.com", "alice", OK_PASSWORD), "email"),
                arguments("email without domain dot", body("alice@example", "alice", OK_PASSWORD), "email"),
                arguments("email with space", body("ali ce@example.com", "alice", OK_PASSWORD), "email"),
                arguments("email two @", body("a@b@example.com", "alice", OK_PASSWORD), "email"),
                arguments("email empty", body("", "alice", OK_PASSWORD), "email"),
                arguments("email leading space", body(" a@example.com", "alice", OK_PASSWORD), "email"),
                arguments("email too long", body("a".repeat(250) + "@example.com", "alice", OK_PASSWORD), "email"),
                arguments("email local part over 64", body("a".repeat(65) + "@example.com", "alice", OK_PASSWORD), "email"),
                arguments("username 2 chars", body("a@example.com", "ab", OK_PASSWORD), "username"),
                arguments("username 33 chars", body("a@example.com", "a".repeat(33), OK_PASSWORD), "username"),
                arguments("username with dash", body("a@example.com", "ali-ce", OK_PASSWORD), "username"),
                arguments("username with space", body("a@example.com", "ali ce", OK_PASSWORD), "username"),
                arguments("username non-ASCII letter", body("a@example.com", "alicé", OK_PASSWORD), "username"),
                arguments("username empty", body("a@example.com", "", OK_PASSWORD), "username"),
                arguments("password 7 chars", body("a@example.com", "alice", "1234567"), "password"),
                arguments("password 129 chars", body("a@example.com", "alice", "p".repeat(129)), "password"),
                arguments("password empty", body("a@example.com", "alice", ""), "password"));
    }

    private static String body(String email, String username, String password) {
        return Http.obj("email", email, "username", username, "password", password).toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRegistrations")
    void badRegistrationIsRefusedNamingTheField(String label, String json, String field) {
        Http.Response r = http.post("/api/v1/auth/register", json, null);

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.body().path("field").asText()).isEqualTo(field);
        assertThat(r.body().path("request_id").asText()).isNotBlank();
        assertThat(r.raw().body()).doesNotContain("Exception", "\tat ");
    }

    /** Verifies the inclusive bounds: 3 and 32 character usernames, 8 and 128 character passwords are accepted. */
    @Test
    void boundaryValuesAreAccepted() {
        assertThat(http.post("/api/v1/auth/register", body("b1@example.com", "abc", "12345678"), null).status()).isEqualTo(201);
        assertThat(http.post("/api/v1/auth/register", body("b2@example.com", "B".repeat(31) + "_", "p".repeat(128)), null)
                .status()).isEqualTo(201);
        assertThat(http.post("/api/v1/auth/register", body("first.last+tag@sub.example.co", "x_y_9", "päss wörd ✓"), null)
                .status()).isEqualTo(201);
        assertThat(http.post("/api/v1/auth/login", Http.obj("email", "b2@example.com", "password", "p".repeat(128)), null)
                .status()).as("a password longer than bcrypt's 72 bytes is not truncated").isEqualTo(200);
        assertThat(http.post("/api/v1/auth/login", Http.obj("email", "b2@example.com", "password", "p".repeat(127) + "q"), null)
                .status()).isEqualTo(401);
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                arguments("/api/v1/auth/register", "{\"email\":"),
                arguments("/api/v1/auth/register", "[1,2,3]"),
                arguments("/api/v1/auth/register", "\"just a string\""),
                arguments("/api/v1/auth/register", "null"),
                arguments("/api/v1/auth/register", ""),
                arguments("/api/v1/auth/login", "{not json}"),
                arguments("/api/v1/auth/login", "[]"),
                arguments("/api/v1/auth/refresh", "{\"refresh_token\":"),
                arguments("/api/v1/auth/refresh", "42"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badBodies")
    void malformedOrNonObjectJsonIs400(String path, String json) {
        Http.Response r = http.post(path, json, null);

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
    }

    static Stream<Arguments> badLoginsAndRefreshes() {
        return Stream.of(
                arguments("/api/v1/auth/login", "{\"password\":\"password-1\"}", "email"),
                arguments("/api/v1/auth/login", "{\"email\":\"a@example.com\"}", "password"),
                arguments("/api/v1/auth/login", "{\"email\":1,\"password\":\"password-1\"}", "email"),
                arguments("/api/v1/auth/login", "{\"email\":\"a@example.com\",\"password\":12345678}", "password"),
                arguments("/api/v1/auth/refresh", "{}", "refresh_token"),
                arguments("/api/v1/auth/refresh", "{\"refresh_token\":123}", "refresh_token"),
                arguments("/api/v1/auth/refresh", "{\"refresh_token\":\"\"}", "refresh_token"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badLoginsAndRefreshes")
    void badLoginAndRefreshBodiesNameTheField(String path, String json, String field) {
        Http.Response r = http.post(path, json, null);

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.body().path("field").asText()).isEqualTo(field);
    }

    /** Verifies that a body that is not application/json is 415 UNSUPPORTED_MEDIA_TYPE on every auth route. */
    @Test
    void wrongContentTypeIs415() {
        for (String path : new String[]{"/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh"}) {
            Http.Response r = http.postRaw(path, body("a@example.com", "alice", OK_PASSWORD), "text/plain");
            assertThat(r.status()).as(path + " " + r).isEqualTo(415);
            assertThat(r.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }
        Http.Response form = http.postRaw("/api/v1/auth/login", "email=a%40example.com&password=x",
                "application/x-www-form-urlencoded");
        assertThat(form.status()).isEqualTo(415);
    }

    /** Verifies that a body over the size limit is 413 PAYLOAD_TOO_LARGE, not 500. */
    @Test
    void oversizedBodyIs413() {
        String huge = body("a@example.com", "alice", "x".repeat(2 * (int) fx.config.maxBodyBytes()));
        Http.Response r = http.post("/api/v1/auth/register", huge, null);

        assertThat(r.status()).as(r.toString()).isEqualTo(413);
        assertThat(r.code()).isEqualTo("PAYLOAD_TOO_LARGE");
    }
}
