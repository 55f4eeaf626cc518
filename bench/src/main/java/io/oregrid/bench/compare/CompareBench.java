package io.oregrid.bench.compare;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Issue #7: ORE Grid side by side with what a game team would otherwise pick, on the same input, in
 * one process run, printed as one Markdown table (workload, ORE figure, peer figure, ratio ORE/peer,
 * the settings of both) followed by the JFR profile of every ORE side and the JMH micro-benchmarks.
 *
 * <p>Rows: 1 location update with anti-cheat ({@link LocationRow}), 2 nearby players
 * ({@link NearbyRow}), 3 idempotent collect ({@link CollectRow}), 4 leaderboard ({@link LeaderboardRow})
 * — each against Redis; 5 the HTTP edge under wrk, location update and coin collect, against a bare
 * Javalin endpoint ({@link HttpCeilingRow}); 6 heap per player and per coin against Redis, and GC
 * pauses under load ({@link MemoryRow}). In rows 1–4 each latency figure is taken at a fixed offered
 * rate and each throughput figure is the highest rate whose p99 stays under the seed's target
 * ({@link LoadDriver}); row 5's figures are wrk's closed-loop requests/s and the latency at that load.
 *
 * <p>Run with {@code ./ore bench [--quick]}; options in {@link Options#USAGE}.
 */
public final class CompareBench {

    /** One row of the table. */
    @FunctionalInterface
    private interface Row {
        void run(Bench b) throws Exception;
    }

    /** Rows 1 to 6, in the order they run. */
    private static final List<Row> ROWS = List.of(LocationRow::run, NearbyRow::run, CollectRow::run,
            LeaderboardRow::run, HttpCeilingRow::run, MemoryRow::run);

    private CompareBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(Options.USAGE);
            return;
        }
        Options opt;
        try {
            opt = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        run(System.out, opt);
        System.exit(0);
    }

    private static void run(PrintStream out, Options opt) throws Exception {
        long t0 = System.nanoTime();
        String[] why = {""};
        RedisServer redis = opt.rows.isEmpty() || opt.rows.stream().anyMatch(r -> r <= 4 || r == 6)
                ? RedisServer.start(opt.callers, why) : null;
        out.printf(Locale.ROOT, "compare bench%s: %d CPUs, %s, max heap %d MB, Java %s; warm-up %d s, reference %.0f s,"
                        + " search steps %.0f s; %s%n", opt.quick ? " --quick" : "", Runtime.getRuntime().availableProcessors(),
                MachineInfo.cpuModel(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"),
                opt.warmupS, opt.referenceS, opt.stepS, redis == null ? "Redis: " + why[0] : redis.describe());
        out.println("this JVM (load generator, embedded members): " + String.join(" ", java.lang.management.ManagementFactory
                .getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-X")).toList())
                + "; server JVMs: " + String.join(" ", Bench.SERVER_GC));
        out.println("CPU arrangements: shared = " + Cpus.describe(Cpus.Arrangement.SHARED) + "; split = "
                + Cpus.describe(Cpus.Arrangement.SPLIT));
        Bench b = new Bench(out, opt, redis, why[0]);
        List<String> micro = List.of();
        try {
            for (int row = 1; row <= ROWS.size(); row++) {
                if (opt.runs(row)) {
                    ROWS.get(row - 1).run(b);
                }
            }
            if (opt.jmh) {
                micro = MicroBenchmarks.run(b);
            }
        } finally {
            if (redis != null) {
                redis.close();
            }
        }
        out.println();
        b.table.print(out);
        out.println();
        out.println("JFR profiles of the ORE sides (from warm-up to the end of each capacity search; row 5: each wrk"
                + " warm-up and run):");
        for (JfrProfile.Summary s : b.profiles) {
            out.println("  " + s.describe());
        }
        if (!micro.isEmpty()) {
            out.println();
            out.println("JMH micro-benchmarks (" + (opt.quick ? "1 fork, 2 x 1 s warm-up, 3 x 1 s measured" : "1 fork,"
                    + " 3 x 1 s warm-up, 5 x 1 s measured") + "; ratio to the first line of each class):");
            micro.forEach(out::println);
        }
        out.printf(Locale.ROOT, "%ncompare bench finished in %.1f min%n", (System.nanoTime() - t0) / 60e9);
    }
}
