package io.oregrid.edge.auth;

import io.oregrid.edge.testing.EdgeFixture;
import io.oregrid.edge.testing.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.map.IMap;
import com.nimbusds.jwt.SignedJWT;
import io.oregrid.edge.OreServer;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.auth.Role;
import io.oregrid.grid.auth.UserRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.oregrid.edge.testing.Http.obj;
import static org.assertj.core.api.Assertions.assertThat;

/** Verifies the auth routes end to end over HTTP: shapes of register/login/refresh/logout/JWKS and uniqueness. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthRoutesTest {
    private EdgeFixture fx;
    private OreServer server;
    private Http http;

    @BeforeAll
    void start() {
        fx = new EdgeFixture(Map.of("AUTH_RATE_LIMIT_PER_MINUTE", "100000", "RATE_LIMIT_PER_MINUTE", "100000"));
        server = fx.start();
        http = new Http(server.baseUrl());
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private Http.Response register(String email, String username, String password) {
        return http.post("/api/v1/auth/register", obj("email", email, "username", username, "password", password), null);
    }

    /** Verifies that register answers 201 with the SPEC shape and a token whose claims describe the user. */
    @Test
    void registerReturnsTheSessionShapeAndAVerifiableToken() throws Exception {
        String name = unique("Ann_");
        Http.Response r = register(name + "@Example.COM", name, "correct horse");

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode user = r.body().get("user");
        assertThat(user.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(user.get("username").asText()).isEqualTo(name);
        assertThat(user.get("email").asText()).isEqualTo((name + "@example.com").toLowerCase());
        assertThat(user.get("role").asText()).isEqualTo("player");
        assertThat(user.get("is_genesis").isBoolean()).isTrue();
        assertThat(user.get("is_genesis").asBoolean()).isFalse();
        assertThat(r.body().get("expires_in").asLong()).isEqualTo(fx.config.accessTokenTtlS());
        assertThat(r.body().get("refresh_token").asText()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        assertThat(r.body().toString()).doesNotContain("password");

        SignedJWT jwt = SignedJWT.parse(r.body().get("access_token").asText());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(user.get("id").asText());
        assertThat(claims.getStringClaim("user_id")).isEqualTo(user.get("id").asText());
        assertThat(claims.getStringClaim("email")).isEqualTo(user.get("email").asText());
        assertThat(claims.getStringClaim("username")).isEqualTo(name);
        assertThat(claims.getStringClaim("role")).isEqualTo("player");
        assertThat(claims.getBooleanClaim("is_genesis")).isFalse();
        assertThat(claims.getDoubleClaim("bonus_multiplier")).isEqualTo(1.0);
        assertThat(claims.getDoubleClaim("auto_collect_range")).isEqualTo(10.0);
        assertThat(claims.getIssuer()).isEqualTo("ore-auth-service");
        assertThat(claims.getAudience()).containsExactly("ore-platform");
        assertThat(claims.getIssueTime().getTime()).isEqualTo(fx.now.get() / 1000 * 1000);
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(24 * 3600_000L);
    }

    /** Verifies that a Genesis member's token carries the Genesis benefits (2×, 3 m, 72 h). */
    @Test
    void genesisTokensCarryGenesisBenefits() throws Exception {
        UserRecord genesis = new UserRecord(UUID.randomUUID().toString(), "g@example.com", "gen", "x", Role.PLAYER, true, 0);
        var claims = SignedJWT.parse(server.auth().tokens().issue(genesis).token()).getJWTClaimsSet();

        assertThat(claims.getBooleanClaim("is_genesis")).isTrue();
        assertThat(claims.getDoubleClaim("bonus_multiplier")).isEqualTo(2.0);
        assertThat(claims.getDoubleClaim("auto_collect_range")).isEqualTo(3.0);
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(72 * 3600_000L);
    }

    /** Verifies that login works with the e-mail in any case and fails alike for a wrong password and an unknown e-mail. */
    @Test
    void loginSucceedsCaseInsensitivelyAndFailsUniformly() {
        String name = unique("bob_");
        String email = name + "@example.com";
        assertThat(register(email, name, "password-1").status()).isEqualTo(201);

        Http.Response ok = http.post("/api/v1/auth/login", obj("email", email.toUpperCase(), "password", "password-1"), null);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.body().get("user").get("username").asText()).isEqualTo(name);
        assertThat(ok.body().has("access_token")).isTrue();
        assertThat(ok.body().has("refresh_token")).isTrue();
        assertThat(ok.body().get("expires_in").asLong()).isEqualTo(86_400);

        Http.Response wrong = http.post("/api/v1/auth/login", obj("email", email, "password", "password-2"), null);
        Http.Response unknown = http.post("/api/v1/auth/login", obj("email", unique("nobody") + "@example.com",
                "password", "password-1"), null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("AUTH_INVALID_CREDENTIALS");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.code()).isEqualTo("AUTH_INVALID_CREDENTIALS");
        assertThat(unknown.body().get("error")).isEqualTo(wrong.body().get("error"));
    }

    /** Verifies that a registered account's password is stored only as a bcrypt hash. */
    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String name = unique("hash_");
        assertThat(register(name + "@example.com", name, "sup3r secret").status()).isEqualTo(201);

        IMap<String, UserRecord> users = server.hazelcast().getMap(GridMaps.USERS);
        UserRecord stored = users.get(name.toLowerCase() + "@example.com");
        assertThat(stored.passwordHash()).startsWith("$2b$04$").doesNotContain("sup3r");
    }

    /** Verifies that refresh returns a new pair, the old refresh token is dead, and logout kills the session. */
    @Test
    void refreshRotatesAndLogoutEndsTheSession() {
        String name = unique("cat_");
        Http.Response reg = register(name + "@example.com", name, "password-1");
        String refresh1 = reg.body().get("refresh_token").asText();

        Http.Response r = http.post("/api/v1/auth/refresh", obj("refresh_token", refresh1), null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body().get("user").get("id").asText()).isEqualTo(reg.body().get("user").get("id").asText());
        String refresh2 = r.body().get("refresh_token").asText();
        String access2 = r.body().get("access_token").asText();
        assertThat(refresh2).isNotEqualTo(refresh1);
        assertThat(r.body().get("expires_in").asLong()).isEqualTo(86_400);

        Http.Response logout = http.post("/api/v1/auth/logout", obj("refresh_token", refresh2), access2);
        assertThat(logout.status()).as(logout.toString()).isEqualTo(204);

        Http.Response after = http.post("/api/v1/auth/refresh", obj("refresh_token", refresh2), null);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.code()).isEqualTo("AUTH_INVALID_TOKEN");
    }

    /** Verifies that logout needs an access token and does not touch another user's session. */
    @Test
    void logoutNeedsAuthAndOnlyEndsOwnSessions() {
        String a = unique("own_");
        String b = unique("other_");
        Http.Response regA = register(a + "@example.com", a, "password-1");
        Http.Response regB = register(b + "@example.com", b, "password-1");
        String refreshA = regA.body().get("refresh_token").asText();

        Http.Response anonymous = http.post("/api/v1/auth/logout", obj("refresh_token", refreshA), null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("AUTH_MISSING");

        Http.Response byB = http.post("/api/v1/auth/logout", obj("refresh_token", refreshA),
                regB.body().get("access_token").asText());
        assertThat(byB.status()).isEqualTo(204);
        assertThat(http.post("/api/v1/auth/refresh", obj("refresh_token", refreshA), null).status()).isEqualTo(200);
    }

    /** Verifies that JWKS publishes the RS256 key that signs the tokens with every required member. */
    @Test
    void jwksPublishesTheSigningKey() throws Exception {
        String name = unique("jwk_");
        String token = register(name + "@example.com", name, "password-1").body().get("access_token").asText();
        String kid = SignedJWT.parse(token).getHeader().getKeyID();

        Http.Response r = http.get("/.well-known/jwks.json", null);

        assertThat(r.status()).isEqualTo(200);
        JsonNode keys = r.body().get("keys");
        assertThat(keys.isArray()).isTrue();
        JsonNode key = null;
        for (JsonNode k : keys) {
            if (kid.equals(k.path("kid").asText())) {
                key = k;
            }
        }
        assertThat(key).as("key %s in %s", kid, keys).isNotNull();
        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        assertThat(key.get("use").asText()).isEqualTo("sig");
        assertThat(key.get("alg").asText()).isEqualTo("RS256");
        assertThat(key.get("n").asText()).matches("[A-Za-z0-9_-]{300,}");
        assertThat(key.get("e").asText()).isEqualTo("AQAB");
        assertThat(key.has("d")).as("no private parts").isFalse();
        assertThat(key.has("p")).isFalse();
    }

    /** Verifies 409 EMAIL_TAKEN for the same e-mail in another case and USERNAME_TAKEN for the same username in another case. */
    @Test
    void duplicatesAreRefusedCaseInsensitively() {
        String name = unique("dup_");
        assertThat(register(name + "@example.com", name, "password-1").status()).isEqualTo(201);

        Http.Response email = register(name.toUpperCase() + "@EXAMPLE.com", unique("x_"), "password-1");
        assertThat(email.status()).isEqualTo(409);
        assertThat(email.code()).isEqualTo("EMAIL_TAKEN");

        Http.Response username = register(unique("y") + "@example.com", name.toUpperCase(), "password-1");
        assertThat(username.status()).isEqualTo(409);
        assertThat(username.code()).isEqualTo("USERNAME_TAKEN");
    }

    /** Verifies that 16 concurrent registrations of one account produce exactly one 201 and one stored user. */
    @Test
    void concurrentDuplicateRegistrationCreatesOneAccount() throws Exception {
        String name = unique("race_");
        List<Integer> statuses = race(16, i -> register(name + "@example.com", name, "password-1"));

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(15);
        IMap<String, UserRecord> users = server.hazelcast().getMap(GridMaps.USERS);
        assertThat(users.get(name.toLowerCase() + "@example.com")).isNotNull();
    }

    /** Verifies that racing registrations of one e-mail under different usernames keep one account and free the losers' usernames. */
    @Test
    void concurrentSameEmailReleasesTheLosersUsernames() throws Exception {
        String email = unique("mail_") + "@example.com";
        String base = unique("u");
        List<Integer> statuses = race(16, i -> register(email, base + "_" + i, "password-1"));

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(15);
        IMap<String, String> usernames = server.hazelcast().getMap(GridMaps.USERNAMES);
        long claimed = 0;
        for (int i = 0; i < 16; i++) {
            if (usernames.containsKey((base + "_" + i).toLowerCase())) {
                claimed++;
            }
        }
        assertThat(claimed).isEqualTo(1);
    }

    /** Verifies that a role change reaches the user's next access token (after a refresh). */
    @Test
    void aRoleChangeShowsInTheNextToken() throws Exception {
        String name = unique("role_");
        Http.Response reg = register(name + "@example.com", name, "password-1");
        String id = reg.body().get("user").get("id").asText();

        assertThat(server.auth().service().changeRole(id, Role.ANALYST)).get()
                .extracting(UserRecord::role).isEqualTo(Role.ANALYST);
        assertThat(server.auth().service().changeRole("no-such-user", Role.ADMIN)).isEmpty();

        Http.Response refreshed = http.post("/api/v1/auth/refresh", obj("refresh_token",
                reg.body().get("refresh_token").asText()), null);
        assertThat(refreshed.body().get("user").get("role").asText()).isEqualTo("analyst");
        assertThat(SignedJWT.parse(refreshed.body().get("access_token").asText()).getJWTClaimsSet()
                .getStringClaim("role")).isEqualTo("analyst");
    }

    /** Verifies that an unknown route under /api/v1 is 401 without a token and 404 with one. */
    @Test
    void unknownApiRoutesNeedAuthFirst() {
        String name = unique("nf_");
        String token = register(name + "@example.com", name, "password-1").body().get("access_token").asText();

        assertThat(http.get("/api/v1/nothing/here", null).status()).isEqualTo(401);
        Http.Response r = http.get("/api/v1/nothing/here", token);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("NOT_FOUND");
    }

    private interface Call {
        Http.Response run(int i);
    }

    private static List<Integer> race(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.run(index).status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
