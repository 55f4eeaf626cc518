package io.oregrid.edge.demo;

import io.oregrid.edge.OreServer;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.traces.GoTrackTraces;
import io.oregrid.node.traces.Trip;
import io.oregrid.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies that a demo run against a node with {@code ORE_DB_URL} leaves, once the node has stopped,
 * exactly the rows its summary counted: one account per player, one history row per accepted fix,
 * one collection row per collected coin, the credited value in the balances.
 */
class DemoPersistenceTest {
    private static final double SPEED = 150;
    private final TestDatabase db = new TestDatabase();

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    @Timeout(120)
    void rowCountsMatchTheSummary() {
        GameClock clock = GameClock.scaled(SPEED);
        OreConfig config = OreConfig.defaults().with(db.nodeSettings(null, "HTTP_PORT", "0", "HTTP_HOST", "127.0.0.1",
                "CLUSTER_NAME", "demo-db-" + UUID.randomUUID(), "BCRYPT_COST", "4"));
        List<Trip> trips = GoTrackTraces.load().stream().filter(t -> Set.of("1", "2", "3").contains(t.trackId())).toList();
        DemoSummary summary;
        try (OreServer server = OreServer.start(config, clock)) {
            DemoOptions options = DemoOptions.defaults(URI.create(server.baseUrl()), SPEED);
            summary = new DemoRunner(options, clock, new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8)).run(trips);
        }
        assertThat(summary.accepted()).isPositive();
        assertThat(db.queryLong("SELECT count(*) FROM users")).isEqualTo(summary.players());
        assertThat(db.queryLong("SELECT count(*) FROM location_history")).isEqualTo(summary.accepted());
        assertThat(db.queryLong("SELECT coalesce(sum(accepted_fixes), 0) FROM player_motion")).isEqualTo(summary.accepted());
        assertThat(db.queryLong("SELECT count(*) FROM coin_collections")).isEqualTo(summary.collected());
        assertThat(db.queryLong("SELECT coalesce(sum(balance), 0) FROM players")).isEqualTo(summary.valueCollected());
    }
}
