package io.oregrid.bench.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.oregrid.bench.ChildJvm;
import io.oregrid.bench.ServerProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Row 5: the HTTP edge under the external wrk ({@link Wrk}), the real node ({@code OreMain serve} in
 * a child JVM: JWT verification, the per-user and per-player Bucket4j limits in the grid, validation,
 * anti-cheat, the grid) against {@link BareEdge}, which only parses the same requests on the same
 * Jetty settings — the ceiling. Both servers run in turn, unpinned, with wrk on the same CPUs.
 * <ul>
 *   <li>location: {@code POST /api/v1/location/update} by registered players walking Go!Track trips
 *       ({@link TraceWalks}, wrk/location.lua), fixes at the real current time, so anti-cheat accepts
 *       them; requests/s, p50/p99 and the answers by status;</li>
 *   <li>collect, on the same node right after: per player {@code GET /api/v1/game/coins/nearby} then
 *       {@code POST /api/v1/game/coins/{id}/collect} of the nearest coin it listed (wrk/collect.lua);
 *       collects/s, the collects' answers by status, p50/p99 of each request kind. The bare side
 *       answers both routes without a grid ({@link BareEdge}).</li>
 * </ul>
 * Each wrk run follows a discarded warm-up run of the same script — on a fresh server JVM (the
 * location runs) as long as any fresh child JVM's ({@link Options#childWarmupS}), since its JIT needs
 * it; the ORE runs are profiled with JFR. Figures are closed-loop: {@link Options#wrkConnections}
 * connections each send the next request when the last is answered, so latency is that of a
 * saturated server. Each measured run also says how many cores its server and everything else used
 * ({@link CpuMeter}): on a shared machine another process's load shows there, not only in a lower
 * figure.
 */
final class HttpCeilingRow {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOCATION = "HTTP POST /api/v1/location/update (wrk) vs bare Javalin";
    private static final String COLLECT = "HTTP GET coins/nearby + POST coins/{id}/collect (wrk) vs bare Javalin";
    private static final String SERVER_JVM = "-Xmx2g, " + String.join(" ", Bench.SERVER_GC);

    private HttpCeilingRow() {
    }

    /**
     * One measured wrk run.
     *
     * @param run what wrk and the script counted
     * @param cpu what the server and everything else used meanwhile ({@link CpuMeter#describe})
     */
    private record Measured(Wrk.Run run, String cpu) {
    }

    /** The figures of one server: its location and collect runs. */
    private record Runs(Measured location, Measured collect) {
    }

    static void run(Bench b) throws Exception {
        b.out.println("row 5: HTTP location and collect (wrk)");
        try (Wrk wrk = Wrk.find(b.opt.wrkThreads, b.opt.wrkConnections)) {
            if (wrk == null) {
                b.out.println("  " + Wrk.MISSING);
                for (String workload : List.of(LOCATION, COLLECT)) {
                    b.table.add("5", workload, "-", Wrk.MISSING, Wrk.MISSING, "-", "", "");
                }
            } else {
                run(b, wrk);
            }
        }
    }

    private static void run(Bench b, Wrk wrk) throws Exception {
        Options o = b.opt;
        Map<String, String> env = env(o);
        List<String> jvm = new ArrayList<>(List.of("-Xmx2g", "-Xms2g"));
        jvm.addAll(Bench.SERVER_GC);
        TraceWalks walks = new TraceWalks(o.httpPlayers);
        Path data = wrk.dir().resolve("players.lua");
        String radius = Integer.toString(o.collectRadiusM);
        Runs ore;
        try (ServerProcess node = ServerProcess.start(List.of(), jvm, "io.oregrid.edge.OreMain", List.of("serve"), env,
                Files.createTempFile("ore-bench-edge-", ".log"))) {
            String[] tokens = registerAndPlace(b, node.baseUrl(), walks, o.httpPlayers);
            walks.write(data, tokens, System.currentTimeMillis() + 1); // after every placing fix
            ore = new Runs(measure(b, wrk, "5 ORE location", "location.lua", node, data, o.childWarmupS, true,
                            HttpCeilingRow::answers),
                    measure(b, wrk, "5 ORE collect", "collect.lua", node, data, o.wrkWarmupS, true,
                            HttpCeilingRow::collectAnswers, radius, radius));
        }
        Runs bare;
        try (ServerProcess ceiling = ServerProcess.start(List.of(), jvm, BareEdge.class.getName(), List.of(), env,
                Files.createTempFile("ore-bench-bare-", ".log"))) {
            bare = new Runs(measure(b, wrk, "5 bare location", "location.lua", ceiling, data, o.childWarmupS, false,
                            HttpCeilingRow::answers),
                    measure(b, wrk, "5 bare collect", "collect.lua", ceiling, data, o.wrkWarmupS, false,
                            HttpCeilingRow::collectAnswers, radius, radius));
        }
        String load = String.format(Locale.ROOT, "%s, %d s after a warm-up run (discarded) of %d s on the fresh server"
                        + " JVM (location) or %d s (collect); %s", wrk.describe(), o.wrkSeconds, o.childWarmupS, o.wrkWarmupS,
                Cpus.describe(Cpus.Arrangement.SHARED));
        String limits = "per-user and per-player Bucket4j limits in the grid, raised for the run so they count but never"
                + " refuse (" + String.join(", ", List.of("ORE_RATE_LIMIT_PER_MINUTE", "ORE_GENESIS_RATE_LIMIT_PER_MINUTE",
                "ORE_LOCATION_MAX_UPDATES_PER_MINUTE").stream().map(k -> String.format(Locale.ROOT, "%s %,d", k,
                Long.parseLong(env.get(k)))).toList()) + ")";
        String players = String.format(Locale.ROOT, "%,d registered players, each placed by one fix at a point of a"
                        + " Go!Track trip (%d trips, up to %d points each), then walking it at %.1f m/s; players split"
                        + " between wrk's threads, round-robin within each from a random first", o.httpPlayers,
                walks.trips(), TraceWalks.MAX_POINTS, TraceWalks.SPEED_MS);
        String fixes = String.format(Locale.ROOT, "fix = the player's position at the real current time, timestamp"
                + " max(now, its last + 1) ms, accuracy %.0f m, speed %.1f m/s", FixFeed.ACCURACY_M, TraceWalks.SPEED_MS);
        addLocation(b, ore.location(), bare.location(), "OreMain serve (all-in-one node, " + SERVER_JVM + ", in memory):"
                        + " bearer JWT (RS256) check, " + limits + ", fix validation, anti-cheat at its defaults,"
                        + " LocationService.update; " + players + "; " + fixes,
                "BareEdge: EdgeApp.create with the same Jetty/Javalin settings; its location route parses and"
                        + " validates the same JSON and answers 200 (no auth, limits or grid), " + SERVER_JVM
                        + "; the same requests", load);
        String mix = String.format(Locale.ROOT, "per player in turn GET /api/v1/game/coins/nearby?radius=%d, then POST"
                + " /api/v1/game/coins/{id}/collect of the nearest coin it listed with a fresh Idempotency-Key; latency"
                + " per request kind timed by the script through the echoed X-Request-ID", o.collectRadiusM);
        addCollect(b, ore.collect(), bare.collect(), String.format(Locale.ROOT, "the same node and players right after"
                        + " the location runs (each player at its last accepted fix, placed before them with one location"
                        + " update each, its cells topped up with coins as it entered them); %s; collect range raised to"
                        + " %d m (ORE_COLLECT_RANGE_M and ORE_GENESIS_COLLECT_RANGE_M, the tokens' auto_collect_range) so"
                        + " every coin listed is in range; CoinService.nearby (S2 covering, cells getAll),"
                        + " CoinService.collect (claim, credit, mark)", mix, o.collectRadiusM),
                "BareEdge: the nearby route answers the coins a lone cell spawns within the radius of its centre"
                        + " (CoinSpawner, the node's density), the collect route checks the Idempotency-Key and answers"
                        + " 200; " + mix, load);
    }

    /**
     * The servers' settings on top of the defaults: a cluster of their own, cheap bcrypt for the
     * registrations, the rate limits raised so they count but never refuse, the collect range.
     */
    private static Map<String, String> env(Options o) {
        Map<String, String> env = new HashMap<>();
        env.put("ORE_CLUSTER_NAME", "compare-http-" + System.nanoTime());
        env.put("ORE_MEMBER_PORT", Integer.toString(ChildJvm.freePort()));
        env.put("ORE_BCRYPT_COST", "4");
        env.put("ORE_AUTH_RATE_LIMIT_PER_MINUTE", "1000000");
        env.put("ORE_RATE_LIMIT_PER_MINUTE", "1000000");
        env.put("ORE_GENESIS_RATE_LIMIT_PER_MINUTE", "1000000");
        env.put("ORE_LOCATION_MAX_UPDATES_PER_MINUTE", "100000");
        env.put("ORE_COLLECT_RANGE_M", Integer.toString(o.collectRadiusM));
        env.put("ORE_GENESIS_COLLECT_RANGE_M", Integer.toString(o.collectRadiusM));
        return env;
    }

    /**
     * A discarded warm-up run of {@code script} for {@code warmupS}, then the measured run; prints the figures. When
     * {@code profile}, a JFR recording covers both, started before the warm-up so that the recorder's
     * own start-up cost (its instrumentation makes the JIT compile again) falls there, not in the
     * measured run.
     *
     * @param answers what the run's counters say, for the printed line
     * @param args    the script's arguments after the data file and thread count
     */
    private static Measured measure(Bench b, Wrk wrk, String label, String script, ServerProcess server, Path data,
                                   int warmupS, boolean profile, Function<Wrk.Run, String> answers, String... args)
            throws Exception {
        JfrProfile jfr = profile ? JfrProfile.child(label, server.pid()) : null;
        Wrk.Run warm = wrk.run(script, server.baseUrl(), data, warmupS, args);
        b.out.printf(Locale.ROOT, "  %-18s warm-up %d s: %,.0f requests/s (discarded)%n", label, warmupS,
                warm.perSecond("requests"));
        CpuMeter.Sample before = CpuMeter.sample(server.pid());
        Wrk.Run run = wrk.run(script, server.baseUrl(), data, b.opt.wrkSeconds, args);
        String cpu = CpuMeter.describe(before, CpuMeter.sample(server.pid()));
        b.out.printf(Locale.ROOT, "  %-18s %,9.0f requests/s  p50 %8.3f  p99 %8.3f ms (every request); %s; %s%n", label,
                run.perSecond("requests"), run.ms("p50_us"), run.ms("p99_us"), answers.apply(run), cpu);
        if (jfr != null) {
            JfrProfile.Summary summary = jfr.stop();
            b.profiles.add(summary);
            b.out.println("  " + summary.describe());
        }
        return new Measured(run, cpu);
    }

    /**
     * Adds the location lines: requests/s with the accepted share, p50 / p99.
     *
     * @param oreSet  what ran on ORE's side; its answers, CPU use and {@code load} are appended
     * @param bareSet the same for the bare side
     */
    private static void addLocation(Bench b, Measured ore, Measured bare, String oreSet, String bareSet, String load) {
        Wrk.Run o = ore.run();
        Wrk.Run p = bare.run();
        String os = oreSet + "; " + answers(o) + "; " + ore.cpu() + "; " + load;
        String ps = bareSet + "; " + answers(p) + "; " + bare.cpu() + "; " + load;
        b.table.add("5", LOCATION, "requests/s (accepted share)", String.format(Locale.ROOT, "%,.0f/s (%.1f %% accepted)",
                o.perSecond("requests"), o.pct("status_200", "status_")), String.format(Locale.ROOT, "%,.0f/s",
                p.perSecond("requests")), ResultTable.ratio(o.perSecond("requests") / p.perSecond("requests")), os, ps);
        b.table.add("5", LOCATION, "p50 / p99 at that load", latency(o, "p50_us", "p99_us"), latency(p, "p50_us", "p99_us"),
                ratios(o, p, "p50_us", "p99_us"), os, ps);
    }

    /** Adds the collect lines: collects/s, the collects' p50 / p99; settings as {@link #addLocation}. */
    private static void addCollect(Bench b, Measured ore, Measured bare, String oreSet, String bareSet, String load) {
        Wrk.Run o = ore.run();
        Wrk.Run p = bare.run();
        String os = oreSet + "; " + collectAnswers(o) + "; " + ore.cpu() + "; " + load;
        String ps = bareSet + "; " + collectAnswers(p) + "; " + bare.cpu() + "; " + load;
        b.table.add("5", COLLECT, "collects/s (200)", String.format(Locale.ROOT, "%,.0f/s (nearby %,.0f/s)",
                o.perSecond("collect_200"), o.perSecond("nearby_timed")), String.format(Locale.ROOT,
                "%,.0f/s (nearby %,.0f/s)", p.perSecond("collect_200"), p.perSecond("nearby_timed")),
                ResultTable.ratio(o.perSecond("collect_200") / p.perSecond("collect_200")), os, ps);
        b.table.add("5", COLLECT, "collect p50 / p99 at that load", latency(o, "collect_p50_us", "collect_p99_us"),
                latency(p, "collect_p50_us", "collect_p99_us"), ratios(o, p, "collect_p50_us", "collect_p99_us"), os, ps);
    }

    private static String latency(Wrk.Run r, String p50, String p99) {
        return String.format(Locale.ROOT, "%.3f / %.3f ms", r.ms(p50), r.ms(p99));
    }

    private static String ratios(Wrk.Run ore, Wrk.Run bare, String p50, String p99) {
        return ResultTable.ratio(ore.ms(p50) / bare.ms(p50)) + " / " + ResultTable.ratio(ore.ms(p99) / bare.ms(p99));
    }

    /** @return a location run's answers: 200/422/429/other with shares, 422 reasons, socket errors */
    private static String answers(Wrk.Run r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "answers %s (non-2xx %,d)", shares(r, "status_",
                "200", "422", "429"), r.get("non2xx")));
        if (r.sum("refused_") > 0) {
            sb.append("; refused by ");
            r.values().forEach((k, v) -> {
                if (k.startsWith("refused_")) {
                    sb.append(String.format(Locale.ROOT, "%s %,d ", k.substring("refused_".length()), v));
                }
            });
            sb.setLength(sb.length() - 1);
        }
        return sb.append(errors(r)).toString();
    }

    /** @return a collect run's collect answers 200/409/410/other with shares, nearby figures, socket errors */
    private static String collectAnswers(Wrk.Run r) {
        return String.format(Locale.ROOT, "collects %,.0f/s, answers %s; nearby %,.0f/s, answers %s, %,d listing no coin"
                        + " in range; nearby p50 / p99 %.3f / %.3f ms, collect %.3f / %.3f ms", r.perSecond("collect_200"),
                shares(r, "collect_", "200", "409", "410"), r.perSecond("nearby_timed"), shares(r, "nearby_", "200"),
                r.get("nearby_empty"), r.ms("nearby_p50_us"), r.ms("nearby_p99_us"), r.ms("collect_p50_us"),
                r.ms("collect_p99_us")) + errors(r);
    }

    /**
     * @param prefix the counters' prefix, e.g. {@code status_}: counters {@code <prefix><status>}
     * @return e.g. {@code 200: 1,234 (99.1 %), 422: 11 (0.9 %), other: 0 (0.0 %)}
     */
    private static String shares(Wrk.Run r, String prefix, String... named) {
        long total = 0;
        long known = 0;
        for (Map.Entry<String, Long> e : r.values().entrySet()) {
            if (e.getKey().startsWith(prefix) && e.getKey().substring(prefix.length()).matches("[0-9]{3}")) {
                total += e.getValue();
            }
        }
        List<String> parts = new ArrayList<>();
        for (String s : named) {
            long n = r.get(prefix + s);
            known += n;
            parts.add(String.format(Locale.ROOT, "%s: %,d (%.1f %%)", s, n, 100.0 * n / Math.max(1, total)));
        }
        parts.add(String.format(Locale.ROOT, "other: %,d (%.1f %%)", total - known, 100.0 * (total - known) / Math.max(1, total)));
        return String.join(", ", parts);
    }

    private static String errors(Wrk.Run r) {
        long n = r.get("errors_connect") + r.get("errors_read") + r.get("errors_write") + r.get("errors_timeout");
        return n == 0 ? "" : String.format(Locale.ROOT, "; socket errors: connect %,d, read %,d, write %,d, timeout %,d",
                r.get("errors_connect"), r.get("errors_read"), r.get("errors_write"), r.get("errors_timeout"));
    }

    /**
     * Registers {@code n} players (bcrypt cost 4 on the node) over 16 connections and places each at
     * its walk's start with one location update (timestamp now, reporting the walking speed, so the
     * walk's first fix is judged against a plausible last one).
     *
     * @return their access tokens
     */
    private static String[] registerAndPlace(Bench b, String baseUrl, TraceWalks walks, int n) throws Exception {
        long start = System.nanoTime();
        String run = Long.toString(System.nanoTime() % 1_000_000, 36);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String[] tokens = new String[n];
        Parallel.forEach(n, 16, i -> {
            String name = "h" + run + "_" + i;
            tokens[i] = JSON.readTree(post(http, baseUrl + "/api/v1/auth/register", null, 201, "{\"email\":\"" + name
                    + "@bench.example\",\"username\":\"" + name + "\",\"password\":\"bench password " + i + "\"}"))
                    .get("access_token").asText();
            double[] at = walks.start(i);
            post(http, baseUrl + "/api/v1/location/update", tokens[i], 200, String.format(Locale.ROOT,
                    "{\"lat\":%s,\"lng\":%s,\"accuracy\":%s,\"timestamp\":%d,\"speed\":%s}", at[0], at[1],
                    FixFeed.ACCURACY_M, System.currentTimeMillis(), TraceWalks.SPEED_MS));
        });
        b.out.printf(Locale.ROOT, "  registered and placed %,d players in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
        return tokens;
    }

    /**
     * @param token bearer token, or null
     * @return the answer's body
     * @throws IllegalStateException when the answer is not {@code expected}
     */
    private static String post(HttpClient http, String url, String token, int expected, String json) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
