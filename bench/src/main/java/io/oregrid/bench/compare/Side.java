package io.oregrid.bench.compare;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One side of a comparison as the load driver runs it.
 *
 * @param label    short name printed with its figures, e.g. {@code 1 ORE embedded}
 * @param sync     what one synchronous call does, or null for an asynchronous side
 * @param async    what starts one operation, or null for a synchronous side
 * @param callers  caller threads (synchronous), or the most operations in flight (asynchronous)
 * @param maxBatch operations one synchronous call may carry (1 = one at a time; Redis: a pipeline)
 * @param seq      the next operation number; shared by every run of this side so input never repeats
 */
record Side(String label, Workload sync, AsyncWorkload async, int callers, int maxBatch, AtomicLong seq) {

    /** A side whose callers run one operation per call. */
    static Side sync(String label, int callers, Workload workload) {
        return new Side(label, workload, null, callers, 1, new AtomicLong());
    }

    /** A side whose callers send every operation already due, up to {@code maxBatch}, in one call. */
    static Side pipelined(String label, int callers, int maxBatch, Workload workload) {
        return new Side(label, workload, null, callers, maxBatch, new AtomicLong());
    }

    /** A side driven by one dispatcher thread, at most {@code inFlight} operations outstanding. */
    static Side async(String label, int inFlight, AsyncWorkload workload) {
        return new Side(label, null, workload, inFlight, 1, new AtomicLong());
    }

    boolean isAsync() {
        return async != null;
    }

    /** Lets the workload create the input of the coming operations ({@link Workload#prepare}). */
    void prepare(long fromSeq, long count) throws Exception {
        if (sync != null) {
            sync.prepare(fromSeq, count);
        } else {
            async.prepare(fromSeq, count);
        }
    }
}
