package io.oregrid.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.ConcurrentHistogram;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.websocket.client.WebSocketClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WebSocket edge benchmark (SPEC capability 5: 10,000+ connections per edge node, fan-out under
 * 100 ms). Starts an all-in-one node in a child JVM, registers {@code --connections} players and
 * places them on a square of {@code --cells-side}² S2 cells (≈ 280 m apart) by REST, opens one
 * authenticated socket per player, then in each of {@code --rounds} rounds moves
 * {@code --movers-pct} percent of them 4 m over WebSocket, spread evenly over 1 s (one fix per mover per second). Prints connections held, the node's heap
 * per connection (heap after a full GC with the sockets open minus before, over their number) and
 * the p50/p99 time from sending a move to its {@code players.nearby} arriving at each room member.
 *
 * <p>Arguments: {@code --connections N} (10000), {@code --movers-pct P} (10), {@code --rounds R} (5), {@code --warmup-rounds W} (3: run first, unmeasured, for the node's JIT),
 * {@code --cells-side S} (20), {@code --server-xmx X} (3g).
 */
public final class WsBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double LAT = -10.95, LNG = -37.10, CELL_DEG = 0.0025;
    /**
     * Each round's moves are spread evenly over this many ms and rounds follow each other without a gap,
     * so every mover sends one fix per second, a steady stream (issue #11's figure).
     */
    private static final long SPREAD_MS = 1000;
    /** After the last round, how long deliveries may still arrive before the figures are taken, ms. */
    private static final long DRAIN_MS = 3000;

    private WsBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int n = Integer.parseInt(opts.getOrDefault("connections", "10000"));
        int moversPct = Integer.parseInt(opts.getOrDefault("movers-pct", "10"));
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "5"));
        int warmupRounds = Integer.parseInt(opts.getOrDefault("warmup-rounds", "3"));
        int side = Integer.parseInt(opts.getOrDefault("cells-side", "20"));
        Path log = Files.createDirectories(Path.of("bench", "target")).resolve("server.log");
        Map<String, String> env = Map.of("ORE_CLUSTER_NAME", "bench-" + System.nanoTime(), "ORE_BCRYPT_COST", "4",
                "ORE_AUTH_RATE_LIMIT_PER_MINUTE", "1000000", "ORE_RATE_LIMIT_PER_MINUTE", "1000000",
                "ORE_LOCATION_MAX_UPDATES_PER_MINUTE", "1000", "ORE_MEMBER_PORT", "5901");
        System.out.printf("starting a node (-Xmx%s), log %s%n", opts.getOrDefault("server-xmx", "3g"), log);
        try (ServerProcess server = ServerProcess.start(opts.getOrDefault("server-xmx", "3g"), env, log)) {
            run(server, n, moversPct, rounds, warmupRounds, side);
        }
    }

    private static void run(ServerProcess server, int n, int moversPct, int rounds, int warmupRounds, int side) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        String[] tokens = new String[n];
        double[][] at = new double[n][];
        long t0 = System.nanoTime();
        parallel(n, i -> {
            String name = "b" + run + "_" + i;
            JsonNode body = post(http, server.baseUrl() + "/api/v1/auth/register",
                    "{\"email\":\"" + name + "@bench.example\",\"username\":\"" + name + "\",\"password\":\"bench password\"}", null);
            tokens[i] = body.get("access_token").asText();
            at[i] = new double[]{LAT + (i % side) * CELL_DEG + (i * 7 % 97) * 1e-5,
                    LNG + ((i / side) % side) * CELL_DEG + (i * 13 % 89) * 1e-5};
            post(http, server.baseUrl() + "/api/v1/location/update", "{\"lat\":" + at[i][0] + ",\"lng\":" + at[i][1]
                    + ",\"accuracy\":5,\"timestamp\":" + System.currentTimeMillis() + "}", tokens[i]);
        });
        System.out.printf("registered and placed %d players on %d cells in %.1f s%n", n, side * side, secondsSince(t0));

        long heapBefore = server.heapUsedAfterGc();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        ConcurrentHistogram latencyUs = new ConcurrentHistogram(3);
        AtomicLong deliveries = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        // one selector per core: with Jetty's default of one, the client read on one thread and fell behind
        ClientConnector connector = new ClientConnector();
        connector.setSelectors(Runtime.getRuntime().availableProcessors());
        WebSocketClient wsClient = new WebSocketClient(new org.eclipse.jetty.client.HttpClient(
                new org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP(connector)));
        wsClient.start();
        BenchSocket[] sockets = new BenchSocket[n];
        Semaphore inFlight = new Semaphore(256);
        List<CompletableFuture<Boolean>> opened = new ArrayList<>();
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            inFlight.acquire();
            sockets[i] = new BenchSocket(sentAt, latencyUs, deliveries, errors);
            opened.add(sockets[i].open(wsClient, server.baseUrl(), tokens[i]).orTimeout(60, TimeUnit.SECONDS)
                    .exceptionally(e -> false).whenComplete((ok, e) -> inFlight.release()));
        }
        long held = opened.stream().filter(CompletableFuture::join).count();
        System.out.printf("opened %d authenticated sockets of %d in %.1f s%n", held, n, secondsSince(t0));
        long heapAfter = server.heapUsedAfterGc();
        double serverCount = server.metric("ore_ws_connections");

        int movers = Math.max(1, n * moversPct / 100);
        String[] userIds = new String[movers];
        for (int i = 0; i < movers; i++) {
            userIds[i] = userIdOf(tokens[i]);
        }
        for (int r = 1 - warmupRounds; r <= rounds; r++) {
            if (r == 1 && warmupRounds > 0) { // the warm-up rounds' deliveries drain, then count from zero
                TimeUnit.MILLISECONDS.sleep(DRAIN_MS);
                sentAt.clear();
                latencyUs.reset();
                deliveries.set(0);
                System.out.printf("%d warm-up rounds done (JIT); measuring%n", warmupRounds);
            }
            long roundStart = System.nanoTime();
            for (int i = 0; i < movers; i++) {
                long due = roundStart + TimeUnit.MILLISECONDS.toNanos(SPREAD_MS) * i / movers;
                TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
                long ts = System.currentTimeMillis();
                double lat = at[i][0] + (r + warmupRounds) * 4 / 111_320.0;
                sentAt.put(userIds[i] + "@" + ts, System.nanoTime());
                sockets[i].move(lat, at[i][1], ts);
            }
            TimeUnit.MILLISECONDS.sleep(Math.max(0, SPREAD_MS - (System.nanoTime() - roundStart) / 1_000_000));
            System.out.printf("round %d%s: %d moves sent, %d deliveries so far%n", r, r < 1 ? " (warm-up)" : "", movers,
                    deliveries.get());
        }
        TimeUnit.MILLISECONDS.sleep(DRAIN_MS);

        System.out.println();
        System.out.println("=== WsBench ===");
        System.out.printf("connections held      %d of %d (node reports %.0f)%n", held, n, serverCount);
        System.out.printf("heap per connection   %.1f KiB (node heap after GC: %.1f MiB before, %.1f MiB with sockets)%n",
                (heapAfter - heapBefore) / 1024.0 / Math.max(1, held), heapBefore / 1048576.0, heapAfter / 1048576.0);
        System.out.printf("moves                 %d (%d movers x %d rounds), deliveries %d (%.0f per move)%n",
                (long) movers * rounds, movers, rounds, deliveries.get(), deliveries.get() / (double) (movers * rounds));
        System.out.printf("move -> delivery      p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                latencyUs.getValueAtPercentile(50) / 1000.0, latencyUs.getValueAtPercentile(99) / 1000.0,
                latencyUs.getMaxValue() / 1000.0);
        System.out.printf("node fan-out          p50 %.3f ms, p99 %.3f ms (ore_ws_fanout_seconds)%n",
                server.metric("ore_ws_fanout_seconds{quantile=\"0.5\"") * 1000,
                server.metric("ore_ws_fanout_seconds{quantile=\"0.99\"") * 1000);
        System.out.printf("slow consumers dropped %.0f, client-side errors %d%n",
                server.metric("ore_ws_slow_consumers_dropped_total"), errors.get());
        for (BenchSocket s : sockets) {
            if (s != null) {
                s.close();
            }
        }
        wsClient.stop();
    }

    /** The {@code sub} of an access token (its payload is base64url JSON; the bench trusts its own node). */
    private static String userIdOf(String token) {
        String payload = token.split("\\.")[1];
        try {
            return JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload)).get("sub").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable access token", e);
        }
    }

    private static JsonNode post(HttpClient http, String url, String body, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(url + " answered " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private interface Step {
        void run(int i) throws Exception;
    }

    private static void parallel(int n, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                done.add(pool.submit(() -> {
                    step.run(index);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        return opts;
    }
}
