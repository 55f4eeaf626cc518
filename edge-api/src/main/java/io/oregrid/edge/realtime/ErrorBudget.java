package io.oregrid.edge.realtime;

/**
 * Counts a connection's error replies per minute of real time (socket housekeeping, not a game
 * rule): past {@code perMinute} in one minute the connection is closed (SPEC close code 4008).
 */
final class ErrorBudget {
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final int perMinute;
    private long windowStart = System.nanoTime();
    private int count;

    ErrorBudget(int perMinute) {
        this.perMinute = perMinute;
    }

    /** @return whether this error is still within the budget */
    synchronized boolean spend() {
        long now = System.nanoTime();
        if (now - windowStart >= MINUTE_NANOS) {
            windowStart = now;
            count = 0;
        }
        return ++count <= perMinute;
    }
}
