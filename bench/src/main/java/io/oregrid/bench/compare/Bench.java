package io.oregrid.bench.compare;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.oregrid.bench.ChildJvm;
import io.oregrid.node.GridConfigFactory;
import io.oregrid.node.config.OreConfig;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What every row of the comparison shares: options, the load driver, the table, the Redis peer and
 * the profiles taken. One instance per run.
 */
final class Bench {
    final PrintStream out;
    final Options opt;
    final LoadDriver driver;
    final ResultTable table = new ResultTable();
    final List<JfrProfile.Summary> profiles = new ArrayList<>();
    /** The peer of rows 1–4 and 6, or null (then {@link #redisWhy} says why). */
    final RedisServer redis;
    final String redisWhy;

    Bench(PrintStream out, Options opt, RedisServer redis, String redisWhy) {
        this.out = out;
        this.opt = opt;
        this.driver = new LoadDriver(out);
        this.redis = redis;
        this.redisWhy = redisWhy;
    }

    /** Starts a profile of one side. */
    @FunctionalInterface
    interface Profiler {
        JfrProfile start(String label) throws Exception;
    }

    /**
     * Collector settings of every server JVM the bench starts: the collector {@code ./ore serve} ships
     * (ZGC, {@link io.oregrid.bench.ServerProcess#SHIPPED_GC}), as {@code ./ore bench} gives its own JVM
     * (where embedded members run) unless {@code BENCH_GC} names another. Row 6 measures the choice.
     */
    static final List<String> SERVER_GC = List.of(io.oregrid.bench.ServerProcess.SHIPPED_GC);

    /**
     * G1 with a 10 ms pause goal: row 6's alternative. G1's default goal, 200 ms, lets young
     * collections grow far past the seed's p99 targets (10–20 ms).
     */
    static final List<String> G1 = List.of("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=10");

    /** Profiles this JVM (embedded member and load generator). */
    static final Profiler THIS_JVM = JfrProfile::inProcess;

    /** Profiles a child JVM. */
    static Profiler child(long pid) {
        return label -> JfrProfile.child(label, pid);
    }

    /**
     * One side's figures.
     *
     * @param reference latency at the row's fixed offered rate
     * @param capacity  the highest rate with p99 under the target
     * @param profile   the JFR summary (warm-up to the end of the search), or null when not profiled
     */
    record Measured(RatePoint reference, Capacity capacity, JfrProfile.Summary profile) {
    }

    /**
     * Warm-up and reference run at {@code rate}, then the capacity search. When {@code profiler} is
     * not null the JFR recording starts before the fixed-rate warm-up (so that the recorder's own
     * start-up cost falls there, not in a measured run) and ends after the search.
     *
     * @param freshServer process id of the side's server JVM when it was just started (its JIT is cold),
     *                    else null: it first runs closed-loop for {@code childWarmupS} on every CPU, so its
     *                    compiler threads are not starved, and is then placed back on the server CPU; an
     *                    ORE side embedded here ({@code profiler} {@link #THIS_JVM}) first runs closed-loop for
     *                    {@link Options#embeddedWarmupS}, unprofiled, for the same reason
     * @param p99TargetMs the seed's target for this workload
     * @param maxRate     the search's cap
     */
    Measured measure(Side side, int rate, Long freshServer, double p99TargetMs, int maxRate, Profiler profiler)
            throws Exception {
        boolean late = Boolean.getBoolean("bench.profileAfterWarmup"); // for looking at one rate alone
        if (freshServer == null && profiler == THIS_JVM) { // an embedded ORE side: its code is this JVM's JIT's to compile
            double r = driver.warmUp(side, opt.embeddedWarmupS);
            out.printf(Locale.ROOT, "  %-28s warm-up: %d s closed-loop, last second at %,.0f/s%n", side.label(),
                    opt.embeddedWarmupS, r);
        }
        JfrProfile profile = profiler == null || late || freshServer != null ? null : profiler.start(side.label());
        if (freshServer != null) {
            Cpus.pin(freshServer, Cpus.all());
            double r = driver.warmUp(side, opt.childWarmupS);
            Cpus.pin(freshServer, Cpus.server());
            out.printf(Locale.ROOT, "  %-28s warm-up: %d s closed-loop on every CPU, last second at %,.0f/s%n",
                    side.label(), opt.childWarmupS, r);
            if (profiler != null && !late) {
                profile = profiler.start(side.label()); // its start-up cost falls in the fixed-rate warm-up below
            }
        }
        driver.fixedRate(side, rate, opt.warmupS, false);
        if (late && profiler != null) {
            profile = profiler.start(side.label());
        }
        RatePoint ref = driver.fixedRate(side, rate, LoadDriver.seconds(rate, opt.referenceS), true);
        Capacity cap = driver.capacity(side, ref, p99TargetMs, opt.stepS, opt.searchSteps, maxRate);
        JfrProfile.Summary summary = profile == null ? null : profile.stop();
        if (summary != null) {
            profiles.add(summary);
            out.println("  " + summary.describe());
        }
        return new Measured(ref, cap, summary);
    }

    /** {@link #measure(Side, int, Long, double, int, Profiler)} for a side whose JVM is already warm. */
    Measured measure(Side side, int rate, double p99TargetMs, int maxRate, Profiler profiler) throws Exception {
        return measure(side, rate, null, p99TargetMs, maxRate, profiler);
    }

    /**
     * One side's figures with the settings text the table prints for it.
     *
     * @param measured the figures
     * @param settings what ran and how (engine, operations, input, outcomes, arrangement)
     */
    record Result(Measured measured, String settings) {
    }

    /** One side's runs on {@code T} (a member, a Redis server), returning their results. */
    @FunctionalInterface
    interface SideRun<T, R> {
        R run(T on) throws Exception;
    }

    /** Runs ORE sides on a fresh embedded member configured by {@code cfg}, shut down afterwards. */
    <R> R onMember(OreConfig cfg, SideRun<HazelcastInstance, R> run) throws Exception {
        HazelcastInstance member = Hazelcast.newHazelcastInstance(GridConfigFactory.memberConfig(cfg));
        try {
            return run.run(member);
        } finally {
            member.shutdown();
        }
    }

    /**
     * Runs Redis sides on an empty server placed for {@code arrangement} (every CPU, or the server
     * CPU), emptied again afterwards.
     *
     * @return the results, or null when there is no Redis (the table then says why)
     */
    <R> R onRedis(Cpus.Arrangement arrangement, SideRun<RedisServer, R> run) throws Exception {
        if (redis == null) {
            return null;
        }
        redis.pin(arrangement == Cpus.Arrangement.SHARED ? Cpus.all() : Cpus.server());
        redis.flush();
        try {
            return run.run(redis);
        } finally {
            redis.flush();
        }
    }

    /** Adds the latency and capacity rows of one workload; {@code peer} may be null (not measured). */
    void addRows(String row, String workload, Result ore, Result peer) {
        Measured p = peer == null ? null : peer.measured();
        String peerSettings = peer == null ? "" : peer.settings();
        table.latency(row, workload, ore.measured().reference(), p == null ? null : p.reference(), noPeer(),
                ore.settings(), peerSettings);
        table.capacity(row, workload, ore.measured().capacity(), p == null ? null : p.capacity(), noPeer(),
                ore.settings(), peerSettings);
    }

    private String noPeer() {
        return "not measured (" + redisWhy + ")";
    }

    /**
     * The defaults with {@code extra} ORE_* overrides (keys without the prefix), a cluster name of
     * its own and a free member port.
     */
    OreConfig config(String row, Map<String, String> extra) {
        Map<String, String> o = new HashMap<>(extra);
        o.put("CLUSTER_NAME", "compare-" + row + "-" + UUID.randomUUID().toString().substring(0, 8));
        o.put("MEMBER_PORT", Integer.toString(ChildJvm.freePort()));
        return OreConfig.defaults().with(o);
    }

    /** @return settings text of a side: its callers and batching, or its operations in flight */
    String syncSettings(Side s, Cpus.Arrangement a) {
        if (s.isAsync()) {
            return String.format(Locale.ROOT, "asynchronous calls, at most %d in flight (as many as the peer's"
                    + " pipelines hold); %s", s.callers(), Cpus.describe(a));
        }
        return String.format(Locale.ROOT, "%d callers, %s; %s", s.callers(),
                s.maxBatch() > 1 ? "pipelines of up to " + s.maxBatch() + " due operations" : "one operation per call",
                Cpus.describe(a));
    }
}
