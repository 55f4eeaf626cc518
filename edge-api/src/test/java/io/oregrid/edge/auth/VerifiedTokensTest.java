package io.oregrid.edge.auth;

import io.oregrid.edge.OreServer;
import io.oregrid.edge.testing.EdgeFixture;
import io.oregrid.edge.testing.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.oregrid.edge.testing.Http.obj;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies the per-node cache of verified access tokens: it never widens what is accepted — a
 * remembered token still expires by the game clock, a changed token is verified afresh, and an
 * entry made under an older signing-key generation is a miss.
 */
class VerifiedTokensTest {
    private static final String PROBE = "/api/v1/probe";
    private EdgeFixture fx;

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void anEntryMadeUnderAnOlderKeyGenerationIsAMiss() {
        VerifiedTokens cache = new VerifiedTokens(10, Duration.ofMinutes(1));
        Principal p = new Principal("u-1", "a@example.com", "a", "player", false, 1.0, 10.0, 1_000L);
        cache.put("token-a", 7, p);
        assertThat(cache.get("token-a", 7)).isEqualTo(p);
        assertThat(cache.get("token-a", 8)).isNull();
        assertThat(cache.get("token-b", 7)).isNull();
    }

    @Test
    void aRememberedTokenStillExpiresAndATamperedCopyIsRefused() {
        fx = new EdgeFixture(Map.of("AUTH_RATE_LIMIT_PER_MINUTE", "100000", "RATE_LIMIT_PER_MINUTE", "100000"));
        OreServer server = fx.start();
        Http http = new Http(server.baseUrl());
        String token = http.post("/api/v1/auth/register", obj("email", "cache@example.com", "username", "cache",
                "password", "password-1"), null).body().get("access_token").asText();
        assertThat(http.get(PROBE, token).status()).isEqualTo(404); // verified and remembered
        assertThat(http.get(PROBE, token).status()).isEqualTo(404); // served from the cache

        // the same token with the first signature character changed: a different token, verified afresh.
        // (Not the last one: for a 32-byte HMAC its low 2 bits are base64url padding, so 'A' -> 'B'
        // there can leave the decoded signature — and the token's validity — unchanged.)
        int sig = token.lastIndexOf('.') + 1;
        char first = token.charAt(sig);
        String tampered = token.substring(0, sig) + (first == 'A' ? 'Q' : 'A') + token.substring(sig + 1);
        assertThat(http.get(PROBE, tampered).status()).isEqualTo(401);

        fx.now.addAndGet(TimeUnit.SECONDS.toMillis(fx.config.accessTokenTtlS()));
        assertThat(http.get(PROBE, token).status()).isEqualTo(401);
    }
}
