package io.oregrid.bench.compare;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load at a fixed offered rate, and the search for the highest rate that keeps p99 under a
 * target.
 *
 * <p>Operation {@code i} of a run is due at {@code start + i / rate}; its latency is measured from
 * that due time to its answer, so a stall is charged to every operation queued behind it
 * (coordinated-omission-correct, as wrk2 and HdrHistogram's own guidance do it). Synchronous sides
 * run on {@link Side#callers()} threads; a caller takes the next due operation and, when the side
 * pipelines, every further operation already due (up to {@link Side#maxBatch()}) into the same call —
 * the batching an application with an auto-pipelining client gets under load. Asynchronous sides are
 * started by one dispatcher thread with at most {@link Side#callers()} in flight.
 *
 * <p>A run that cannot keep up is cut at twice its planned duration plus 2 s: operations never
 * started are recorded as late as they were at the cut, so the run reads as failed.
 */
final class LoadDriver {
    private static final long HIGHEST_US = TimeUnit.SECONDS.toMicros(300);
    /** A run takes at least this many operations (up to three times its planned seconds), so p99 is the 5th worst or better. */
    static final int MIN_OPERATIONS = 500;

    private final PrintStream out;

    LoadDriver(PrintStream out) {
        this.out = out;
    }

    /**
     * Offers {@code rate} operations per second for {@code seconds}.
     *
     * @param print whether to print a line with the figures
     * @return the figures; latency in microseconds
     */
    RatePoint fixedRate(Side side, int rate, double seconds, boolean print) throws Exception {
        long total = Math.max(1, Math.round(rate * seconds));
        long seq0 = side.seq().get();
        side.prepare(seq0, total);
        side.seq().addAndGet(total);
        double intervalNs = 1e9 / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2);
        long cut = start + (long) (seconds * 2e9) + TimeUnit.SECONDS.toNanos(2);
        Run run = side.isAsync()
                ? dispatch(side, seq0, total, start, intervalNs, cut)
                : callers(side, seq0, total, start, intervalNs, cut);
        double elapsedS = Math.max(1e-9, (run.lastAnswerNs - start) / 1e9);
        RatePoint p = new RatePoint(rate, run.answered / elapsedS, run.latency, run.failed);
        if (print) {
            out.printf(Locale.ROOT, "  %-28s %,9d/s offered: achieved %,10.0f/s  p50 %8.3f  p99 %8.3f  max %9.3f ms%s%n",
                    side.label(), rate, p.achieved(), p.ms(50), p.ms(99), p.latencyUs().getMaxValue() / 1000.0,
                    run.failed > 0 ? String.format(Locale.ROOT, "  (%,d failed: %s)", run.failed, run.firstError) : "");
        }
        return p;
    }

    /**
     * Runs {@code ops} operations as fast as the side answers them — {@link Side#callers()} callers
     * (each call a full batch when the side pipelines) or operations in flight — unmeasured for
     * latency. Used to bring a freshly started JVM's JIT to its steady state and to find the
     * side's closed-loop ceiling.
     *
     * @return operations per second reached
     */
    double closedLoop(Side side, long ops) throws Exception {
        long seq0 = side.seq().get();
        side.prepare(seq0, ops);
        side.seq().addAndGet(ops);
        long start = System.nanoTime();
        if (side.isAsync()) {
            Semaphore inFlight = new Semaphore(side.callers());
            for (long i = 0; i < ops; i++) {
                inFlight.acquire();
                side.async().start(seq0 + i).whenComplete((v, e) -> inFlight.release());
            }
            inFlight.acquire(side.callers());
            inFlight.release(side.callers());
        } else {
            AtomicLong next = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < side.callers(); t++) {
                Thread th = new Thread(() -> {
                    for (long i = next.getAndAdd(side.maxBatch()); i < ops; i = next.getAndAdd(side.maxBatch())) {
                        try {
                            side.sync().run(seq0 + i, (int) Math.min(side.maxBatch(), ops - i));
                        } catch (Exception e) {
                            // closed loop: outcomes are counted by the side, latency is not measured
                        }
                    }
                }, "load-closed-" + t);
                th.setDaemon(true);
                th.start();
                threads.add(th);
            }
            for (Thread th : threads) {
                th.join();
            }
        }
        return ops / Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Runs the side closed-loop for {@code seconds} in chunks of about a second, unmeasured: brings a
     * freshly started JVM's JIT to its steady state.
     *
     * @return the rate of the last chunk, operations per second
     */
    double warmUp(Side side, double seconds) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long ops = 500;
        double rate = 0;
        while (System.nanoTime() < end) {
            rate = closedLoop(side, ops);
            ops = Math.max(500, (long) rate);
        }
        return rate;
    }

    /**
     * Runs the side closed-loop for about {@code seconds} (batches of growing size, each prepared
     * outside the timed part) and returns the rate it reached: the most it can answer, whatever the
     * latency, and so an upper bound of its capacity.
     */
    double ceiling(Side side, double seconds) throws Exception {
        long ops = 1_000;
        long start = System.nanoTime();
        double rate;
        while (true) {
            long t0 = System.nanoTime();
            rate = closedLoop(side, ops);
            double took = (System.nanoTime() - t0) / 1e9;
            double left = seconds - (System.nanoTime() - start) / 1e9;
            if (took >= seconds / 4 || left <= took) {
                return rate;
            }
            ops = Math.max(ops * 2, (long) (rate * Math.min(left, seconds / 2)));
        }
    }

    /**
     * The highest rate whose p99 stays at or under {@code p99TargetMs}, found by bisection between a
     * rate known to hold — {@code reference} (an already measured run) when it met the target, else 0
     * — and the side's closed-loop ceiling ({@link #ceiling}, the most it answers whatever the
     * latency), which is tried first. {@code steps} halvings of the gap at most, fewer once the gap is
     * an eighth of the rate that held. Each step runs {@code stepSeconds} (longer for low rates,
     * {@link #MIN_OPERATIONS}); the JVM is collected first.
     *
     * @param maxRate the search does not offer more than this (the result says {@link Capacity#capped})
     */
    Capacity capacity(Side side, RatePoint reference, double p99TargetMs, double stepSeconds, int steps, int maxRate)
            throws Exception {
        List<RatePoint> tried = new ArrayList<>(List.of(reference));
        double top = ceiling(side, stepSeconds);
        out.printf(Locale.ROOT, "    closed-loop ceiling %,.0f/s%n", top);
        RatePoint best = reference.meets(p99TargetMs) ? reference : null;
        int lo = best == null ? 0 : reference.offered();
        int hi = (int) Math.min(maxRate, Math.ceil(top * 1.05));
        boolean capped = false;
        if (hi > lo) {
            RatePoint p = step(side, hi, stepSeconds, p99TargetMs);
            tried.add(p);
            if (p.meets(p99TargetMs)) {
                lo = hi;
                best = p;
                capped = hi >= maxRate;
            }
        }
        for (int k = 0; k < steps && lo < hi; k++) {
            int mid = (lo + hi) / 2;
            if (mid <= 0 || hi - lo <= Math.max(1, lo / 8)) {
                break;
            }
            RatePoint p = step(side, mid, stepSeconds, p99TargetMs);
            tried.add(p);
            if (p.meets(p99TargetMs)) {
                lo = mid;
                best = p;
            } else {
                hi = mid;
            }
        }
        Capacity c = new Capacity(p99TargetMs, best, List.copyOf(tried), capped, top);
        out.printf(Locale.ROOT, "  %-28s capacity at p99 <= %.0f ms: %s%n", side.label(), p99TargetMs,
                best == null ? "none of the rates tried" : String.format(Locale.ROOT, "%,d/s (p99 %.3f ms)%s",
                        best.offered(), best.ms(99), capped ? ", the search's cap" : ""));
        return c;
    }

    private RatePoint step(Side side, int rate, double seconds, double target) throws Exception {
        System.gc();
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        RatePoint p = fixedRate(side, rate, seconds(rate, seconds), false);
        out.printf(Locale.ROOT, "    step %,9d/s: achieved %,10.0f/s  p50 %8.3f  p99 %9.3f ms  %s%n", rate, p.achieved(),
                p.ms(50), p.ms(99), p.meets(target) ? "ok" : "over" + (p.failed() > 0 ? " (" + p.failed() + " failed)" : ""));
        return p;
    }

    /** @return {@code seconds}, lengthened (at most threefold) so that a run at {@code rate} has {@link #MIN_OPERATIONS} */
    static double seconds(int rate, double seconds) {
        return Math.min(3 * seconds, Math.max(seconds, MIN_OPERATIONS / (double) rate));
    }

    // ---------------------------------------------------------------- the two ways of offering load

    private static final class Run {
        final Histogram latency = new ConcurrentHistogram(HIGHEST_US, 3);
        final LongAdder answeredAdder = new LongAdder();
        final LongAdder failedAdder = new LongAdder();
        final AtomicLong lastAnswer = new AtomicLong();
        volatile String firstError;
        long answered;
        long failed;
        long lastAnswerNs;

        void record(long dueNs, long nowNs, int n, boolean ok, Throwable error) {
            long us = Math.min(HIGHEST_US, Math.max(0, (nowNs - dueNs) / 1000));
            latency.recordValueWithCount(us, n);
            if (ok) {
                answeredAdder.add(n);
            } else {
                failedAdder.add(n);
                if (firstError == null) {
                    firstError = String.valueOf(error);
                }
            }
            lastAnswer.accumulateAndGet(nowNs, Math::max);
        }

        Run finish(long start) {
            answered = answeredAdder.sum();
            failed = failedAdder.sum();
            lastAnswerNs = Math.max(lastAnswer.get(), start + 1);
            return this;
        }
    }

    /** Synchronous callers; a caller batches operations already due when the side pipelines. */
    private static Run callers(Side side, long seq0, long total, long start, double intervalNs, long cut) throws Exception {
        Run run = new Run();
        AtomicLong next = new AtomicLong();
        List<Throwable> fatal = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < side.callers(); t++) {
            Thread th = new Thread(() -> {
                for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long due = start + (long) (i * intervalNs);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    if (System.nanoTime() > cut) {
                        run.record(due, cut, 1, false, new IllegalStateException("not started before the cut"));
                        continue;
                    }
                    int n = 1;
                    while (n < side.maxBatch()) {
                        long j = i + n;
                        if (j >= total || start + (long) (j * intervalNs) > System.nanoTime() || !next.compareAndSet(j, j + 1)) {
                            break;
                        }
                        n++;
                    }
                    boolean ok = true;
                    Throwable error = null;
                    try {
                        side.sync().run(seq0 + i, n);
                    } catch (Exception e) {
                        ok = false;
                        error = e;
                    } catch (Throwable e) {
                        fatal.add(e);
                        return;
                    }
                    long now = System.nanoTime();
                    for (int k = 0; k < n; k++) {
                        run.record(start + (long) ((i + k) * intervalNs), now, 1, ok, error);
                    }
                }
            }, "load-" + side.label() + "-" + t);
            th.setDaemon(true);
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        if (!fatal.isEmpty()) {
            throw new IllegalStateException(side.label() + ": a caller died", fatal.get(0));
        }
        return run.finish(start);
    }

    /** One dispatcher thread starts every operation on time; completions record their latency. */
    private static Run dispatch(Side side, long seq0, long total, long start, double intervalNs, long cut) throws Exception {
        Run run = new Run();
        Semaphore inFlight = new Semaphore(side.callers());
        for (long i = 0; i < total; i++) {
            long due = start + (long) (i * intervalNs);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long left = cut - System.nanoTime();
            if (left <= 0 || !inFlight.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                for (long k = i; k < total; k++) {
                    run.record(start + (long) (k * intervalNs), cut, 1, false, new IllegalStateException("not started before the cut"));
                }
                break;
            }
            CompletionStage<?> stage;
            try {
                stage = side.async().start(seq0 + i);
            } catch (RuntimeException e) {
                run.record(due, System.nanoTime(), 1, false, e);
                inFlight.release();
                continue;
            }
            stage.whenComplete((v, e) -> {
                run.record(due, System.nanoTime(), 1, e == null, e);
                inFlight.release();
            });
        }
        // wait for what is still in flight (bounded: a hung peer must not hang the bench)
        if (!inFlight.tryAcquire(side.callers(), Math.max(0, cut - System.nanoTime()) + TimeUnit.SECONDS.toNanos(10),
                TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException(side.label() + ": operations still unanswered 10 s after the cut");
        }
        inFlight.release(side.callers());
        return run.finish(start);
    }
}
