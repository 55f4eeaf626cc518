package io.oregrid.bench.compare;

/**
 * The operations one side of a comparison runs synchronously, numbered by a sequence: operation
 * {@code seq} always does the same thing (the same player, fix, coin or key), so both sides of a row
 * get the same input. Called from the driver's caller threads.
 */
@FunctionalInterface
interface Workload {

    /**
     * Runs operations {@code seq .. seq + n - 1} and returns when every one is answered.
     * {@code n > 1} only for sides created with a batch above 1 (pipelining).
     *
     * @throws Exception an operation failed in a way the side does not count as an outcome
     */
    void run(long seq, int n) throws Exception;

    /**
     * Called outside the measured time before operations {@code fromSeq .. fromSeq + count - 1} run,
     * for sides that must create their input first (e.g. coins to collect).
     */
    default void prepare(long fromSeq, long count) throws Exception {
    }
}
