package io.oregrid.edge.auth;

import io.oregrid.edge.testing.EdgeFixture;
import io.oregrid.edge.testing.Http;
import com.hazelcast.map.IMap;
import io.oregrid.edge.OreServer;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.auth.RefreshTokenRecord;
import io.oregrid.grid.auth.RefreshTokenState;
import io.oregrid.grid.auth.Sha256;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.oregrid.edge.testing.Http.obj;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies refresh-token rotation with reuse detection (SPEC "Auth", OAuth 2.0 Security BCP
 * §4.14.2): a used token is dead, presenting it again revokes the whole family, other sessions of
 * the same user survive, and tokens die after 7 days of game time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefreshTokenReuseTest {
    private EdgeFixture fx;
    private OreServer server;
    private Http http;

    @BeforeAll
    void start() {
        fx = new EdgeFixture(Map.of("AUTH_RATE_LIMIT_PER_MINUTE", "100000"));
        server = fx.start();
        http = new Http(server.baseUrl());
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    private Http.Response refresh(String token) {
        return http.post("/api/v1/auth/refresh", obj("refresh_token", token), null);
    }

    private String newUserRefreshToken(String email) {
        String name = "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Http.Response r = http.post("/api/v1/auth/register", obj("email", email, "username", name, "password", "password-1"), null);
        assertThat(r.status()).isEqualTo(201);
        return r.body().get("refresh_token").asText();
    }

    @Test
    void reusingARotatedTokenRevokesTheWholeFamily() {
        String t1 = newUserRefreshToken("family@example.com");
        String t2 = refresh(t1).body().get("refresh_token").asText();
        String t3 = refresh(t2).body().get("refresh_token").asText();

        Http.Response reuse = refresh(t1);
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.code()).isEqualTo("AUTH_INVALID_TOKEN");

        Http.Response newest = refresh(t3);
        assertThat(newest.status()).as("the newest token of the family is revoked too").isEqualTo(401);
        IMap<String, RefreshTokenRecord> tokens = server.hazelcast().getMap(GridMaps.REFRESH_TOKENS);
        for (String t : new String[]{t1, t2, t3}) {
            assertThat(tokens.get(Sha256.hex(t)).state()).isEqualTo(RefreshTokenState.REVOKED);
        }
    }

    @Test
    void theOldTokenIsDeadAfterOneUse() {
        String t1 = newUserRefreshToken("once@example.com");
        assertThat(refresh(t1).status()).isEqualTo(200);
        assertThat(refresh(t1).status()).isEqualTo(401);
    }

    @Test
    void revokingOneFamilyLeavesTheUsersOtherSessions() {
        String sessionA = newUserRefreshToken("two-sessions@example.com");
        String sessionB = http.post("/api/v1/auth/login", obj("email", "two-sessions@example.com", "password", "password-1"), null)
                .body().get("refresh_token").asText();
        String a2 = refresh(sessionA).body().get("refresh_token").asText();

        assertThat(refresh(sessionA).status()).isEqualTo(401);
        assertThat(refresh(a2).status()).isEqualTo(401);
        assertThat(refresh(sessionB).status()).as("another login is another family").isEqualTo(200);
    }

    @Test
    void logoutKillsTheTokenAndItsFamily() {
        Http.Response reg = http.post("/api/v1/auth/register", obj("email", "bye@example.com", "username", "bye_user",
                "password", "password-1"), null);
        String t1 = reg.body().get("refresh_token").asText();
        Http.Response rotated = refresh(t1);
        String t2 = rotated.body().get("refresh_token").asText();
        String access = rotated.body().get("access_token").asText();

        assertThat(http.post("/api/v1/auth/logout", obj("refresh_token", t2), access).status()).isEqualTo(204);
        assertThat(refresh(t2).status()).isEqualTo(401);
        IMap<String, RefreshTokenRecord> tokens = server.hazelcast().getMap(GridMaps.REFRESH_TOKENS);
        assertThat(tokens.get(Sha256.hex(t1)).state()).isEqualTo(RefreshTokenState.REVOKED);
        assertThat(http.post("/api/v1/auth/logout", obj("refresh_token", "never-issued"), access).status())
                .as("an unknown token is no error (RFC 7009 §2.2)").isEqualTo(204);
    }

    @Test
    void unknownTokensAreRefusedWithoutSideEffects() {
        Http.Response r = refresh("not-a-token-we-issued");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("AUTH_INVALID_TOKEN");
    }

    @Test
    void refreshTokensExpireAfterSevenDaysOfGameTime() {
        String t1 = newUserRefreshToken("week@example.com");
        String t2 = newUserRefreshToken("week2@example.com");
        long before = fx.now.get();
        try {
            fx.advance(Duration.ofDays(7).minusSeconds(1));
            assertThat(refresh(t1).status()).isEqualTo(200);
            fx.advance(Duration.ofSeconds(1));
            assertThat(refresh(t2).status()).isEqualTo(401);
        } finally {
            fx.now.set(before);
        }
    }

    @Test
    void onlyTheHashIsStored() {
        String t1 = newUserRefreshToken("hash-only@example.com");
        IMap<String, RefreshTokenRecord> tokens = server.hazelcast().getMap(GridMaps.REFRESH_TOKENS);
        assertThat(tokens.containsKey(t1)).isFalse();
        RefreshTokenRecord record = tokens.get(Sha256.hex(t1));
        assertThat(record.state()).isEqualTo(RefreshTokenState.ACTIVE);
        assertThat(record.expiresAtMs() - record.issuedAtMs()).isEqualTo(Duration.ofDays(7).toMillis());
        assertThat(tokens.getEntryView(Sha256.hex(t1)).getTtl()).isEqualTo(Duration.ofDays(7).toMillis());

        assertThat(refresh(t1).status()).isEqualTo(200);
        assertThat(tokens.get(Sha256.hex(t1)).state()).isEqualTo(RefreshTokenState.ROTATED);
        assertThat(tokens.getEntryView(Sha256.hex(t1)).getTtl())
                .as("rotation keeps the entry's expiry").isEqualTo(Duration.ofDays(7).toMillis());
    }
}
