package io.oregrid.node.grid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Gathers items from many threads and hands them to a sink in batches: every {@code intervalMs}, or
 * sooner once {@code maxBatch} wait (ARCHITECTURE "Cost rules": the tail of many requests goes to the
 * grid as one multi-key operation per flush, not one operation each). Every item added before
 * {@link #close()} reaches the sink exactly once, in the order the adds happened; the sink runs on
 * one thread at a time. A sink that throws loses that batch only (logged).
 *
 * @param <T> item
 */
public final class Coalescer<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Coalescer.class);

    private final String name;
    private final Consumer<List<T>> sink;
    private final ScheduledExecutorService timer;
    private final int maxBatch;
    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final ScheduledFuture<?> ticks;

    /**
     * @param name       for the log
     * @param intervalMs longest an item waits, ms
     * @param maxBatch   a flush starts early once this many wait (and takes at most this many)
     * @param sink       receives each batch, oldest first, never empty
     * @param timer      runs the flushes (shared by a node's coalescers)
     */
    public Coalescer(String name, long intervalMs, int maxBatch, Consumer<List<T>> sink, ScheduledExecutorService timer) {
        this.name = name;
        this.sink = sink;
        this.timer = timer;
        this.maxBatch = maxBatch;
        this.ticks = timer.scheduleWithFixedDelay(this::flush, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    /** Queues {@code item} for the next flush; never blocks. */
    public void add(T item) {
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
