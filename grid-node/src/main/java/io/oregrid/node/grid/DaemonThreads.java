package io.oregrid.node.grid;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The node's own background threads: daemon threads with names an operator recognises in a thread
 * dump or a JFR profile ({@code ore-async-1}, {@code ore-tail-flush}, …), and how their pools stop.
 */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** @return a factory of daemon threads named {@code prefix-1}, {@code prefix-2}, … */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> daemon(r, prefix + "-" + n.incrementAndGet());
    }

    /** @return a factory of daemon threads all named {@code name} (for a pool of one) */
    public static ThreadFactory named(String name) {
        return r -> daemon(r, name);
    }

    /**
     * Stops {@code pool}: no new tasks, the queued ones may finish for up to {@code timeoutMs}, then
     * the rest are interrupted. Keeps the caller's interrupt status.
     */
    public static void stop(ExecutorService pool, long timeoutMs) {
        pool.shutdown();
        try {
            pool.awaitTermination(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
