package io.oregrid.bench.compare;

import java.util.List;

/**
 * The highest offered rate that kept p99 under a target (issue #7: "throughput as the highest rate
 * that keeps p99 under the seed's target").
 *
 * @param p99TargetMs the target, milliseconds (seed 000 §10)
 * @param best        the highest rate that met it, or null when none did
 * @param steps       every rate tried, in order
 * @param capped      the search stopped at its rate cap while still meeting the target
 * @param ceiling     the closed-loop rate, operations per second: the most the side answers whatever the latency
 */
record Capacity(double p99TargetMs, RatePoint best, List<RatePoint> steps, boolean capped, double ceiling) {
}
