package io.oregrid.store.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Test support shared by every module's concurrency tests: run one task on many threads at once. */
public final class Race {

    private Race() {
    }

    /**
     * Runs {@code task} on {@code threads} threads started together and waits for all of them.
     *
     * @return each run's result, in submission order
     * @throws Exception the first failure of any run
     */
    public static <T> List<T> run(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = pool.invokeAll(Collections.nCopies(threads, task));
            List<T> out = new ArrayList<>(threads);
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
