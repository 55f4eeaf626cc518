package io.oregrid.edge.demo;

import io.oregrid.edge.OreServer;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.traces.GoTrackTraces;
import io.oregrid.node.traces.Trip;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies that the demo replays real trips against a running node through HTTP, that every fix
 * sent has exactly one counted outcome, and that a real glitch of the data comes back as
 * {@code SPEED_EXCEEDED} from the unmodified anti-cheat.
 */
class DemoRunnerTest {
    /** Fast enough for a short test, slow enough that a fix is never older than the 120 s fix age on arrival. */
    private static final double SPEED = 150;
    /** Three short trips plus 49 and 58, whose 5.6 km glitches survive the 30 s cadence. */
    private static final Set<String> TRACKS = Set.of("1", "2", "3", "49", "58");

    private static OreServer server;
    private static GameClock clock;
    private static List<Trip> trips;

    @BeforeAll
    static void startNode() {
        clock = GameClock.scaled(SPEED);
        OreConfig config = OreConfig.defaults().with(Map.of(
                "HTTP_PORT", "0", "HTTP_HOST", "127.0.0.1",
                "CLUSTER_NAME", "demo-test-" + UUID.randomUUID(),
                "BCRYPT_COST", "4"));
        server = OreServer.start(config, clock);
        trips = GoTrackTraces.load().stream().filter(t -> TRACKS.contains(t.trackId())).toList();
    }

    @AfterAll
    static void stopNode() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Timeout(120)
    void replaysTripsAndAccountsForEveryFix() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DemoOptions options = DemoOptions.defaults(URI.create(server.baseUrl()), SPEED).withProgressIntervalMs(1_000);
        DemoSummary summary = new DemoRunner(options, clock, new PrintStream(printed, true, StandardCharsets.UTF_8)).run(trips);

        int expectedFixes = trips.stream().mapToInt(t -> GoTrackTraces.cadence(t, 30_000).size()).sum();
        assertThat(summary.completed()).isTrue();
        assertThat(summary.players()).isEqualTo(TRACKS.size());
        assertThat(summary.fixesSent()).isEqualTo(expectedFixes);
        assertThat(summary.accepted() + summary.refused() + summary.rateLimited() + summary.errors())
                .isEqualTo(summary.fixesSent());
        assertThat(summary.accepted()).isPositive();
        assertThat(summary.refused("SPEED_EXCEEDED")).isPositive();
        assertThat(summary.coinsSeen()).isPositive();
        assertThat(summary.latency()).containsKey(DemoEndpoint.LOCATION_UPDATE.label());
        assertThat(summary.latency().get(DemoEndpoint.LOCATION_UPDATE.label()).count()).isGreaterThanOrEqualTo(expectedFixes);

        String report = DemoReport.summary(summary, SPEED);
        assertThat(report).contains("fixes sent", "SPEED_EXCEEDED", "p99", DemoEndpoint.LOCATION_UPDATE.label());
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("registered 5 of 5 players", "players active");
    }
}
