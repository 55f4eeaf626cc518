package io.oregrid.edge.auth;

import io.oregrid.edge.testing.EdgeFixture;
import io.oregrid.edge.testing.Http;
import com.hazelcast.map.IMap;
import com.nimbusds.jwt.SignedJWT;
import io.oregrid.edge.OreServer;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.auth.Role;
import io.oregrid.grid.auth.SigningKeyRecord;
import io.oregrid.grid.auth.UserRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static io.oregrid.edge.testing.Http.obj;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies auth across members: nodes starting together agree on one signing key and one admin,
 * tokens from one node verify on another, and key rotation and retirement reach every node.
 */
class AuthClusterTest {
    private static final String ADMIN_EMAIL = "Root@Example.com";
    private EdgeFixture fx;

    @AfterEach
    void stop() {
        fx.close();
    }

    private static long activeKeys(IMap<String, SigningKeyRecord> keys) {
        return keys.entrySet().stream()
                .filter(e -> !e.getKey().equals(SigningKeyRecord.ACTIVE_POINTER) && e.getValue().active())
                .count();
    }

    @Test
    void nodesStartingTogetherShareOneKeyAndOneAdmin() {
        fx = new EdgeFixture(Map.of("ADMIN_EMAIL", ADMIN_EMAIL, "ADMIN_PASSWORD", "admin-password-1"));
        List<OreServer> servers = fx.startTogether(2);
        OreServer a = servers.get(0);
        OreServer b = servers.get(1);

        IMap<String, SigningKeyRecord> keys = a.hazelcast().getMap(GridMaps.SIGNING_KEYS);
        assertThat(activeKeys(keys)).isEqualTo(1);
        assertThat(keys.size()).as("one key plus the active pointer").isEqualTo(2);
        IMap<String, UserRecord> users = a.hazelcast().getMap(GridMaps.USERS);
        assertThat(users.values()).filteredOn(u -> u.role() == Role.ADMIN).hasSize(1);
        assertThat(users.get("root@example.com").username()).isEqualTo("admin");

        OreServer late = fx.start();
        assertThat(users.values()).as("a restart or a later node adds no admin").filteredOn(u -> u.role() == Role.ADMIN).hasSize(1);
        assertThat(activeKeys(keys)).isEqualTo(1);

        Http.Response login = new Http(b.baseUrl()).post("/api/v1/auth/login",
                obj("email", "root@example.com", "password", "admin-password-1"), null);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.body().get("user").get("role").asText()).isEqualTo("admin");
        String token = login.body().get("access_token").asText();
        for (OreServer s : List.of(a, b, late)) {
            assertThat(new Http(s.baseUrl()).get("/api/v1/probe", token).status()).isEqualTo(404);
        }
    }

    @Test
    void aTokenFromOneNodeVerifiesOnAnotherAndRefreshWorksAnywhere() {
        fx = new EdgeFixture(Map.of());
        OreServer a = fx.start();
        OreServer b = fx.start();
        Http.Response reg = new Http(a.baseUrl()).post("/api/v1/auth/register",
                obj("email", "x@example.com", "username", "xnode", "password", "password-1"), null);

        Principal onB = b.auth().tokens().verify(reg.body().get("access_token").asText());
        assertThat(onB.username()).isEqualTo("xnode");
        Http.Response refreshed = new Http(b.baseUrl()).post("/api/v1/auth/refresh",
                obj("refresh_token", reg.body().get("refresh_token").asText()), null);
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(new Http(a.baseUrl()).post("/api/v1/auth/refresh",
                obj("refresh_token", reg.body().get("refresh_token").asText()), null).status()).isEqualTo(401);
    }

    @Test
    void rotationKeepsOldTokensValidUntilTheKeyIsRetired() throws Exception {
        fx = new EdgeFixture(Map.of());
        OreServer a = fx.start();
        OreServer b = fx.start();
        UserRecord user = new UserRecord("u-1", "rot@example.com", "rot", "x", Role.PLAYER, false, 0);
        AccessToken old = a.auth().tokens().issue(user);

        SigningKeyRecord next = a.auth().signingKeys().rotate();

        assertThat(next.kid()).isNotEqualTo(old.kid());
        IMap<String, SigningKeyRecord> keys = a.hazelcast().getMap(GridMaps.SIGNING_KEYS);
        assertThat(activeKeys(keys)).isEqualTo(1);
        assertTrueEventually(() -> assertThat(b.auth().tokens().issue(user).kid()).isEqualTo(next.kid()));
        assertThat(SignedJWT.parse(a.auth().tokens().issue(user).token()).getHeader().getKeyID()).isEqualTo(next.kid());
        assertThat(b.auth().tokens().verify(old.token()).userId()).isEqualTo("u-1");
        Http.Response jwks = new Http(b.baseUrl()).get("/.well-known/jwks.json", null);
        assertThat(jwks.body().get("keys").findValuesAsText("kid")).containsExactlyInAnyOrder(next.kid(), old.kid());

        assertThat(a.auth().signingKeys().retire(old.kid())).isTrue();

        assertTrueEventually(() -> assertThat(new Http(b.baseUrl()).get("/api/v1/probe", old.token()).status()).isEqualTo(401));
        assertThat(new Http(a.baseUrl()).get("/.well-known/jwks.json", null).body().get("keys").findValuesAsText("kid"))
                .containsExactly(next.kid());
    }
}
