package io.oregrid.edge.realtime;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection's bounded send queue over Jetty's asynchronous send: at most one text frame is handed
 * to Jetty at a time, the next when its write completed, so neither Jetty's queue nor ours grows
 * without limit. Offering when {@code capacity} messages already wait calls {@code onOverflow}
 * (the connection is dropped as a slow reader, SPEC close code 4008) instead of queueing.
 *
 * <p>Thread-safe: pushes arrive on grid event threads, replies on Jetty threads. Draining uses a
 * work-in-progress counter rather than recursion, because Jetty may complete a write on the
 * sending thread.
 */
final class Outbox {
    private final Session session;
    private final int capacity;
    private final Runnable onOverflow;
    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger wip = new AtomicInteger();
    private volatile boolean inFlight;
    private volatile boolean closed;
    private volatile int closeCode;
    private volatile String closeReason;
    private boolean closeSent;

    /**
     * @param capacity   messages that may wait (not counting the one being written)
     * @param onOverflow called, once per refused offer, when the queue is full
     */
    Outbox(Session session, int capacity, Runnable onOverflow) {
        this.session = session;
        this.capacity = capacity;
        this.onOverflow = onOverflow;
    }

    /** @return whether the text was queued (false when closed or full) */
    boolean offer(String text) {
        if (closed) {
            return false;
        }
        if (waiting.incrementAndGet() > capacity) {
            waiting.decrementAndGet();
            onOverflow.run();
            return false;
        }
        queue.add(text);
        drain();
        return true;
    }

    /** Accepts nothing more; sends what waits, then the close frame (RFC 6455 §5.5.1). */
    void closeAfterDrain(int code, String reason) {
        closeCode = code;
        closeReason = reason;
        closed = true;
        drain();
    }

    /** Accepts nothing more and forgets what waits (the connection is dropped or gone). */
    void discard() {
        closed = true;
        queue.clear();
        waiting.set(0);
    }

    /** @return messages waiting to be written */
    int waiting() {
        return waiting.get();
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        do {
            if (!inFlight) {
                String next = queue.poll();
                if (next != null) {
                    waiting.decrementAndGet();
                    inFlight = true;
                    write(next);
                } else if (closeReason != null && !closeSent) {
                    closeSent = true;
                    session.close(closeCode, closeReason, Callback.NOOP);
                }
            }
        } while (wip.decrementAndGet() != 0);
    }

    private void write(String text) {
        try {
            session.sendText(text, Callback.from(this::written, this::failed));
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void written() {
        inFlight = false;
        drain();
    }

    /** The socket is failing; Jetty reports it through the endpoint's error and close handlers. */
    private void failed(Throwable cause) {
        discard();
        inFlight = false;
    }
}
