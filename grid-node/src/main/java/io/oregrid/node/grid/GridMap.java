package io.oregrid.node.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * One map seen through the {@link GridGateway}: the calls the product makes, each counted as
 * blocking or asynchronous. Thin on purpose: no caching, no retries, the same exceptions as
 * {@link IMap}.
 *
 * @param <K> key
 * @param <V> value
 */
public final class GridMap<K, V> {
    private static final Logger LOG = LoggerFactory.getLogger(GridMap.class);
    private final IMap<K, V> map;
    private final GridGateway gateway;

    GridMap(IMap<K, V> map, GridGateway gateway) {
        this.map = map;
        this.gateway = gateway;
    }

    /** Runs {@code processor} on {@code key}'s partition and waits for its result (blocking). */
    public <R> R call(K key, EntryProcessor<K, V, R> processor) {
        gateway.countBlocking();
        return map.executeOnKey(key, processor);
    }

    /**
     * Submits {@code processor} to {@code key}'s partition; the caller's answer waits for the stage (awaited).
     * The stage completes on the gateway's continuation executor ({@link GridGateway#hop}).
     */
    public <R> CompletionStage<R> submit(K key, EntryProcessor<K, V, R> processor) {
        gateway.countAwaited();
        return gateway.hop(map.submitToKey(key, processor));
    }

    /**
     * Submits {@code processor} to {@code key}'s partition and nobody waits (detached): for idempotent
     * follow-ups whose loss a later operation, a client's retry or a sweep repairs. Waits while the
     * gateway's bound of outstanding detached calls is reached (backpressure). A failure is logged (WARN,
     * without the key) and stays the stage's.
     */
    public <R> CompletionStage<R> detach(K key, EntryProcessor<K, V, R> processor) {
        gateway.detachPermit();
        return logged(gateway.hop(gateway.detached(map.submitToKey(key, processor))), processor, 1);
    }

    /** @return {@code stage}, whose failure is logged (WARN, no keys: they may name players) */
    private <T> CompletionStage<T> logged(CompletionStage<T> stage, EntryProcessor<K, V, ?> processor, int keys) {
        stage.whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warn("detached {} on {} ({} keys) failed ({}); a later operation or the sweep repairs it",
                        processor.getClass().getSimpleName(), map.getName(), keys, failure.toString());
            }
        });
        return stage;
    }

    /**
     * Submits the coalesced tail of many requests: {@code keys} grouped by partition, and for each
     * partition one multi-key call ({@code IMap.submitToKeys}) of {@code processorFor(that partition's
     * keys)}; nobody waits (each call detached, one permit each). One call per partition rather than
     * one for all keys: Hazelcast builds each partition's operation by hashing every key of the call
     * (measured: MurmurHash3 35 % of the CPU with 600 keys a call), and a processor carrying only its
     * partition's items is smaller. Failures as {@link #detach}.
     *
     * @return a stage of each call's results by key
     */
    public <R> List<CompletionStage<Map<K, R>>> detachPerPartition(Collection<K> keys,
                                                                  Function<Set<K>, EntryProcessor<K, V, R>> processorFor) {
        Map<Integer, Set<K>> byPartition = new HashMap<>();
        for (K key : keys) {
            byPartition.computeIfAbsent(gateway.partitionOf(key), p -> new HashSet<>()).add(key);
        }
        List<CompletionStage<Map<K, R>>> calls = new ArrayList<>(byPartition.size());
        for (Set<K> group : byPartition.values()) {
            EntryProcessor<K, V, R> processor = processorFor.apply(group);
            gateway.detachPermit();
            calls.add(logged(gateway.hop(gateway.detached(map.submitToKeys(group, processor))), processor, group.size()));
        }
        return calls;
    }

    /** @return the value of {@code key}, or null (blocking) */
    public V get(K key) {
        gateway.countBlocking();
        return map.get(key);
    }

    /** @return a stage of the value of {@code key}, or null; the caller's answer waits for it (awaited) */
    public CompletionStage<V> getAsync(K key) {
        gateway.countAwaited();
        return gateway.hop(map.getAsync(key));
    }

    /** @return the values of {@code keys} that exist, in one call (blocking) */
    public Map<K, V> getAll(Set<K> keys) {
        gateway.countBlocking();
        return map.getAll(keys);
    }

    /** @return the keys this member owns that match {@code predicate}, by the map's indexes (blocking; members only) */
    public Set<K> localKeySet(Predicate<K, V> predicate) {
        gateway.countBlocking();
        return map.localKeySet(predicate);
    }

}
