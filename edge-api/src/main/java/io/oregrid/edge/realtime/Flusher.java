package io.oregrid.edge.realtime;

import io.oregrid.node.grid.DaemonThreads;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The threads that write this node's WebSocket frames ({@code ore-ws-flush-#}). A push only queues
 * its text on each room member's {@link Outbox} and schedules the outbox here once; by the time a
 * flusher reaches it, whatever else queued meanwhile goes out with it as one gathering write. So the
 * grid's event threads never make a socket write, and under load the writes per frame fall on their
 * own (no timer, no added latency when idle). Measured on 2 cores, 10,000 sockets, 1,000 moves/s:
 * see README "Performance".
 */
final class Flusher implements Executor, AutoCloseable {
    private final ExecutorService threads;

    /** @param threads flusher threads (ORE_WS_FLUSH_THREADS; 1 is enough on 2 cores) */
    Flusher(int threads) {
        this.threads = Executors.newFixedThreadPool(threads, DaemonThreads.numbered("ore-ws-flush"));
    }

    /** Runs an outbox's flush on a flusher thread. */
    @Override
    public void execute(Runnable flush) {
        threads.execute(flush);
    }

    /**
     * Stops the threads once the flushes already scheduled ran (waiting up to a second); an outbox
     * scheduled after this is flushed on the thread that scheduled it ({@link Outbox}).
     */
    @Override
    public void close() {
        DaemonThreads.stop(threads, 1_000);
    }
}
