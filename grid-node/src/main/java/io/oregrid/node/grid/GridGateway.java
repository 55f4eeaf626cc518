package io.oregrid.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The one door of the game's services to the grid: every map, topic and library call they make goes
 * through a {@link GridMap} or a method here, which counts it as <em>blocking</em> (the calling
 * thread parks until a partition operation or a query answers), <em>awaited</em> (asynchronous: it
 * returns a stage at once, and the request's answer waits for that stage without parking a thread)
 * or <em>detached</em> (asynchronous, and nobody waits: the idempotent tail of an operation) — so the
 * cost rules of ARCHITECTURE.md ("a location update costs the request thread one partition
 * operation"; a collect at most three) are pinned by tests that read {@link #counts()}, and the
 * figures are on {@code /metrics}.
 *
 * <p>It also owns the executor on which continuations of asynchronous calls run
 * ({@link #continuations()}): a grid future completes on a partition or response thread, and on 2
 * cores the common ForkJoinPool has parallelism 1 (STACK.md), so every {@code *Async} stage of the
 * product names this executor.
 */
public final class GridGateway implements AutoCloseable {
    private final HazelcastInstance hz;
    private final LongAdder blocking = new LongAdder();
    private final LongAdder awaited = new LongAdder();
    private final LongAdder detached = new LongAdder();
    private final ExecutorService continuations;

    /**
     * @param hz           a member or a client
     * @param asyncThreads threads of the continuation executor (daemon, named {@code ore-async-N})
     */
    public GridGateway(HazelcastInstance hz, int asyncThreads) {
        this.hz = hz;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "ore-async-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.continuations = Executors.newFixedThreadPool(asyncThreads, threads);
    }

    /** Counts of the calls made so far, by kind (see the class comment). */
    public record Counts(long blocking, long awaited, long detached) {
        /** @return the calls made since {@code earlier} */
        public Counts since(Counts earlier) {
            return new Counts(blocking - earlier.blocking, awaited - earlier.awaited, detached - earlier.detached);
        }

        /** @return the operations a request's answer waits for: blocking plus awaited */
        public long onRequestPath() {
            return blocking + awaited;
        }
    }

    /** @return the calls made through this gateway so far */
    public Counts counts() {
        return new Counts(blocking.sum(), awaited.sum(), detached.sum());
    }

    /** @return the map {@code name}, every call on it counted */
    public <K, V> GridMap<K, V> map(String name) {
        return new GridMap<>(hz.getMap(name), this);
    }

    /** Publishes {@code message} on {@code topic}; nobody waits (counted detached). */
    public <T> CompletionStage<Void> publish(ITopic<T> topic, T message) {
        detached.increment();
        return topic.publishAsync(message);
    }

    /** @return the topic {@code name} (publish through {@link #publish}) */
    public <T> ITopic<T> topic(String name) {
        return hz.getTopic(name);
    }

    /**
     * Runs a blocking grid call made by a library on the product's behalf (Bucket4j's processors, SQL),
     * counted as one blocking operation.
     */
    public <T> T blocking(Supplier<T> call) {
        blocking.increment();
        return call.get();
    }

    /**
     * @return {@code stage}, completing on the continuation executor: a Hazelcast future runs its non-async
     *         dependents on the thread that completes it — for a local call a partition thread — so a stage handed
     *         to a caller (an HTTP answer, a socket reply) hops off it first
     */
    public <T> CompletionStage<T> offPartitionThreads(CompletionStage<T> stage) {
        return stage.thenApplyAsync(value -> value, continuations);
    }

    /** @return the executor every continuation of an asynchronous grid call runs on */
    public ExecutorService continuations() {
        return continuations;
    }

    /** @return the instance behind the gateway, for wiring that is not a call (listeners, SQL service, Jet) */
    public HazelcastInstance hazelcast() {
        return hz;
    }

    void countBlocking() {
        blocking.increment();
    }

    void countAwaited() {
        awaited.increment();
    }

    void countDetached() {
        detached.increment();
    }

    /** Stops the continuation executor, letting queued continuations finish for up to 5 s. */
    @Override
    public void close() {
        continuations.shutdown();
        try {
            continuations.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
