package io.oregrid.edge.demo;

import org.HdrHistogram.Histogram;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a demo run saw. Every fix sent has exactly one outcome:
 * {@code fixesSent == accepted + refused() + rateLimited() + errors()}.
 *
 * @param players              players that registered and replayed a trip
 * @param fixesSent            {@code POST /location/update} calls, one per fix (a retry after a token refresh is the same fix)
 * @param accepted             fixes answered 200
 * @param refusedByReason      fixes answered 422 {@code MOVEMENT_REJECTED}, by {@code reason}
 * @param rateLimitedByCode    fixes answered 429, by error {@code code}
 * @param errorsByCode         fixes with any other outcome, by error {@code code} ({@code HTTP_<status>} without one,
 *                             {@code IO_ERROR}/{@code TIMEOUT} without a response)
 * @param coinsSeen            distinct coin ids returned by nearby-coin queries
 * @param collected            coins collected (200)
 * @param valueCollected       sum of the {@code value} of the collected coins
 * @param collectRefusedByCode collect calls refused, by error {@code code}
 * @param otherErrors          failed calls that are not fixes or collections (registration, refresh, nearby),
 *                             by {@code "<endpoint> <code>"}
 * @param sendDelay            how late fixes left the demo after their due time, milliseconds of node time
 *                             (the fix-age rule allows 120 s of node time between a fix's timestamp and its judging)
 * @param latency              round-trip time per endpoint label, milliseconds of real time
 * @param elapsedMs            real time of the whole run (registration included), milliseconds
 * @param completed            false when the run hit its deadline and stopped players early
 */
public record DemoSummary(int players, long fixesSent, long accepted, Map<String, Long> refusedByReason,
                          Map<String, Long> rateLimitedByCode, Map<String, Long> errorsByCode, long coinsSeen,
                          long collected, long valueCollected, Map<String, Long> collectRefusedByCode,
                          Map<String, Long> otherErrors, Timing sendDelay, Map<String, Timing> latency,
                          long elapsedMs, boolean completed) {

    public DemoSummary {
        refusedByReason = sorted(refusedByReason);
        rateLimitedByCode = sorted(rateLimitedByCode);
        errorsByCode = sorted(errorsByCode);
        collectRefusedByCode = sorted(collectRefusedByCode);
        otherErrors = sorted(otherErrors);
        latency = Collections.unmodifiableMap(new LinkedHashMap<>(latency));
    }

    /** @return fixes refused by anti-cheat, all reasons */
    public long refused() {
        return sum(refusedByReason);
    }

    /** @return fixes refused for {@code reason} (e.g. {@code SPEED_EXCEEDED}), 0 if none */
    public long refused(String reason) {
        return refusedByReason.getOrDefault(reason, 0L);
    }

    /** @return fixes answered 429, all codes */
    public long rateLimited() {
        return sum(rateLimitedByCode);
    }

    /** @return fixes with an outcome other than accepted, refused or rate-limited */
    public long errors() {
        return sum(errorsByCode);
    }

    /** @return collect calls refused, all codes */
    public long collectRefused() {
        return sum(collectRefusedByCode);
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        return Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Percentiles of a set of durations.
     *
     * @param count durations measured
     * @param p50Ms median, milliseconds
     * @param p99Ms 99th percentile, milliseconds
     * @param maxMs largest, milliseconds
     */
    public record Timing(long count, double p50Ms, double p99Ms, double maxMs) {

        /**
         * @param histogram  the durations (read from a copy; recording may go on)
         * @param unitsPerMs how many of the histogram's units make a millisecond (1000 for microseconds)
         */
        static Timing of(Histogram histogram, double unitsPerMs) {
            Histogram h = histogram.copy();
            return new Timing(h.getTotalCount(), h.getValueAtPercentile(50) / unitsPerMs,
                    h.getValueAtPercentile(99) / unitsPerMs, h.getMaxValue() / unitsPerMs);
        }
    }
}
