package io.oregrid.bench.compare;

import java.util.concurrent.CompletionStage;

/** The operations of a side started asynchronously, one call per operation, from one dispatcher thread. */
@FunctionalInterface
interface AsyncWorkload {

    /** Starts operation {@code seq}; the stage completes (normally or not) when it is answered. */
    CompletionStage<?> start(long seq);

    /** As {@link Workload#prepare}: creates the input of the coming operations, outside the measured time. */
    default void prepare(long fromSeq, long count) throws Exception {
    }
}
