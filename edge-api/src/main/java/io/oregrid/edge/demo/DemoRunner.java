package io.oregrid.edge.demo;

import io.oregrid.grid.support.GameClock;
import io.oregrid.node.traces.GoTrackTraces;
import io.oregrid.node.traces.TraceJumps;
import io.oregrid.node.traces.TracePoint;
import io.oregrid.node.traces.Trip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replays real trips against a running node through its HTTP API as concurrent players
 * ({@code ./ore demo}): registers one player per trip, then sends every player's fixes when the
 * node's clock reaches their shifted trace time, printing progress every few seconds.
 *
 * <p>Timing: trip {@code t}'s fix {@code i} is due at node time {@code start(t) + (t[i].time - t[0].time)}
 * and carries that due time as its {@code timestamp}. {@code start(t)} is the node clock when
 * registration is done, plus {@code k × rampUp × speed / players} for the {@code k}-th player, so the
 * players' first fixes arrive over {@link DemoOptions#rampUpMs()} of real time instead of in one
 * burst (at 60× a burst would leave the node more than the 120 s fix-age limit behind).
 *
 * <p>The runner reads the node's own {@link GameClock} (same JVM) and converts a wait in node time to
 * real time with the clock's speed, so every player's fixes are spaced exactly as recorded, in node time. A player's fixes are sent
 * in order, one at a time; players share a fixed pool of worker threads (Java 17: no virtual threads).
 */
public final class DemoRunner {
    private static final Logger LOG = LoggerFactory.getLogger(DemoRunner.class);
    /** Glitch threshold used for the opening note: faster than this, m/s, over more than {@link #GLITCH_MIN_M}. */
    private static final double GLITCH_SPEED_MPS = 45;
    private static final double GLITCH_MIN_M = 300;

    private final DemoOptions options;
    private final GameClock clock;
    private final PrintStream out;

    /**
     * @param options how to replay
     * @param clock   the node's clock, running {@code options.speed()} times faster than real time
     * @param out     where the notes, progress and summary go
     */
    public DemoRunner(DemoOptions options, GameClock clock, PrintStream out) {
        this.options = options;
        this.clock = clock;
        this.out = out;
    }

    /**
     * Registers the players, replays every trip to its end (or until a deadline of twice the
     * expected real time plus a minute), prints the summary's numbers as progress goes and returns them.
     *
     * @param trips the trips, one player each
     * @return the counts and latencies; {@code players() == 0} when nobody could register
     */
    public DemoSummary run(List<Trip> trips) {
        List<List<TracePoint>> fixes = new ArrayList<>();
        for (Trip trip : trips) {
            fixes.add(GoTrackTraces.cadence(trip, options.cadenceMs()));
        }
        long longestMs = fixes.stream().mapToLong(f -> f.get(f.size() - 1).timeMs() - f.get(0).timeMs()).max().orElse(0);
        int keptGlitches = 0;
        for (int i = 0; i < trips.size(); i++) {
            keptGlitches += TraceJumps.find(trips.get(i).trackId(), fixes.get(i), GLITCH_SPEED_MPS, GLITCH_MIN_M).size();
        }
        out.println(DemoReport.intro(options, trips.size(), fixes.stream().mapToInt(List::size).sum(),
                trips.stream().mapToLong(Trip::durationMs).max().orElse(0),
                TraceJumps.find(trips, GLITCH_SPEED_MPS, GLITCH_MIN_M).size(), keptGlitches));
        Execution execution = new Execution();
        try {
            return execution.run(trips, fixes, longestMs);
        } finally {
            execution.shutdown();
        }
    }

    /** One run's threads, counters and players. */
    private final class Execution {
        private final long startNanos = System.nanoTime();
        private final EndpointLatencies latencies = new EndpointLatencies();
        private final DemoStats stats = new DemoStats();
        private final OreApiClient api = new OreApiClient(options.baseUrl(), Duration.ofMillis(options.requestTimeoutMs()), latencies);
        private final ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(options.workers(), named("ore-demo-player"));
        private final ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(named("ore-demo-progress"));
        private final AtomicBoolean stopped = new AtomicBoolean();
        private CountDownLatch finished;

        DemoSummary run(List<Trip> trips, List<List<TracePoint>> fixes, long longestMs) {
            List<PlayerSession> sessions = registerAll(trips);
            out.printf("registered %d of %d players in %.1f s%n", stats.players(), trips.size(), elapsedMs() / 1000.0);
            if (stats.players() == 0) {
                return stats.summary(latencies, elapsedMs(), true);
            }
            long replayStart = clock.nowMs();
            long spacingMs = options.startSpacingNodeMs(stats.players());
            List<PlayerReplay> players = new ArrayList<>();
            for (int i = 0; i < trips.size(); i++) {
                if (sessions.get(i) != null) {
                    long start = replayStart + players.size() * spacingMs;
                    players.add(new PlayerReplay(trips.get(i).trackId(), fixes.get(i), start, sessions.get(i), api, stats, options));
                }
            }
            finished = new CountDownLatch(players.size());
            progress.scheduleAtFixedRate(() -> out.println(DemoReport.progress(elapsedMs(), clock.nowMs() - replayStart, stats)),
                    options.progressIntervalMs(), options.progressIntervalMs(), TimeUnit.MILLISECONDS);
            players.forEach(player -> pool.execute(() -> stepWhenDue(player)));

            long expectedRealMs = (long) (longestMs / options.speed()) + options.rampUpMs();
            boolean completed = await(Duration.ofMillis(2 * expectedRealMs + 60_000));
            progress.shutdownNow();
            out.println(DemoReport.progress(elapsedMs(), clock.nowMs() - replayStart, stats));
            return stats.summary(latencies, elapsedMs(), completed);
        }

        private List<PlayerSession> registerAll(List<Trip> trips) {
            String runId = HexFormat.of().toHexDigits(UUID.randomUUID().getLeastSignificantBits()).substring(0, 8);
            String password = "demo-" + UUID.randomUUID();
            List<Future<PlayerSession>> pending = new ArrayList<>();
            for (Trip trip : trips) {
                String name = "demo_" + trip.trackId() + "_" + runId;
                OreApiClient.Registration registration = new OreApiClient.Registration(name + "@example.com", name, password);
                pending.add(pool.submit(() -> PlayerSession.register(api, stats, registration)));
            }
            List<PlayerSession> sessions = new ArrayList<>();
            for (Future<PlayerSession> f : pending) {
                PlayerSession session = join(f);
                if (session != null) {
                    stats.playerRegistered();
                }
                sessions.add(session);
            }
            return sessions;
        }

        /** Sends the player's next fix once the node clock has reached it, then schedules the one after. */
        private void stepWhenDue(PlayerReplay player) {
            if (stopped.get()) {
                return;
            }
            long nowMs = clock.nowMs();
            long waitNodeMs = player.nextDueMs() - nowMs;
            if (waitNodeMs > 0) {
                long waitRealMicros = (long) Math.ceil(waitNodeMs * 1000.0 / options.speed());
                pool.schedule(() -> stepWhenDue(player), waitRealMicros, TimeUnit.MICROSECONDS);
                return;
            }
            try {
                player.sendNextFix(nowMs);
            } catch (RuntimeException e) {
                LOG.warn("player of trip {} failed on a fix", player.trackId(), e);
                stats.callFailed(DemoEndpoint.LOCATION_UPDATE, "CLIENT_ERROR");
            }
            if (player.done()) {
                stats.playerFinished();
                finished.countDown();
            } else {
                pool.execute(() -> stepWhenDue(player));
            }
        }

        private boolean await(Duration deadline) {
            try {
                if (finished.await(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                    return true;
                }
                out.printf("deadline of %d s reached: stopping the remaining %d players%n",
                        deadline.toSeconds(), finished.getCount());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.println("interrupted: stopping the players");
            }
            stopped.set(true);
            shutdown();
            return false;
        }

        /** Stops every thread; waits for calls in flight so that the counters add up. */
        void shutdown() {
            progress.shutdownNow();
            pool.shutdownNow();
            try {
                if (!pool.awaitTermination(options.requestTimeoutMs(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("demo workers still busy after {} ms", options.requestTimeoutMs());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private long elapsedMs() {
            return (System.nanoTime() - startNanos) / 1_000_000;
        }
    }

    private static PlayerSession join(Future<PlayerSession> registration) {
        try {
            return registration.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while registering players", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("registering a player failed", e.getCause());
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
