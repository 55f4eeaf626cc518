package io.oregrid.node.grid;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Coalescer}: every item added from many threads reaches the sink exactly once, in each adder's order. */
class CoalescerTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void concurrentAddsArriveOnceInOrderInBoundedBatches() throws Exception {
        int threads = 8, perThread = 20_000, maxBatch = 500;
        List<long[]> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger largest = new AtomicInteger();
        AtomicInteger concurrentSinks = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        Coalescer<long[]> c = new Coalescer<>("test", 2, maxBatch, 4 * maxBatch, batch -> {
            if (concurrentSinks.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            largest.accumulateAndGet(batch.size(), Math::max);
            seen.addAll(batch);
            concurrentSinks.decrementAndGet();
        }, timer);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> adders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long id = t;
            Thread th = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (long i = 0; i < perThread; i++) {
                    c.add(new long[]{id, i});
                    if (i % 1000 == 0) {
                        c.flush(); // flushes from adders race the timer's
                    }
                }
            });
            th.start();
            adders.add(th);
        }
        go.countDown();
        for (Thread th : adders) {
            th.join();
        }
        c.close();

        assertThat(seen).hasSize(threads * perThread);
        long[] next = new long[threads];
        for (long[] item : seen) {
            assertThat(item[1]).as("thread %d's items in order, none twice or lost", item[0]).isEqualTo(next[(int) item[0]]);
            next[(int) item[0]]++;
        }
        assertThat(largest.get()).isLessThanOrEqualTo(maxBatch);
        assertThat(overlaps.get()).as("the sink never runs twice at once").isZero();
    }

    @Test
    void aFullQueueMakesTheAdderWaitForAFlush() throws Exception {
        CountDownLatch sinkMayGo = new CountDownLatch(1);
        AtomicInteger delivered = new AtomicInteger();
        Coalescer<Integer> c = new Coalescer<>("test", 60_000, 10, 10, batch -> {
            try {
                sinkMayGo.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delivered.addAndGet(batch.size());
        }, timer);
        for (int i = 0; i < 10; i++) {
            c.add(i); // the tenth starts a flush, which holds the sink
        }
        CountDownLatch added = new CountDownLatch(1);
        Thread late = new Thread(() -> {
            c.add(10);
            added.countDown();
        });
        late.start();
        assertThat(added.await(300, TimeUnit.MILLISECONDS)).as("waits while ten wait unflushed").isFalse();
        sinkMayGo.countDown();
        assertThat(added.await(5, TimeUnit.SECONDS)).as("goes on once they are handed over").isTrue();
        c.close();
        assertThat(delivered.get()).isEqualTo(11);
    }

    @Test
    void anItemWaitsAtMostAboutTheInterval() throws Exception {
        CountDownLatch got = new CountDownLatch(1);
        Coalescer<String> c = new Coalescer<>("test", 20, 1000, 1000, batch -> got.countDown(), timer);
        c.add("x");
        assertThat(got.await(2, TimeUnit.SECONDS)).as("flushed by the timer").isTrue();
        c.close();
    }

    /**
     * The 2026-12-05 bench hang: the location tail's flush (on the shared timer thread) added to the
     * world feed while the feed was full, and the feed's own flush was queued behind it on that same
     * thread. A full coalescer's adder now drains it itself, so a sink may add to another coalescer
     * of the same timer however much it adds. (Before the fix this test hung at the join.)
     */
    @Test
    void aSinkOnTheSharedTimerMayFillAnotherCoalescerOfThatTimer() throws Exception {
        List<Integer> delivered = Collections.synchronizedList(new ArrayList<>());
        Coalescer<Integer> feed = new Coalescer<>("feed", 60_000, 10, 20, delivered::addAll, timer);
        Coalescer<Integer> tail = new Coalescer<>("tail", 60_000, 5, 5, batch -> {
            for (int item : batch) {
                for (int k = 0; k < 100; k++) {
                    feed.add(item * 100 + k); // far beyond the feed's 20
                }
            }
        }, timer);
        Thread adder = new Thread(() -> {
            for (int i = 0; i < 5; i++) {
                tail.add(i); // the fifth fills the batch: the timer thread runs the tail's flush
            }
        });
        adder.start();
        adder.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(adder.isAlive()).isFalse();
        timer.submit(() -> { }).get(30, TimeUnit.SECONDS); // the timer thread is not stuck in the tail's flush
        feed.flush();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            expected.add(i);
        }
        assertThat(delivered).containsExactlyElementsOf(expected);
    }
}
