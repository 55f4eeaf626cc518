package io.oregrid.edge.demo;

import io.oregrid.node.traces.GoTrackTraces;

import java.net.URI;

/**
 * How the demo replays the traces.
 *
 * @param baseUrl            the node's HTTP base, e.g. {@code http://localhost:8080}
 * @param speed              how many times faster than real time the node's clock runs (the same value
 *                           the node's {@code GameClock.scaled} was built with; 1 = real time)
 * @param cadenceMs          at most one fix per this much trace time, milliseconds (client: 30,000)
 * @param accuracyM          the accuracy every fix reports, metres (the traces carry none)
 * @param nearbyRadiusM      radius of the nearby-coins query after each accepted fix, metres
 * @param rampUpMs           real time over which the players' starts are spread evenly, milliseconds (0: all
 *                           at once); a burst of every player's first fix at one instant would make the node
 *                           fall behind by more than the fix-age limit allows at a fast clock
 * @param workers            threads that send requests (players share them; each player's fixes stay in order)
 * @param progressIntervalMs real time between progress lines, milliseconds
 * @param requestTimeoutMs   real time one HTTP request may take, milliseconds
 */
public record DemoOptions(URI baseUrl, double speed, long cadenceMs, double accuracyM, int nearbyRadiusM,
                          long rampUpMs, int workers, long progressIntervalMs, long requestTimeoutMs) {

    /** Accuracy sent with every fix: a plausible outdoor phone fix, metres. */
    public static final double DEFAULT_ACCURACY_M = 8.0;

    public DemoOptions {
        if (!(speed >= 1.0)) {
            throw new IllegalArgumentException("speed must be >= 1, got " + speed);
        }
        if (cadenceMs < 0 || rampUpMs < 0 || workers < 1 || progressIntervalMs < 1 || requestTimeoutMs < 1 || nearbyRadiusM < 1) {
            throw new IllegalArgumentException("cadence and ramp-up must be >= 0 and workers, progress interval, "
                    + "request timeout and nearby radius >= 1");
        }
        if (!(accuracyM > 0)) {
            throw new IllegalArgumentException("accuracy must be > 0 m, got " + accuracyM);
        }
    }

    /**
     * The demo's settings: the client's 30 s cadence, 8 m accuracy, coins within 50 m, players
     * starting over 5 s of real time, 32 workers, a progress line every 5 s, 30 s per request.
     */
    public static DemoOptions defaults(URI baseUrl, double speed) {
        return new DemoOptions(baseUrl, speed, GoTrackTraces.CLIENT_CADENCE_MS, DEFAULT_ACCURACY_M, 50, 5_000, 32,
                5_000, 30_000);
    }

    /** A copy with another progress interval (tests). */
    public DemoOptions withProgressIntervalMs(long ms) {
        return new DemoOptions(baseUrl, speed, cadenceMs, accuracyM, nearbyRadiusM, rampUpMs, workers, ms, requestTimeoutMs);
    }

    /** @return node time between two consecutive players' starts when {@code players} start, milliseconds */
    long startSpacingNodeMs(int players) {
        return players <= 1 ? 0 : (long) (rampUpMs * speed / players);
    }
}
