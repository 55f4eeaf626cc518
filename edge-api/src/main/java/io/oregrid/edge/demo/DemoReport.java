package io.oregrid.edge.demo;

import java.util.Locale;
import java.util.Map;

/** The demo's human-readable output: the opening notes, a progress line, the final summary table. */
public final class DemoReport {
    private static final int LABEL = 40;

    private DemoReport() {
    }

    /**
     * What is about to happen, with the facts a reader needs to trust the numbers.
     *
     * @param trips          trips replayed (one player each)
     * @param fixes          fixes to send in all, after the cadence
     * @param longestTripMs  trace time of the longest trip, milliseconds
     * @param rawGlitches    jumps faster than 45 m/s over more than 300 m in the raw traces
     * @param keptGlitches   the same between consecutive fixes kept by the cadence
     */
    public static String intro(DemoOptions options, int trips, int fixes, long longestTripMs, int rawGlitches,
                               int keptGlitches) {
        double longestRealS = longestTripMs / 1000.0 / options.speed() + options.rampUpMs() / 1000.0;
        return String.format(Locale.ROOT, String.join("%n",
                "ORE demo: %d real trips (Go!Track, Aracaju, Brazil; UCI dataset 354, CC BY 4.0) as %d players against %s",
                "  clock:    the node's clock runs %sx real time; every rule (fix age, skew, speed, rate limits, expiries)",
                "            reads that same clock, so %.0f s of trace time pass in %.2f s",
                "  cadence:  at most one fix per %d s of trace time (the Unity client's, seed 001 §2.2): %,d fixes;",
                "            real positions and real time gaps, each trip shifted to start at the node's present;",
                "            players start one after another over the first %.0f s, not all in the same millisecond",
                "  accuracy: the traces carry none, so every fix reports a fixed, plausible %.0f m; no speed or heading",
                "  rules:    anti-cheat judges these fixes exactly as live play; the raw traces hold %d jumps faster",
                "            than 45 m/s, %d of them survive the cadence and should come back as SPEED_EXCEEDED",
                "            refusals (a jump away and straight back is refused once)",
                "  time:     longest trip %,d s of trace time, about %.0f s here (plus registration)",
                ""),
                trips, trips, options.baseUrl(), trim(options.speed()), options.cadenceMs() / 1000.0,
                options.cadenceMs() / 1000.0 / options.speed(), options.cadenceMs() / 1000, fixes,
                options.rampUpMs() / 1000.0, options.accuracyM(),
                rawGlitches, keptGlitches, longestTripMs / 1000, longestRealS);
    }

    /**
     * One progress line.
     *
     * @param elapsedMs real time since the demo started, milliseconds
     * @param nodeAheadMs how far the node clock has moved since the replay started, milliseconds
     */
    static String progress(long elapsedMs, long nodeAheadMs, DemoStats stats) {
        return String.format(Locale.ROOT,
                "[%6.1fs] node clock +%s | players active %d/%d | fixes sent %,d accepted %,d | coins collected %,d",
                elapsedMs / 1000.0, hms(nodeAheadMs), stats.activePlayers(), stats.players(), stats.fixesSent(),
                stats.accepted(), stats.collected());
    }

    /** The final table: players, fixes and their outcomes, coins, other errors, latency per endpoint. */
    public static String summary(DemoSummary s, double speed) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n== ORE demo summary: %.1f s real time, node clock %sx%s ==%n",
                s.elapsedMs() / 1000.0, trim(speed), s.completed() ? "" : " (STOPPED AT DEADLINE, incomplete)"));
        row(out, "players", s.players());
        row(out, "fixes sent", s.fixesSent());
        row(out, "  accepted", s.accepted());
        row(out, "  refused by anti-cheat (422)", s.refused());
        counts(out, s.refusedByReason());
        row(out, "  rate-limited (429)", s.rateLimited());
        counts(out, s.rateLimitedByCode());
        row(out, "  other errors", s.errors());
        counts(out, s.errorsByCode());
        row(out, "coins seen (distinct)", s.coinsSeen());
        row(out, "coins collected", s.collected());
        row(out, "  value credited", s.valueCollected());
        row(out, "collect refused", s.collectRefused());
        counts(out, s.collectRefusedByCode());
        if (!s.otherErrors().isEmpty()) {
            row(out, "other failed calls", s.otherErrors().values().stream().mapToLong(Long::longValue).sum());
            counts(out, s.otherErrors());
        }
        out.append(String.format(Locale.ROOT, "%n%-48s %9s %9s %9s %9s%n", "latency (real ms)", "calls", "p50", "p99", "max"));
        s.latency().forEach((endpoint, l) -> timing(out, "  " + endpoint, l, 1));
        timing(out, "fix sent after its due time (node s)", s.sendDelay(), 1000);
        return out.toString();
    }

    private static void row(StringBuilder out, String label, long value) {
        out.append(String.format(Locale.ROOT, "%-" + LABEL + "s %,10d%n", label, value));
    }

    private static void timing(StringBuilder out, String label, DemoSummary.Timing t, double msPerUnit) {
        out.append(String.format(Locale.ROOT, "%-48s %,9d %9.2f %9.2f %9.2f%n",
                label, t.count(), t.p50Ms() / msPerUnit, t.p99Ms() / msPerUnit, t.maxMs() / msPerUnit));
    }

    private static void counts(StringBuilder out, Map<String, Long> counts) {
        counts.forEach((key, n) -> row(out, "      " + key, n));
    }

    private static String trim(double speed) {
        return speed == Math.rint(speed) ? Long.toString((long) speed) : Double.toString(speed);
    }

    private static String hms(long ms) {
        long s = Math.max(0, ms) / 1000;
        return String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60);
    }
}
