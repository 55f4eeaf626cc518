package io.oregrid.edge.realtime;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection's bounded send queue, written by the {@link Flusher}: at most one write is in flight
 * at a time, and each write carries everything that queued since the last one (up to
 * {@link #MAX_BATCH} text frames, handed to Jetty's frame flusher as batched frames and flushed
 * together: one gathering write instead of one per frame). So neither Jetty's queue nor ours grows
 * without limit. Offering when {@code capacity} messages already wait calls {@code onOverflow} (the
 * connection is dropped as a slow reader, SPEC close code 4008) instead of queueing.
 *
 * <p>Thread-safe: pushes arrive on grid event threads, replies on Jetty and continuation threads;
 * the flush runs on a flusher thread, scheduled once however many offers arrive meanwhile (a
 * work-in-progress counter, so a write Jetty completes on the flushing thread does not recurse).
 * Frames of one connection keep their order.
 */
final class Outbox {
    /** Text frames one write carries at most. */
    static final int MAX_BATCH = 64;
    /**
     * A full queue drops the socket when its write has been in flight for {@link #STUCK_WRITE_NANOS}
     * (the client is not reading); a queue that is full for another reason — the flusher has not reached
     * it yet, or a write of a burst of replies is still completing — may grow to this many times the
     * capacity first.
     */
    static final int BEHIND_FACTOR = 4;
    /** A write pending this long means the reader is not keeping up, ns (250 ms). */
    static final long STUCK_WRITE_NANOS = 250_000_000L;

    private final Session session;
    /** Jetty's core session under the API session: its frames can be batched into one write. */
    private final CoreSession core;
    private final Executor flusher;
    private final int capacity;
    private final Runnable onOverflow;
    private final Queue<Outbound> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger wip = new AtomicInteger();
    private final Runnable flush = this::flush;
    private volatile boolean inFlight;
    private volatile long inFlightSince;
    private volatile boolean closed;
    private volatile int closeCode;
    private volatile String closeReason;
    private boolean closeSent;

    /**
     * @param flusher    where the writes run
     * @param capacity   messages that may wait (not counting those being written)
     * @param onOverflow called, once per refused offer, when the queue is full
     */
    Outbox(Session session, Executor flusher, int capacity, Runnable onOverflow) {
        this.session = session;
        this.core = ((WebSocketSession) session).getCoreSession(); // Jetty 12's only Session implementation
        this.flusher = flusher;
        this.capacity = capacity;
        this.onOverflow = onOverflow;
    }

    /** @return whether the message was queued (false when closed or full) */
    boolean offer(Outbound message) {
        if (closed) {
            return false;
        }
        int w = waiting.incrementAndGet();
        if (w > capacity && (stuck() || w > BEHIND_FACTOR * capacity)) {
            waiting.decrementAndGet();
            onOverflow.run();
            return false;
        }
        queue.add(message);
        schedule();
        return true;
    }

    /** Accepts nothing more; sends what waits, then the close frame (RFC 6455 §5.5.1). */
    void closeAfterDrain(int code, String reason) {
        closeCode = code;
        closeReason = reason;
        closed = true;
        schedule();
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

    /** @return whether a write has been pending for {@link #STUCK_WRITE_NANOS} */
    private boolean stuck() {
        return inFlight && System.nanoTime() - inFlightSince > STUCK_WRITE_NANOS;
    }

    private void schedule() {
        if (wip.getAndIncrement() == 0) {
            try {
                flusher.execute(flush);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                flush.run(); // the flusher has stopped (the node is stopping): write on this thread
            }
        }
    }

    private void flush() {
        int missed = 1;
        do {
            if (!inFlight) {
                writeWaiting();
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    /** Writes what waits (one batch), or the close frame once nothing waits and a close was asked for. */
    private void writeWaiting() {
        Outbound first = queue.poll();
        if (first == null) {
            if (closeReason != null && !closeSent) {
                closeSent = true;
                session.close(closeCode, closeReason, Callback.NOOP);
            }
            return;
        }
        inFlightSince = System.nanoTime();
        inFlight = true;
        Callback done = Callback.from(this::written, this::failed);
        try {
            Outbound message = first;
            int n = 1;
            Outbound next = queue.poll();
            while (next != null) {
                core.sendFrame(frame(message), org.eclipse.jetty.util.Callback.NOOP, true);
                message = next;
                next = ++n < MAX_BATCH ? queue.poll() : null;
            }
            waiting.addAndGet(-n);
            // the last frame is not batched: it flushes the batch, and its completion is the write's
            core.sendFrame(frame(message), org.eclipse.jetty.util.Callback.from(done::succeed, done::fail), false);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /** A text frame over the message's shared UTF-8 bytes (no encoding per recipient). */
    private static Frame frame(Outbound message) {
        return new Frame(OpCode.TEXT).setPayload(message.payload());
    }

    private void written() {
        inFlight = false;
        if (!queue.isEmpty() || closeReason != null) { // an offer meanwhile found the write in flight
            schedule();
        }
    }

    /** The socket is failing; Jetty reports it through the endpoint's error and close handlers. */
    private void failed(Throwable cause) {
        discard();
        inFlight = false;
    }
}
