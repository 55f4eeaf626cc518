package io.oregrid.edge.liveops;

import io.oregrid.edge.OreServer;
import io.oregrid.edge.testing.EdgeFixture;
import io.oregrid.edge.testing.Http;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.liveops.SuspiciousEvent;
import io.oregrid.node.sql.SqlMappings;
import com.hazelcast.sql.SqlResult;
import com.hazelcast.sql.SqlRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies the fairness guard over real HTTP: flooding → 429 with Retry-After and
 * {@code dropped_events_total}; an XP outlier → flagged, stored, queryable by SQL,
 * {@code anomaly_flags_total}; repeated → 403 until an admin unblocks → 202 again.
 */
class FairnessApiTest {
    private EdgeFixture fixture;
    private OreServer server;
    private Http http;
    private SignedEvents events;

    @BeforeEach
    void start() {
        fixture = new EdgeFixture(Map.of("EVENTS_HMAC_SECRET", SignedEvents.SECRET, "EVENTS_MAX_PER_SECOND", "5",
                "FAIRNESS_MIN_SAMPLES", "5", "FAIRNESS_BLOCK_AFTER_FLAGS", "2",
                "ADMIN_EMAIL", "root@example.com", "ADMIN_PASSWORD", "admin-password-1",
                "RATE_LIMIT_PER_MINUTE", "100000"));
        server = fixture.start();
        http = new Http(server.baseUrl());
        events = new SignedEvents(server.baseUrl(), fixture);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private Http.Response send(String body) {
        return events.post(body, UUID.randomUUID().toString());
    }

    private double metric(String name) {
        String text = http.get("/metrics", null).raw().body();
        return text.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void floodingPlayerIsDroppedWith429AndCounted() {
        for (int i = 0; i < 5; i++) {
            assertThat(send(SignedEvents.bossKill("flooder")).status()).isEqualTo(202);
        }
        for (int i = 0; i < 3; i++) {
            Http.Response r = send(SignedEvents.bossKill("flooder"));
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.code()).isEqualTo("EVENT_RATE_LIMIT");
            assertThat(r.header("Retry-After")).isEqualTo("1");
        }
        assertThat(send(SignedEvents.bossKill("someone_else")).status()).as("limits are per player").isEqualTo(202);
        assertThat(metric(LiveOpsRoutes.DROPPED_METRIC)).isEqualTo(3.0);
        fixture.advance(Duration.ofMillis(1_001));
        assertThat(send(SignedEvents.bossKill("flooder")).status()).isEqualTo(202);
    }

    @Test
    void xpOutlierIsFlaggedRepeatedBlocksAndAnAdminUnblocks() {
        for (long xp : new long[]{100, 120, 90, 110, 105, 95}) {
            fixture.advance(Duration.ofSeconds(1));
            assertThat(send(SignedEvents.progression("cheater", xp)).status()).isEqualTo(202);
        }
        fixture.advance(Duration.ofSeconds(1));
        Http.Response flagged = send(SignedEvents.progression("cheater", 50_000));
        assertThat(flagged.status()).isEqualTo(202);
        assertThat(flagged.body().get("status").asText()).isEqualTo("flagged");
        assertThat(flagged.body().get("anomaly_score").asDouble()).isGreaterThan(3.0);
        assertThat(metric(LiveOpsRoutes.FLAGS_METRIC)).isEqualTo(1.0);
        SuspiciousEvent stored = server.hazelcast().<String, SuspiciousEvent>getMap(GridMaps.SUSPICIOUS_EVENTS)
                .get(flagged.body().get("event_id").asText());
        assertThat(stored.deltaXp()).isEqualTo(50_000);
        assertThat(stored.zScore()).isGreaterThan(3.0);

        SqlMappings.create(server.hazelcast());
        List<Long> sqlXp = new ArrayList<>();
        try (SqlResult rows = server.hazelcast().getSql().execute(
                "SELECT delta_xp, z_score FROM suspicious_events WHERE player_id = ?", "cheater")) {
            for (SqlRow row : rows) {
                assertThat(row.<Double>getObject("z_score")).isGreaterThan(3.0);
                sqlXp.add(row.getObject("delta_xp"));
            }
        }
        assertThat(sqlXp).containsExactly(50_000L);

        fixture.advance(Duration.ofSeconds(1));
        Http.Response blocked = send(SignedEvents.progression("cheater", 60_000));
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.code()).isEqualTo("PLAYER_BLOCKED");
        fixture.advance(Duration.ofSeconds(1));
        assertThat(send(SignedEvents.progression("cheater", 100)).code()).isEqualTo("PLAYER_BLOCKED");
        assertThat(metric(LiveOpsRoutes.FLAGS_METRIC)).isEqualTo(2.0);

        String playerToken = register();
        assertThat(http.post("/api/v1/admin/players/cheater/unblock", Http.obj(), playerToken).code())
                .isEqualTo("FORBIDDEN");
        String adminToken = http.post("/api/v1/auth/login",
                Http.obj("email", "root@example.com", "password", "admin-password-1"), null).body()
                .get("access_token").asText();
        Http.Response unblocked = http.post("/api/v1/admin/players/cheater/unblock", Http.obj(), adminToken);
        assertThat(unblocked.status()).isEqualTo(200);
        assertThat(unblocked.body().get("was_blocked").asBoolean()).isTrue();
        fixture.advance(Duration.ofSeconds(1));
        assertThat(send(SignedEvents.progression("cheater", 100)).status()).isEqualTo(202);
    }

    private String register() {
        String name = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return http.post("/api/v1/auth/register",
                Http.obj("email", name + "@example.com", "username", name, "password", "correct horse"), null)
                .body().get("access_token").asText();
    }
}
