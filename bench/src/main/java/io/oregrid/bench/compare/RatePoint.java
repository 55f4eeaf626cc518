package io.oregrid.bench.compare;

import org.HdrHistogram.Histogram;

/**
 * One fixed-rate run: the rate offered, the rate achieved and the latency of every operation,
 * measured from its scheduled start (coordinated-omission-correct).
 *
 * @param offered   operations per second scheduled
 * @param achieved  operations per second answered (operations / time from the first due time to the last answer)
 * @param latencyUs per-operation latency, microseconds
 * @param failed    operations whose call threw (counted in the latency with their time to the failure)
 */
record RatePoint(int offered, double achieved, Histogram latencyUs, long failed) {

    /** @return the p-th percentile latency, milliseconds */
    double ms(double percentile) {
        return latencyUs.getValueAtPercentile(percentile) / 1000.0;
    }

    /** @return whether this run kept up with its offered rate (within 3 %) and kept p99 at or under the target */
    boolean meets(double p99TargetMs) {
        return failed == 0 && achieved >= 0.97 * offered && ms(99) <= p99TargetMs;
    }
}
