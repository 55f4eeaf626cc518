package io.oregrid.node.grid;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.util.ConcurrencyUtil;
import com.hazelcast.topic.ITopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Semaphore;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
 * <p>Detached calls are bounded: at most {@code maxDetached} are outstanding at once, and a caller that
 * would exceed that waits for one to finish ({@link #detachPermit}). Without the bound an overload would
 * queue follow-ups on the partition threads without end, ahead of the operations requests wait for;
 * with it the overload slows the callers (backpressure) and every queue stays bounded.
 *
 * <p>It also owns the executor on which continuations of asynchronous calls run
 * ({@link #continuations()}): a grid future completes on a partition or response thread, and on 2
 * cores the common ForkJoinPool has parallelism 1 (STACK.md), so every {@code *Async} stage of the
 * product names this executor.
 */
public final class GridGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GridGateway.class);

    /*
     * Hazelcast completes every dependent stage of its futures through its default async executor, which is
     * the common ForkJoinPool — or, when that has parallelism 1 (any machine with 2 cores or fewer), a new
     * thread per task (ConcurrencyUtil). Measured here: a thread started per grid call, 159-202 location updates
     * per second with both partition threads busy starting threads. One JVM-wide fix: hand Hazelcast a small
     * pool of its own for those hand-offs (they only complete futures; the product's continuations run on each
     * gateway's executor). Internal API (com.hazelcast.internal.util), checked against 5.6.0.
     */
    static {
        if (ForkJoinPool.getCommonPoolParallelism() < 2) {
            ConcurrencyUtil.setDefaultAsyncExecutor(Executors.newFixedThreadPool(2, DaemonThreads.numbered("hz-future-handoff")));
        }
    }
    private final HazelcastInstance hz;
    private final LongAdder blocking = new LongAdder();
    private final LongAdder awaited = new LongAdder();
    private final LongAdder detached = new LongAdder();
    private final ExecutorService continuations;
    private final Semaphore detachedInFlight;
    /** Where a detached call's permit is given back: inline on a member, on a thread of its own on a client. */
    private final Executor releases;

    /**
     * @param hz           a member or a client
     * @param asyncThreads threads of the continuation executor (daemon, named {@code ore-async-N})
     * @param maxDetached  detached calls outstanding at once, at most
     */
    public GridGateway(HazelcastInstance hz, int asyncThreads, int maxDetached) {
        this.hz = hz;
        this.detachedInFlight = new Semaphore(maxDetached);
        // after close() a late grid answer has nowhere to go: dropped quietly, the node is stopping
        this.continuations = new ThreadPoolExecutor(asyncThreads, asyncThreads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.numbered("ore-async"), (task, pool) -> LOG.debug("continuation dropped: the gateway is closed"));
        this.releases = hz.getLocalEndpoint() instanceof Member ? Runnable::run
                : Executors.newSingleThreadExecutor(DaemonThreads.named("ore-grid-release"));
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
        detachPermit();
        return hop(detached(topic.publishAsync(message)));
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
     * @return a plain {@link CompletableFuture} completed on the continuation executor with {@code hazelcast}'s
     *         outcome. A Hazelcast future runs the dependents of its non-async methods on Hazelcast's default async
     *         executor — the common ForkJoinPool, which on 2 cores has parallelism 1 and so starts a thread per
     *         task (STACK.md; measured: a thread per grid call, 159 location updates/s) — and must not run them on
     *         partition threads either; after the hop every dependent runs on the continuation thread that
     *         completed it.
     */
    <T> CompletionStage<T> hop(CompletionStage<T> hazelcast) {
        CompletableFuture<T> out = new CompletableFuture<>();
        hazelcast.whenCompleteAsync((value, failure) -> {
            if (failure != null) {
                out.completeExceptionally(failure);
            } else {
                out.complete(value);
            }
        }, continuations);
        return out;
    }

    /** @return the executor every continuation of an asynchronous grid call runs on */
    public ExecutorService continuations() {
        return continuations;
    }

    /** @return the instance behind the gateway, for wiring that is not a call (listeners, SQL service, Jet) */
    public HazelcastInstance hazelcast() {
        return hz;
    }

    /** @return the partition id of {@code key} (a local hash, no call) */
    int partitionOf(Object key) {
        return hz.getPartitionService().getPartition(key).getPartitionId();
    }

    void countBlocking() {
        blocking.increment();
    }

    void countAwaited() {
        awaited.increment();
    }

    /**
     * Takes a permit for one detached call, waiting while {@code maxDetached} are outstanding; the caller
     * releases it when the call completes. Never called on a partition thread (the product's detached calls
     * start from request threads and continuations).
     */
    void detachPermit() {
        detached.increment();
        detachedInFlight.acquireUninterruptibly();
    }

    /**
     * @return {@code hazelcast}, whose permit ({@link #detachPermit}) is given back the moment it completes: on
     *         a member on the completing thread itself (a semaphore release), since continuation threads may be
     *         the ones waiting for permits and the release must not need one; on a client on a thread of its
     *         own, because a client future decodes its result before any callback runs, a Compact result of a
     *         type the client has not seen yet fetches its schema and waits for the answer, and done on a
     *         response thread that wait deadlocks once every response thread does it (seen: both of the
     *         client's response threads parked in {@code ClientSchemaService.get}, the bench stalled for minutes)
     */
    <T> CompletionStage<T> detached(CompletionStage<T> hazelcast) {
        hazelcast.whenCompleteAsync((value, failure) -> detachedInFlight.release(), releases);
        return hazelcast;
    }

    /** Stops the continuation executor, letting queued continuations finish for up to 5 s, and a client's release thread. */
    @Override
    public void close() {
        DaemonThreads.stop(continuations, 5_000);
        if (releases instanceof ExecutorService pool) {
            pool.shutdown(); // a release still queued frees a permit nobody waits for any more
        }
    }
}
