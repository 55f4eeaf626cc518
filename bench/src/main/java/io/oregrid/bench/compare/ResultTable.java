package io.oregrid.bench.compare;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The comparison table (issue #7: workload, ORE figure, peer figure, ratio, the settings of both),
 * printed as Markdown so it can go into the README as it is. Ratio is always ORE / peer.
 */
final class ResultTable {
    private final List<String[]> rows = new ArrayList<>();

    /** Adds a row as it is. */
    void add(String row, String workload, String figure, String ore, String peer, String ratio, String oreSettings,
             String peerSettings) {
        rows.add(new String[]{row, workload, figure, ore, peer, ratio, oreSettings, peerSettings});
    }

    /** Adds "p50 / p99 at the offered rate" for both sides; {@code peer} may be null (not measured). */
    void latency(String row, String workload, RatePoint ore, RatePoint peer, String why, String oreSettings,
                 String peerSettings) {
        add(row, workload, String.format(Locale.ROOT, "p50 / p99 at %,d ops/s offered", ore.offered()),
                lat(ore), peer == null ? why : lat(peer),
                peer == null ? "-" : ratio(ore.ms(50) / floor(peer.ms(50))) + " / " + ratio(ore.ms(99) / floor(peer.ms(99))),
                oreSettings, peer == null ? "" : peerSettings);
    }

    /** Adds "highest rate with p99 under the target" for both sides; {@code peer} may be null. */
    void capacity(String row, String workload, Capacity ore, Capacity peer, String why, String oreSettings,
                  String peerSettings) {
        String ratio = "-";
        if (peer != null && ore.best() != null && peer.best() != null) {
            ratio = ratio(ore.best().offered() / (double) peer.best().offered())
                    + (ore.capped() || peer.capped() ? " (a side hit the search cap)" : "");
        }
        add(row, workload, String.format(Locale.ROOT, "highest rate with p99 <= %.0f ms", ore.p99TargetMs()),
                cap(ore), peer == null ? why : cap(peer), ratio, oreSettings, peer == null ? "" : peerSettings);
    }

    /** Prints the table and the line that says how to read the ratio. */
    void print(PrintStream out) {
        out.println("| row | workload | figure | ORE | peer | ORE/peer | ORE settings | peer settings |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (String[] r : rows) {
            out.println("| " + String.join(" | ", r) + " |");
        }
        out.println();
        out.println("ORE/peer: for latencies and memory below 1 means ORE is better; for rates above 1 means ORE is better.");
    }

    static String ratio(double r) {
        if (!Double.isFinite(r)) {
            return "-";
        }
        return String.format(Locale.ROOT, r >= 0.1 ? "%.2f" : "%.4f", r);
    }

    private static double floor(double ms) {
        return Math.max(ms, 0.001); // HdrHistogram's resolution here is 1 µs
    }

    private static String lat(RatePoint p) {
        return String.format(Locale.ROOT, "%.3f / %.3f ms", p.ms(50), p.ms(99));
    }

    private static String cap(Capacity c) {
        String ceiling = String.format(Locale.ROOT, "closed-loop max %,.0f ops/s", c.ceiling());
        if (c.best() == null) {
            RatePoint lowest = c.steps().stream().min((a, b) -> Integer.compare(a.offered(), b.offered())).orElseThrow();
            return String.format(Locale.ROOT, "none: even %,d ops/s had p99 %.1f ms (%s)", lowest.offered(), lowest.ms(99),
                    ceiling);
        }
        return String.format(Locale.ROOT, "%s%,d ops/s (p99 %.2f ms; %s)", c.capped() ? ">= " : "", c.best().offered(),
                c.best().ms(99), ceiling);
    }
}
