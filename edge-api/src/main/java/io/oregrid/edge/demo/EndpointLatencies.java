package io.oregrid.edge.demo;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Response times per endpoint in HdrHistogram (microsecond resolution, 3 significant digits),
 * recorded concurrently by every player and read once at the end.
 */
final class EndpointLatencies {
    private final Map<DemoEndpoint, Histogram> histograms = new EnumMap<>(DemoEndpoint.class);

    EndpointLatencies() {
        for (DemoEndpoint endpoint : DemoEndpoint.values()) {
            histograms.put(endpoint, new ConcurrentHistogram(3));
        }
    }

    /** Records one call's round trip, nanoseconds of real time. */
    void record(DemoEndpoint endpoint, long elapsedNanos) {
        histograms.get(endpoint).recordValue(Math.max(1, elapsedNanos / 1_000));
    }

    /** @return count, p50, p99 and max in milliseconds per endpoint that was called, in enum order */
    Map<String, DemoSummary.Timing> snapshot() {
        Map<String, DemoSummary.Timing> out = new LinkedHashMap<>();
        histograms.forEach((endpoint, h) -> {
            DemoSummary.Timing timing = DemoSummary.Timing.of(h, 1_000.0);
            if (timing.count() > 0) {
                out.put(endpoint.label(), timing);
            }
        });
        return out;
    }
}
