package io.oregrid.edge.ratelimit;

import io.oregrid.edge.testing.EdgeFixture;
import io.oregrid.edge.testing.Http;
import io.micrometer.core.instrument.Counter;
import io.oregrid.edge.OreServer;
import io.oregrid.edge.testing.EdgeFixture;
import io.oregrid.edge.testing.Http;
import io.oregrid.grid.auth.Role;
import io.oregrid.grid.auth.UserRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.oregrid.edge.testing.Http.obj;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies the distributed rate limits of SPEC "Rate limits" over HTTP: per player location
 * updates, per user requests (Genesis doubled), per IP auth requests and the login lockout, all
 * following the game clock and shared by every node of the cluster.
 */
class RateLimitTest {
    private static final String PROBE = "/api/v1/probe";
    private EdgeFixture fx;

    @AfterEach
    void stop() {
        fx.close();
    }

    private static String tokenFor(OreServer server, boolean genesis) {
        String id = UUID.randomUUID().toString();
        UserRecord user = new UserRecord(id, id + "@example.com", "u" + id.substring(0, 8), "x", Role.PLAYER, genesis, 0);
        return server.auth().tokens().issue(user).token();
    }

    private static double refusals(OreServer server, String limit) {
        Counter c = server.meters().find(RateLimiter.REFUSALS_METRIC).tag("limit", limit).counter();
        return c == null ? 0 : c.count();
    }

    private static Map<String, Object> fix(long timestamp) {
        return Map.of("lat", -10.9393, "lng", -37.0627, "accuracy", 5, "timestamp", timestamp);
    }

    @Test
    void locationUpdatesAreLimitedPerPlayerPerMinute() {
        fx = new EdgeFixture(Map.of());
        OreServer server = fx.start();
        Http http = new Http(server.baseUrl());
        String token = tokenFor(server, false);
        String other = tokenFor(server, false);

        for (int i = 0; i < 2; i++) {
            assertThat(http.post("/api/v1/location/update", fix(fx.now.get()), token).status()).isNotEqualTo(429);
        }
        Http.Response third = http.post("/api/v1/location/update", fix(fx.now.get()), token);
        assertThat(third.status()).as(third.toString()).isEqualTo(429);
        assertThat(third.code()).isEqualTo("LOCATION_RATE_LIMIT");
        assertThat(Long.parseLong(third.header("Retry-After"))).isBetween(1L, 30L);
        assertThat(http.post("/api/v1/location/update", fix(fx.now.get()), other).status())
                .as("another player has their own budget").isNotEqualTo(429);
        assertThat(refusals(server, "location")).isEqualTo(1);

        fx.advance(Duration.ofMinutes(1));
        assertThat(http.post("/api/v1/location/update", fix(fx.now.get()), token).status()).isNotEqualTo(429);
        assertThat(http.post("/api/v1/location/update", fix(fx.now.get()), token).status()).isNotEqualTo(429);
        assertThat(http.post("/api/v1/location/update", fix(fx.now.get()), token).status()).isEqualTo(429);
    }

    @Test
    void usersGet60RequestsPerMinuteAndGenesis120() {
        fx = new EdgeFixture(Map.of());
        OreServer server = fx.start();
        Http http = new Http(server.baseUrl());
        String player = tokenFor(server, false);
        String genesis = tokenFor(server, true);

        for (int i = 0; i < 60; i++) {
            assertThat(http.get(PROBE, player).status()).isEqualTo(404);
        }
        Http.Response refused = http.get(PROBE, player);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isEqualTo(1);

        for (int i = 0; i < 120; i++) {
            assertThat(http.get(PROBE, genesis).status()).isEqualTo(404);
        }
        assertThat(http.get(PROBE, genesis).status()).isEqualTo(429);
        assertThat(refusals(server, "user")).isEqualTo(2);

        fx.advance(Duration.ofSeconds(1));
        assertThat(http.get(PROBE, player).status()).as("one token back after 1 s").isEqualTo(404);
        assertThat(http.get(PROBE, player).status()).isEqualTo(429);
    }

    @Test
    void refusedAndFailedRequestsCountToo() {
        fx = new EdgeFixture(Map.of("RATE_LIMIT_PER_MINUTE", "3"));
        OreServer server = fx.start();
        Http http = new Http(server.baseUrl());
        String token = tokenFor(server, false);

        assertThat(http.post("/api/v1/auth/logout", "{bad json", token).status()).isEqualTo(400);
        assertThat(http.post("/api/v1/auth/logout", obj("refresh_token", 1), token).status()).isEqualTo(400);
        assertThat(http.get(PROBE, token).status()).isEqualTo(404);
        assertThat(http.get(PROBE, token).status()).isEqualTo(429);
    }

    @Test
    void authRoutesAreLimitedPerClientIp() {
        fx = new EdgeFixture(Map.of("AUTH_RATE_LIMIT_PER_MINUTE", "5"));
        OreServer server = fx.start();
        Http http = new Http(server.baseUrl());

        for (int i = 0; i < 5; i++) {
            Http.Response r = http.post("/api/v1/auth/login", obj("email", "ip" + i + "@example.com", "password", "password-1"), null);
            assertThat(r.status()).isEqualTo(401);
        }
        Http.Response refused = http.post("/api/v1/auth/register",
                obj("email", "new@example.com", "username", "newbie", "password", "password-1"), null);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(refused.header("Retry-After")).isEqualTo("12");
        assertThat(refusals(server, "auth_ip")).isEqualTo(1);
        assertThat(http.get("/.well-known/jwks.json", null).status()).as("JWKS is not an auth route").isEqualTo(200);

        fx.advance(Duration.ofMinutes(1));
        assertThat(http.post("/api/v1/auth/register",
                obj("email", "new@example.com", "username", "newbie", "password", "password-1"), null).status()).isEqualTo(201);
    }

    @Test
    void fiveFailedLoginsLockTheAccountForTheLockoutPeriod() {
        fx = new EdgeFixture(Map.of());
        OreServer server = fx.start();
        Http http = new Http(server.baseUrl());
        assertThat(http.post("/api/v1/auth/register", obj("email", "lock@example.com", "username", "locky",
                "password", "right-password"), null).status()).isEqualTo(201);

        for (int i = 0; i < 5; i++) {
            Http.Response r = http.post("/api/v1/auth/login", obj("email", "lock@example.com", "password", "wrong-" + i), null);
            assertThat(r.code()).isEqualTo("AUTH_INVALID_CREDENTIALS");
        }
        Http.Response locked = http.post("/api/v1/auth/login", obj("email", "LOCK@example.com", "password", "right-password"), null);
        assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
        assertThat(locked.code()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(locked.header("Retry-After")).isEqualTo("60");
        assertThat(refusals(server, "login_lockout")).isEqualTo(1);

        fx.advance(Duration.ofSeconds(59));
        assertThat(http.post("/api/v1/auth/login", obj("email", "lock@example.com", "password", "right-password"), null)
                .status()).isEqualTo(429);
        fx.advance(Duration.ofSeconds(1));
        assertThat(http.post("/api/v1/auth/login", obj("email", "lock@example.com", "password", "right-password"), null)
                .status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(http.post("/api/v1/auth/login", obj("email", "lock@example.com", "password", "wrong"), null)
                    .status()).as("a success clears the count").isEqualTo(401);
        }
        assertThat(http.post("/api/v1/auth/login", obj("email", "lock@example.com", "password", "right-password"), null)
                .status()).isEqualTo(200);
    }

    @Test
    void unknownAccountsLockLikeKnownOnes() {
        fx = new EdgeFixture(Map.of());
        OreServer server = fx.start();
        Http http = new Http(server.baseUrl());

        for (int i = 0; i < 5; i++) {
            assertThat(http.post("/api/v1/auth/login", obj("email", "ghost@example.com", "password", "guess-" + i), null)
                    .status()).isEqualTo(401);
        }
        assertThat(http.post("/api/v1/auth/login", obj("email", "ghost@example.com", "password", "guess"), null)
                .status()).isEqualTo(429);
    }

    @Test
    void limitsAreSharedAcrossNodes() {
        fx = new EdgeFixture(Map.of("RATE_LIMIT_PER_MINUTE", "10"));
        OreServer a = fx.start();
        OreServer b = fx.start();
        List<Http> nodes = List.of(new Http(a.baseUrl()), new Http(b.baseUrl()));
        String token = tokenFor(a, false);

        for (int i = 0; i < 10; i++) {
            assertThat(nodes.get(i % 2).get(PROBE, token).status()).isEqualTo(404);
        }
        assertThat(nodes.get(0).get(PROBE, token).status()).isEqualTo(429);
        assertThat(nodes.get(1).get(PROBE, token).status()).isEqualTo(429);

        for (int i = 0; i < 4; i++) {
            assertThat(nodes.get(i % 2).post("/api/v1/auth/login",
                    obj("email", "shared@example.com", "password", "nope"), null).status()).isEqualTo(401);
        }
        assertThat(nodes.get(1).post("/api/v1/auth/login", obj("email", "shared@example.com", "password", "nope"), null)
                .status()).isEqualTo(401);
        assertThat(nodes.get(0).post("/api/v1/auth/login", obj("email", "shared@example.com", "password", "nope"), null)
                .status()).as("the lockout counts failures from every node").isEqualTo(429);
    }
}
