package io.oregrid.bench.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.oregrid.bench.ChildJvm;
import io.oregrid.bench.ServerProcess;
import io.oregrid.grid.motion.Fix;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Row 5: {@code POST /api/v1/location/update} through the real edge (an all-in-one node,
 * {@code OreMain serve}: JWT verification, the per-user and per-player Bucket4j limits in the grid,
 * validation, the location update of row 1) against {@link BareEdge}, which only parses the same
 * JSON on the same Jetty settings — the ceiling. Each server runs alone in its own JVM on the server
 * CPU; the load comes from this process on the other CPU over loopback: Jetty's HttpClient, 64
 * keep-alive connections, the same registered players and fixes for both. ORE is reported as a
 * fraction of the ceiling. Target: p99 &lt; 10 ms (the location target of row 1).
 */
final class HttpCeilingRow {
    private static final int MAX_RATE = 100_000;
    private static final int CONNECTIONS = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpCeilingRow() {
    }

    static void run(Bench b) throws Exception {
        b.out.println("row 5: HTTP ceiling");
        Cpus.pinSelf(Cpus.loadGenerator());
        HttpClient http = new HttpClient();
        http.setMaxConnectionsPerDestination(CONNECTIONS);
        http.setMaxRequestsQueuedPerDestination(1 << 20);
        http.setFollowRedirects(false);
        http.start();
        try {
            int players = b.opt.httpPlayers;
            FixFeed fixes = new FixFeed(players, System.currentTimeMillis() - TimeUnit.HOURS.toMillis(23));
            Map<String, String> env = new HashMap<>();
            env.put("ORE_CLUSTER_NAME", "compare-http-" + System.nanoTime());
            env.put("ORE_MEMBER_PORT", Integer.toString(ChildJvm.freePort()));
            env.put("ORE_BCRYPT_COST", "4");
            env.put("ORE_AUTH_RATE_LIMIT_PER_MINUTE", "1000000");
            env.put("ORE_RATE_LIMIT_PER_MINUTE", "1000000");
            env.put("ORE_GENESIS_RATE_LIMIT_PER_MINUTE", "1000000");
            env.put("ORE_LOCATION_MAX_UPDATES_PER_MINUTE", "100000");
            env.put("ORE_ANTICHEAT_MAX_FIX_AGE_S", "86400");
            List<String> jvm = new java.util.ArrayList<>(List.of("-Xmx2g", "-Xms2g"));
            jvm.addAll(Bench.SERVER_GC);
            String[] tokens = new String[players];
            Bench.Measured ore;
            Outcomes oreOut = new Outcomes();
            try (ServerProcess node = ServerProcess.start(Cpus.prefix(Cpus.server()), jvm, "io.oregrid.edge.OreMain",
                    List.of("serve"), env, Files.createTempFile("ore-bench-edge-", ".log"))) {
                register(b, http, node.baseUrl(), tokens);
                Side side = Side.async("5 ORE edge", CONNECTIONS * 4, workload(http, node.baseUrl(), fixes, tokens, oreOut));
                ore = b.measure(side, b.opt.httpRate, node.pid(), LocationRow.P99_TARGET_MS, MAX_RATE,
                        Bench.child(node.pid()));
            }
            Bench.Measured bare;
            Outcomes bareOut = new Outcomes();
            try (ServerProcess ceiling = ServerProcess.start(Cpus.prefix(Cpus.server()), jvm, BareEdge.class.getName(),
                    List.of(), env, Files.createTempFile("ore-bench-bare-", ".log"))) {
                Side side = Side.async("5 bare Javalin", CONNECTIONS * 4, workload(http, ceiling.baseUrl(), fixes, tokens, bareOut));
                bare = b.measure(side, b.opt.httpRate, ceiling.pid(), LocationRow.P99_TARGET_MS, MAX_RATE,
                        Bench.child(ceiling.pid()));
            }
            String load = String.format(Locale.ROOT, "%,d registered players, the fixes of row 1; Jetty HttpClient 12.1, %d"
                    + " keep-alive connections, open loop; %s", players, CONNECTIONS, Cpus.describe(Cpus.Arrangement.SPLIT));
            String oreSet = "OreMain serve (all-in-one node, -Xmx2g, G1 10 ms pause goal, in memory): bearer JWT (RS256) check, per-user and"
                    + " per-player Bucket4j limits in the grid (limits raised so they count but never refuse), fix validation,"
                    + " LocationService.update; " + oreOut + "; " + load;
            String bareSet = "EdgeApp.create with the same Jetty/Javalin settings and one route that parses and validates the"
                    + " same JSON and answers 200 (no auth, limits or grid), -Xmx2g, G1 10 ms pause goal; " + bareOut + "; " + load;
            b.addRows("5", "HTTP POST /api/v1/location/update vs bare Javalin (ceiling)", new Bench.Result(ore, oreSet),
                    new Bench.Result(bare, bareSet));
        } finally {
            http.stop();
            Cpus.pinSelf(Cpus.all());
        }
    }

    /** Status counts of one side. */
    static final class Outcomes {
        final LongAdder ok = new LongAdder();
        final LongAdder refused = new LongAdder();
        final LongAdder limited = new LongAdder();

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "200: %,d, 422: %,d, 429: %,d", ok.sum(), refused.sum(), limited.sum());
        }
    }

    /**
     * Posts fix {@code seq} as its player; the stage completes normally on 200, 422 (an anti-cheat
     * refusal is an answer) and 429, exceptionally on anything else.
     */
    private static AsyncWorkload workload(HttpClient http, String baseUrl, FixFeed fixes, String[] tokens, Outcomes o) {
        String url = baseUrl + "/api/v1/location/update";
        return seq -> {
            Fix f = fixes.fix(seq);
            String body = String.format(Locale.ROOT, "{\"lat\":%s,\"lng\":%s,\"accuracy\":%s,\"timestamp\":%d%s}", f.lat(),
                    f.lng(), f.accuracyM(), f.timestampMs(), f.speedMs() == null ? "" : ",\"speed\":" + f.speedMs());
            CompletableFuture<Void> done = new CompletableFuture<>();
            http.newRequest(url).method(HttpMethod.POST).timeout(60, TimeUnit.SECONDS)
                    .headers(h -> h.put(HttpHeader.AUTHORIZATION, "Bearer " + tokens[fixes.player(seq)]))
                    .body(new StringRequestContent("application/json", body))
                    .send(result -> {
                        if (result.isFailed()) {
                            done.completeExceptionally(result.getFailure());
                            return;
                        }
                        int status = result.getResponse().getStatus();
                        switch (status) {
                            case 200 -> o.ok.increment();
                            case 422 -> o.refused.increment();
                            case 429 -> o.limited.increment();
                            default -> {
                                done.completeExceptionally(new IllegalStateException("HTTP " + status));
                                return;
                            }
                        }
                        done.complete(null);
                    });
            return done;
        };
    }

    /** Registers {@code tokens.length} players (bcrypt cost 4 on the node) and keeps their access tokens. */
    private static void register(Bench b, HttpClient http, String baseUrl, String[] tokens) throws Exception {
        long start = System.nanoTime();
        String run = Long.toString(System.nanoTime() % 1_000_000, 36);
        Parallel.forEach(tokens.length, 16, i -> {
            String name = "h" + run + "_" + i;
            Request req = http.newRequest(baseUrl + "/api/v1/auth/register").method(HttpMethod.POST)
                    .timeout(60, TimeUnit.SECONDS).body(new StringRequestContent("application/json",
                            "{\"email\":\"" + name + "@bench.example\",\"username\":\"" + name
                                    + "\",\"password\":\"bench password " + i + "\"}"));
            ContentResponse r = req.send();
            if (r.getStatus() != 201) {
                throw new IllegalStateException("register answered " + r.getStatus() + ": " + r.getContentAsString());
            }
            tokens[i] = JSON.readTree(r.getContent()).get("access_token").asText();
        });
        b.out.printf(Locale.ROOT, "  registered %,d players in %.1f s%n", tokens.length, (System.nanoTime() - start) / 1e9);
    }
}
