package io.oregrid.bench.compare;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.cell.CellPresence;
import io.oregrid.grid.motion.Fix;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.GridConfigFactory;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.game.GameRules;
import io.oregrid.node.game.GameServices;
import jdk.jfr.consumer.RecordingStream;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Row 6, run in a child JVM of its own (so nothing else is on its heap) once per collector: heap per
 * player and per coin after a full GC, then GC pauses under a steady location load.
 *
 * <ol>
 *   <li>{@code players} players are placed with one accepted fix each on Go!Track points (motion
 *       entry, one-fix history, presence in their cell, outcome record): heap after GC minus the heap
 *       before, over the players;</li>
 *   <li>coins are derived, not stored: what they cost is the node's cache of derived coins
 *       ({@code CoinTemplates}, the spawn sequence of each occupied cell): the heap it adds, over the
 *       live coins of those cells ({@code ORE_COIN_DENSITY_PER_CELL} each);</li>
 *   <li>location updates of the row-1 feed at {@code rate}/s for {@code seconds} (up to 1,600 asynchronous calls in flight, open
 *       loop); every GC pause in that window is taken from JFR ({@code jdk.GCPhasePause}).</li>
 * </ol>
 * Prints one line {@code RESULT key=value ...} that {@link MemoryRow} reads.
 *
 * <p>Arguments: {@code label players rate seconds warmupSeconds format} ({@code label} names the run in
 * the result; {@code seconds} 0 skips the load; {@code format} sets {@code ORE_GRID_IN_MEMORY_FORMAT}).
 */
public final class MemoryProbe {

    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        String label = args[0];
        int players = Integer.parseInt(args[1]);
        int rate = Integer.parseInt(args[2]);
        double seconds = Double.parseDouble(args[3]);
        int warmupS = Integer.parseInt(args[4]);
        PrintStream out = System.out;
        double[][] at = PlayerPositions.of(players);
        OreConfig base = OreConfig.defaults().with(Map.of("CLUSTER_NAME", "probe-" + System.nanoTime(),
                "MEMBER_PORT", Integer.toString(io.oregrid.bench.ChildJvm.freePort()), "ANTICHEAT_MAX_FIX_AGE_S", "86400",
                "LOCATION_MAX_UPDATES_PER_MINUTE", "100000",
                "NEARBY_STALE_S", "86400"));
        OreConfig cfg = base.with(Map.of("GRID_IN_MEMORY_FORMAT", args[5]));
        GameRules withCoins = GameRules.from(cfg);
        HazelcastInstance member = Hazelcast.newHazelcastInstance(GridConfigFactory.memberConfig(cfg));
        try (GameServices game = GameServices.create(member, cfg, GameClock.system())) {
            long heap0 = heapAfterGc();
            long now = System.currentTimeMillis();
            Parallel.forEach(players, 4, p -> game.location().update("p" + p, "p", new Fix(at[p][0], at[p][1], 8, now,
                    null, null), 0).toCompletableFuture().join());
            IMap<String, CellPresence> cells = member.getMap(GridMaps.CELL_PRESENCE);
            while (cells.values().stream().mapToLong(c -> c.present().length).sum() < players) {
                Thread.sleep(50); // presence follows detached
            }
            long heap1 = heapAfterGc();

            List<String> tokens = new ArrayList<>(cells.keySet());
            long epoch = withCoins.spawn().epochOf(System.currentTimeMillis());
            Object[] cache = new Object[tokens.size()];
            for (int i = 0; i < tokens.size(); i++) {
                cache[i] = game.templates().of(tokens.get(i), epoch);
            }
            long coins = (long) tokens.size() * withCoins.spawn().density();
            long heap2 = heapAfterGc();

            // GC pauses under the location load of row 1 (its own players, so the placed ones stay as they are)
            FixFeed fixes = new FixFeed(10_000, System.currentTimeMillis() - TimeUnit.HOURS.toMillis(23));
            Side side = Side.async("6 location load", 1600, LocationRow.oreWorkload(game.location(), fixes, "g",
                    new LocationRow.Outcomes()));
            LoadDriver driver = new LoadDriver(out);
            Histogram pauses = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
            long[] stalls = new long[2]; // ZGC allocation stalls: count, total µs
            RatePoint load = null;
            if (seconds > 0) {
                driver.ceiling(side, warmupS); // JIT to steady state
                driver.fixedRate(side, rate, 3, false);
                try (RecordingStream rs = new RecordingStream()) {
                    rs.enable("jdk.GCPhasePause");
                    rs.enable("jdk.ZAllocationStall");
                    rs.onEvent("jdk.GCPhasePause", e -> {
                        synchronized (pauses) {
                            pauses.recordValue(Math.max(1, e.getDuration().toNanos() / 1000));
                        }
                    });
                    rs.onEvent("jdk.ZAllocationStall", e -> {
                        synchronized (stalls) {
                            stalls[0]++;
                            stalls[1] += e.getDuration().toNanos() / 1000;
                        }
                    });
                    rs.startAsync();
                    load = driver.fixedRate(side, rate, seconds, true);
                    Thread.sleep(1500); // let the stream deliver the last events
                }
            }
            out.printf(Locale.ROOT, "RESULT run=%s format=%s players=%d cells=%d coins=%d heapBase=%d perPlayer=%.1f perCoin=%.1f"
                            + " pauses=%d pauseP50Us=%d pauseP99Us=%d pauseMaxUs=%d stalls=%d stallUs=%d loadRate=%d"
                            + " loadP99Us=%d%n",
                    label, cfg.gridInMemoryFormat(), players, tokens.size(), coins, heap0,
                    (heap1 - heap0) / (double) players, coins == 0 ? 0 : (heap2 - heap1) / (double) coins,
                    pauses.getTotalCount(), pauses.getValueAtPercentile(50), pauses.getValueAtPercentile(99),
                    pauses.getMaxValue(), stalls[0], stalls[1], rate, load == null ? 0 : load.latencyUs().getValueAtPercentile(99));
            out.println("derived-coin cache entries kept alive: " + cache.length);
        } finally {
            member.shutdown();
        }
        System.exit(0);
    }

    /** @return heap in use after a full collection (the least of three, to settle), bytes */
    private static long heapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
