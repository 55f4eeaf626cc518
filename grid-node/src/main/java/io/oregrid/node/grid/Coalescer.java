package io.oregrid.node.grid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Gathers items from many threads and hands them to a sink in batches: every {@code intervalMs}, or
 * sooner once {@code maxBatch} wait (ARCHITECTURE "Cost rules": the tail of many requests goes to the
 * grid as one multi-key operation per flush, not one operation each). Every item added before
 * {@link #close()} reaches the sink exactly once, in the order the adds happened; the sink runs on
 * one thread at a time. A sink that throws loses that batch only (logged). At most {@code maxQueued}
 * items wait: beyond that {@link #add} flushes on the adder's thread (backpressure, as the gateway's
 * bound of detached calls), so a node that cannot keep up slows its callers instead of queueing
 * without end — and an adder never waits for a timer thread that may be waiting for it.
 *
 * @param <T> item
 */
public final class Coalescer<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Coalescer.class);

    private final String name;
    private final Consumer<List<T>> sink;
    private final ScheduledExecutorService timer;
    private final int maxBatch;
    private final Semaphore room;
    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final ScheduledFuture<?> ticks;

    /**
     * @param name       for the log
     * @param intervalMs longest an item waits, ms
     * @param maxBatch   a flush starts early once this many wait (and takes at most this many)
     * @param maxQueued  items that may wait at once (at least {@code maxBatch})
     * @param sink       receives each batch, oldest first, never empty, on the timer's thread or on an
     *                   adder's (one batch at a time); must not add to this coalescer
     * @param timer      runs the flushes (may be shared by a node's coalescers)
     */
    public Coalescer(String name, long intervalMs, int maxBatch, int maxQueued, Consumer<List<T>> sink,
                     ScheduledExecutorService timer) {
        this.name = name;
        this.sink = sink;
        this.timer = timer;
        this.maxBatch = maxBatch;
        this.room = new Semaphore(Math.max(maxBatch, maxQueued));
        this.ticks = timer.scheduleWithFixedDelay(this::flush, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Queues {@code item} for the next flush. When {@code maxQueued} items wait, the adder flushes
     * them itself rather than waiting for the timer: the timer's thread may be the adder (a sink of
     * another coalescer on the same timer), or be busy with such a sink.
     */
    public void add(T item) {
        while (!room.tryAcquire()) {
            flush();
        }
        queue.add(item);
        if (size.incrementAndGet() == maxBatch) {
            try {
                timer.execute(this::flush);
            } catch (RejectedExecutionException stopped) {
                // closing: close() flushes what is queued
            }
        }
    }

    /** Hands everything queued now to the sink, in batches of at most {@code maxBatch}. */
    public synchronized void flush() {
        while (true) {
            List<T> batch = new ArrayList<>(Math.min(maxBatch, Math.max(1, size.get())));
            T item;
            while (batch.size() < maxBatch && (item = queue.poll()) != null) {
                batch.add(item);
            }
            if (batch.isEmpty()) {
                return;
            }
            size.addAndGet(-batch.size());
            try {
                sink.accept(batch);
            } catch (RuntimeException e) {
                LOG.warn("{}: a batch of {} was not flushed ({})", name, batch.size(), e.toString());
            } finally {
                room.release(batch.size());
            }
        }
    }

    /** Stops the ticks and flushes what is queued, on the calling thread. */
    @Override
    public void close() {
        ticks.cancel(false);
        flush();
    }
}
