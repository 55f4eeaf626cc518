package io.oregrid.edge.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.oregrid.edge.testing.EdgeFixture;
import io.oregrid.edge.testing.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies the admin-only routes: players get 403, the bootstrapped admin grants roles that reach the next token. */
class AdminApiTest {
    private EdgeFixture fixture;
    private Http http;

    @BeforeEach
    void start() {
        fixture = new EdgeFixture(Map.of("ADMIN_EMAIL", "root@example.com", "ADMIN_PASSWORD", "admin-password-1"));
        http = new Http(fixture.start().baseUrl());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private JsonNode register(String name) {
        Http.Response r = http.post("/api/v1/auth/register",
                Http.obj("email", name + "@example.com", "username", name, "password", "correct horse"), null);
        assertThat(r.status()).isEqualTo(201);
        return r.body();
    }

    @Test
    void playersAreForbiddenAndAdminsGrantRoles() {
        JsonNode player = register("plain_player");
        String playerToken = player.get("access_token").asText();
        String playerId = player.at("/user/id").asText();
        Http.Response forbidden = http.post("/api/v1/admin/users/" + playerId + "/role", Http.obj("role", "admin"), playerToken);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.code()).isEqualTo("FORBIDDEN");
        assertThat(http.get("/api/v1/admin/anything", playerToken).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/admin/users/" + playerId + "/role", Http.obj("role", "admin"), null).status())
                .isEqualTo(401);

        Http.Response login = http.post("/api/v1/auth/login",
                Http.obj("email", "root@example.com", "password", "admin-password-1"), null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body().at("/user/role").asText()).isEqualTo("admin");
        String adminToken = login.body().get("access_token").asText();

        Http.Response bad = http.post("/api/v1/admin/users/" + playerId + "/role", Http.obj("role", "emperor"), adminToken);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("field").asText()).isEqualTo("role");
        assertThat(http.post("/api/v1/admin/users/no-such-user/role", Http.obj("role", "analyst"), adminToken).code())
                .isEqualTo("NOT_FOUND");

        Http.Response granted = http.post("/api/v1/admin/users/" + playerId + "/role", Http.obj("role", "analyst"), adminToken);
        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.body().at("/user/role").asText()).isEqualTo("analyst");
        Http.Response refreshed = http.post("/api/v1/auth/refresh",
                Http.obj("refresh_token", player.get("refresh_token").asText()), null);
        assertThat(refreshed.body().at("/user/role").asText()).isEqualTo("analyst");
    }
}
