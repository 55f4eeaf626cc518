package io.oregrid.node.config;

import java.util.HashMap;
import java.util.Map;

/**
 * How the hot path is sized (ARCHITECTURE "Cost rules"), part of the node's one configuration.
 *
 * @param presenceRefreshM       an accepted fix this far from the player's written cell presence
 *                               rewrites it ({@code ORE_PRESENCE_REFRESH_M}, metres, default 10)
 * @param presenceRefreshS       ...or this much later ({@code ORE_PRESENCE_REFRESH_S}, seconds, default 30;
 *                               well under the 300 s after which a presence is stale)
 * @param asyncThreads           threads that run the continuations of asynchronous grid calls (answers to
 *                               HTTP requests, fan-out publishes) off the partition threads
 *                               ({@code ORE_ASYNC_THREADS}, default: the number of cores)
 * @param partitionThreads       Hazelcast partition-operation threads ({@code ORE_PARTITION_THREADS},
 *                               {@code hazelcast.operation.thread.count}; default: the cores, at least 2)
 * @param jetSnapshotIntervalS   how often exactly-once Jet jobs snapshot their state
 *                               ({@code ORE_JET_SNAPSHOT_INTERVAL_S}, seconds, default 10): bounds what a
 *                               restarted job re-reads from its journal; shorter intervals cost request latency
 * @param maxDetached            detached follow-ups (history, presence, outcomes, publishes) outstanding at once
 *                               per node ({@code ORE_MAX_DETACHED}, default 4096); beyond it callers wait
 *                               (backpressure) instead of queueing work on the partition threads without end
 * @param outcomeTtlS            how long an accepted outcome stays in the {@code outcomes} map after its
 *                               journal event ({@code ORE_OUTCOME_TTL_S}, seconds, default 600)
 * @param tailFlushMs            how often a node flushes the coalesced tail of accepted fixes and its world deltas
 *                               ({@code ORE_TAIL_FLUSH_MS}, ms, default 20): history appends, presence changes and
 *                               deltas go out as one multi-key operation per map and one topic message per flush;
 *                               realtime pushes and nearby positions lag by at most this (tens of ms in production;
 *                               up to a minute accepted, for tests that flush by hand)
 * @param wsFlushThreads         threads that write WebSocket frames on an edge node ({@code ORE_WS_FLUSH_THREADS},
 *                               default half the cores, at least 1): pushes only queue, these write each socket's
 *                               queue in one gathering write
 */
public record HotPathConfig(double presenceRefreshM, int presenceRefreshS, int asyncThreads, int partitionThreads,
                            int jetSnapshotIntervalS, int maxDetached, int outcomeTtlS, int tailFlushMs, int wsFlushThreads) {

    static HotPathConfig from(OreConfig.Reader r) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new HotPathConfig(
                r.dbl("PRESENCE_REFRESH_M", 10, 0, 10_000),
                r.integer("PRESENCE_REFRESH_S", 30, 1, 3600),
                r.integer("ASYNC_THREADS", cores, 1, 256),
                r.integer("PARTITION_THREADS", Math.max(2, cores), 1, 256),
                r.integer("JET_SNAPSHOT_INTERVAL_S", 10, 1, 3600),
                r.integer("MAX_DETACHED", 4096, 16, 1_000_000),
                r.integer("OUTCOME_TTL_S", 600, 10, 86_400),
                r.integer("TAIL_FLUSH_MS", 20, 1, 60_000),
                r.integer("WS_FLUSH_THREADS", Math.max(1, cores / 2), 1, 64));
    }

    Map<String, String> asMap() {
        Map<String, String> m = new HashMap<>();
        m.put("PRESENCE_REFRESH_M", "" + presenceRefreshM);
        m.put("PRESENCE_REFRESH_S", "" + presenceRefreshS);
        m.put("ASYNC_THREADS", "" + asyncThreads);
        m.put("PARTITION_THREADS", "" + partitionThreads);
        m.put("JET_SNAPSHOT_INTERVAL_S", "" + jetSnapshotIntervalS);
        m.put("MAX_DETACHED", "" + maxDetached);
        m.put("OUTCOME_TTL_S", "" + outcomeTtlS);
        m.put("TAIL_FLUSH_MS", "" + tailFlushMs);
        m.put("WS_FLUSH_THREADS", "" + wsFlushThreads);
        return m;
    }
}
