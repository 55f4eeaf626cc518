package io.oregrid.bench.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Set-up work spread over a few threads (placing players, registering them), outside measured time. */
final class Parallel {

    private Parallel() {
    }

    /** One item of the work. */
    @FunctionalInterface
    interface Item {
        void run(int i) throws Exception;
    }

    /**
     * Runs {@code item(0 .. n-1)} on {@code threads} threads and returns when all are done.
     *
     * @throws IllegalStateException wrapping the first failure (the other threads stop taking items)
     */
    static void forEach(int n, int threads, Item item) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < n && errors.isEmpty(); i = next.getAndIncrement()) {
                    try {
                        item.run(i);
                    } catch (Exception e) {
                        errors.add(e);
                    }
                }
            }, "bench-setup-" + t);
            th.start();
            started.add(th);
        }
        for (Thread th : started) {
            th.join();
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("set-up failed", errors.get(0));
        }
    }
}
