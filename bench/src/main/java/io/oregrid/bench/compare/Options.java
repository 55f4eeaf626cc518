package io.oregrid.bench.compare;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sizes and durations of a comparison run: the full sizes, or {@code --quick} (under 10 minutes on
 * a 2-core machine). Rates are operations per second, durations seconds.
 */
final class Options {
    boolean quick;
    /** Rows to run, e.g. {1, 5}; empty = all. */
    final Set<Integer> rows = new TreeSet<>();
    int warmupS = 5;
    /** Closed-loop warm-up of a freshly started child JVM, seconds (its JIT compiles meanwhile; rows 1 and 5). */
    int childWarmupS = 40;
    /**
     * Closed-loop warm-up of an ORE side embedded in this JVM, seconds: its workload's code is compiled
     * meanwhile (measured 2026-12-04: the embedded location update climbs from 12k/s to 45k/s closed-loop
     * over its first 14 s). Redis is compiled C and needs none.
     */
    int embeddedWarmupS = 20;
    double referenceS = 20;
    double stepS = 8;
    /** Bisection steps of a capacity search after its ceiling step. */
    int searchSteps = 6;
    int callers = 16;
    int batch = 100;
    int locationPlayers = 10_000;
    int locationRate = 2_000;
    int nearbyPlayers = 100_000;
    int nearbyRate = 300;
    int collectRate = 1_000;
    int boardPlayers = 100_000;
    int boardUpdateRate = 2_000;
    int boardReadRate = 10;
    /** Row 5: registered players the wrk scripts drive. */
    int httpPlayers = 5_000;
    /** Row 5: wrk's threads and connections (every connection keeps one request in flight). */
    int wrkThreads = 2;
    int wrkConnections = 64;
    /**
     * Row 5: seconds of each measured wrk run, and of the discarded warm-up run before each collect
     * run (the location runs, first on their fresh server JVMs, warm up for {@link #childWarmupS}).
     */
    int wrkSeconds = 30;
    int wrkWarmupS = 10;
    /** Row 5 collect: the nearby radius and the players' collect range, metres. */
    int collectRadiusM = 100;
    int memoryPlayers = 100_000;
    int gcRate = 500;
    double gcSeconds = 30;
    /** Closed-loop warm-up of the memory probe's location load, seconds. */
    int gcWarmupS = 10;
    boolean jmh = true;

    /** @throws IllegalArgumentException naming an unknown or malformed argument */
    static Options parse(String[] args) {
        Options o = new Options();
        if (List.of(args).contains("--quick")) {
            o.quick(); // first, so that explicit sizes given with it win
        }
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> {
                }
                case "--rows" -> {
                    for (String r : value(args, ++i).split(",")) {
                        o.rows.add(Integer.parseInt(r.strip()));
                    }
                }
                case "--no-jmh" -> o.jmh = false;
                case "--callers" -> o.callers = Integer.parseInt(value(args, ++i));
                case "--http-players" -> o.httpPlayers = Integer.parseInt(value(args, ++i));
                case "--wrk-threads" -> o.wrkThreads = Integer.parseInt(value(args, ++i));
                case "--wrk-connections" -> o.wrkConnections = Integer.parseInt(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        return o;
    }

    private void quick() {
        quick = true;
        warmupS = 2;
        childWarmupS = 10;
        embeddedWarmupS = 8;
        referenceS = 4;
        stepS = 1.5;
        searchSteps = 3;
        locationPlayers = 5_000;
        boardPlayers = 10_000;
        boardReadRate = 20;
        httpPlayers = 1_000;
        wrkSeconds = 10;
        wrkWarmupS = 3;
        gcSeconds = 8;
        gcWarmupS = 5;
    }

    boolean runs(int row) {
        return rows.isEmpty() || rows.contains(row);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    static final String USAGE = """
            usage: ./ore bench [--quick] [--rows 1,2,...] [--no-jmh] [--callers N] [--http-players N]
                               [--wrk-threads N] [--wrk-connections N]
              --quick               smaller sizes and shorter steps (under 10 minutes on 2 cores)
              --rows                run only these rows of the table (1 location, 2 nearby, 3 collect,
                                    4 leaderboard, 5 HTTP through wrk: location update and coin collect
                                    against a bare Javalin endpoint, 6 memory and GC)
              --no-jmh              skip the JMH micro-benchmarks printed after the table
              --callers N           synchronous caller threads per side (default 16)
              --http-players N      row 5's registered players (default 5,000; 1,000 with --quick)
              --wrk-threads N       row 5's wrk threads (default 2)
              --wrk-connections N   row 5's wrk connections (default 64)
            See bench/README.md (CompareBench).""";
}
