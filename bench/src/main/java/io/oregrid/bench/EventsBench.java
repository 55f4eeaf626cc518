package io.oregrid.bench;

import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.oregrid.edge.OreServer;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.leaderboard.LeaderboardScore;
import io.oregrid.grid.support.GameClock;
import io.oregrid.jet.leaderboard.LeaderboardWindows;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.liveops.EventSignatures;
import io.oregrid.node.liveops.LeaderboardJob;
import org.HdrHistogram.ConcurrentHistogram;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * LiveOps ingestion under load (issue #6): signed events accepted per second through HTTP
 * ({@code POST /events}, HMAC-SHA256 signed with the node's own {@link EventSignatures}) and the
 * end-to-end latency from the {@code 202} to the leaderboard reflecting the event.
 *
 * <p>An all-in-one node (member + edge, memory only, Jet leaderboard job) runs in this JVM on a free
 * port. {@code threads} senders post progression events ({@code deltaXp} 10, a fresh
 * Idempotency-Key each) for {@code players} players as fast as the node answers, for a warm-up and
 * then {@code seconds} measured seconds; meanwhile {@code probes} probe players each send one event
 * at a time and, after its 202, poll the {@code leaderboards} map (their seasonal score) every
 * 0.2 ms until it counts the event: that wait is the latency (HdrHistogram). At the end it waits for
 * the leaderboard to count every accepted event (drain). Load generator and node share the CPUs.
 *
 * <p>Arguments: {@code [--seconds 20] [--threads 32] [--players 1000] [--probes 4] [--quick]}
 * ({@code --quick}: 5 s, 8 threads, 100 players, 2 probes).
 */
public final class EventsBench {
    private static final String SECRET = "bench-events-secret-0123456789abcdef";
    private static final long POINTS = 10;

    private int seconds = 20;
    private int threads = 32;
    private int players = 1000;
    private int probes = 4;
    private int warmupS = 3;

    /** Runs the benchmark and prints the figures. */
    public static void main(String[] args) throws Exception {
        EventsBench b = new EventsBench();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> { b.seconds = 5; b.threads = 8; b.players = 100; b.probes = 2; b.warmupS = 1; }
                case "--seconds" -> b.seconds = Integer.parseInt(args[++i]);
                case "--threads" -> b.threads = Integer.parseInt(args[++i]);
                case "--players" -> b.players = Integer.parseInt(args[++i]);
                case "--probes" -> b.probes = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (--seconds N --threads N --players N --probes N --quick)");
            }
        }
        b.run(System.out);
        System.exit(0);
    }

    private void run(PrintStream out) throws Exception {
        Map<String, String> o = new HashMap<>();
        o.put("CLUSTER_NAME", "events-bench-" + UUID.randomUUID());
        o.put("MEMBER_PORT", "5921");
        o.put("HTTP_HOST", "127.0.0.1");
        o.put("HTTP_PORT", "0");
        o.put("EVENTS_HMAC_SECRET", SECRET);
        o.put("EVENTS_MAX_PER_SECOND", "100000"); // the figure is the pipeline's, not the per-player flood limit
        OreConfig cfg = OreConfig.defaults().with(o);
        GameClock clock = GameClock.system();
        try (OreServer server = OreServer.start(cfg, clock)) {
            IMap<String, LeaderboardScore> boards = server.hazelcast().getMap(GridMaps.LEADERBOARDS);
            LeaderboardWindows windows = LeaderboardJob.windows(cfg.liveOps());
            String season = windows.of(LeaderboardWindows.Kind.SEASONAL, clock.nowMs()).key();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            URI events = URI.create(server.baseUrl().replace("localhost", "127.0.0.1") + "/events");
            out.printf(Locale.ROOT, "events bench: %s, %d sender threads, %d players, %d probes, %d s warm-up + %d s measured, %d cores%n",
                    events, threads, players, probes, warmupS, seconds, Runtime.getRuntime().availableProcessors());

            AtomicBoolean measuring = new AtomicBoolean(false);
            AtomicBoolean stop = new AtomicBoolean(false);
            LongAdder accepted = new LongAdder();
            LongAdder acceptedTotal = new LongAdder();
            Map<Integer, LongAdder> refused = new ConcurrentHashMap<>();
            AtomicLong seq = new AtomicLong();
            ConcurrentHistogram latencyUs = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
            LongAdder probeTimeouts = new LongAdder();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(daemon(() -> {
                    while (!stop.get()) {
                        long n = seq.incrementAndGet();
                        int status = post(http, events, "p" + (n % players), "b-" + n, clock);
                        if (status == 202) {
                            acceptedTotal.increment();
                            if (measuring.get()) {
                                accepted.increment();
                            }
                        } else {
                            refused.computeIfAbsent(status, s -> new LongAdder()).increment();
                        }
                    }
                }));
            }
            for (int p = 0; p < probes; p++) {
                String player = "probe-" + p;
                workers.add(daemon(() -> {
                    long expected = 0;
                    while (!stop.get()) {
                        long n = seq.incrementAndGet();
                        if (post(http, events, player, "b-" + n, clock) != 202) {
                            continue;
                        }
                        long acceptedAt = System.nanoTime();
                        expected += POINTS;
                        String key = LeaderboardScore.mapKey(season, player);
                        long deadline = acceptedAt + TimeUnit.SECONDS.toNanos(30);
                        while (true) {
                            LeaderboardScore s = boards.get(key);
                            if (s != null && s.score() >= expected) {
                                if (measuring.get()) {
                                    latencyUs.recordValue(Math.min(latencyUs.getHighestTrackableValue(),
                                            (System.nanoTime() - acceptedAt) / 1000));
                                }
                                break;
                            }
                            if (System.nanoTime() > deadline) {
                                probeTimeouts.increment();
                                expected = s == null ? 0 : s.score();
                                break;
                            }
                            LockSupport.parkNanos(200_000);
                        }
                    }
                }));
            }
            workers.forEach(Thread::start);
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmupS));
            measuring.set(true);
            long start = System.nanoTime();
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            measuring.set(false);
            double elapsed = (System.nanoTime() - start) / 1e9;
            stop.set(true);
            for (Thread w : workers) {
                w.join();
            }
            long drainStart = System.nanoTime();
            long expectedPoints = (acceptedTotal.sum() + probeEvents(boards, season)) * POINTS;
            long counted = 0;
            while (System.nanoTime() - drainStart < TimeUnit.SECONDS.toNanos(120)) {
                counted = boards.values(Predicates.equal("window", season)).stream().mapToLong(LeaderboardScore::score).sum();
                if (counted >= expectedPoints) {
                    break;
                }
                Thread.sleep(50);
            }
            double drainS = (System.nanoTime() - drainStart) / 1e9;

            out.printf(Locale.ROOT, "accepted (202): %,d in %.1f s -> %,.0f events/s through HTTP%n",
                    accepted.sum(), elapsed, accepted.sum() / elapsed);
            out.printf(Locale.ROOT, "refused: %s%n", refused.isEmpty() ? "none" : new TreeMap<>(refused));
            out.printf(Locale.ROOT, "202 -> leaderboard (probes, under that load): n=%,d p50=%.2f ms p99=%.2f ms max=%.2f ms"
                            + " (timeouts %d)%n", latencyUs.getTotalCount(), latencyUs.getValueAtPercentile(50) / 1000.0,
                    latencyUs.getValueAtPercentile(99) / 1000.0, latencyUs.getMaxValue() / 1000.0, probeTimeouts.sum());
            out.printf(Locale.ROOT, "drain: after the last 202 the leaderboard counted %s of %,d points in %.2f s%n",
                    counted >= expectedPoints ? "all" : String.format(Locale.ROOT, "only %,d", counted), expectedPoints, drainS);
        }
    }

    /** @return events the probes got accepted (their seasonal scores / points), read once the run stopped */
    private long probeEvents(IMap<String, LeaderboardScore> boards, String season) {
        long events = 0;
        for (int p = 0; p < probes; p++) {
            // each probe waited for its events to be counted before the next, so its score is exact
            LeaderboardScore s = boards.get(LeaderboardScore.mapKey(season, "probe-" + p));
            events += s == null ? 0 : s.score() / POINTS;
        }
        return events;
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "events-bench");
        t.setDaemon(true);
        return t;
    }

    /** Signs and posts one progression event; @return the status (-1 on an I/O error) */
    private static int post(HttpClient http, URI events, String player, String key, GameClock clock) {
        long t = Math.floorDiv(clock.nowMs(), 1000L);
        String body = "{\"type\":\"progression\",\"playerId\":\"" + player + "\",\"ts\":" + t
                + ",\"payload\":{\"deltaXp\":" + POINTS + ",\"activity\":\"quest_completion\"}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest req = HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .header(EventSignatures.HEADER, EventSignatures.sign(SECRET.getBytes(StandardCharsets.UTF_8), t, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        try {
            return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
