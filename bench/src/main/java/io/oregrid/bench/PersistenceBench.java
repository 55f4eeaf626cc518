package io.oregrid.bench;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.motion.Fix;
import io.oregrid.grid.motion.MotionResult;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.GridConfigFactory;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.game.CoinService;
import io.oregrid.node.game.GameServices;
import io.oregrid.node.game.CollectOutcome;
import io.oregrid.node.game.GameRules;
import io.oregrid.node.game.LocationService;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The storage path under load, in one run on one embedded member (no HTTP: the figures are the
 * grid's and PostgreSQL's): collections per second with persistence on (the collections ledger) and off (and their ratio),
 * then location-history rows per second through the batched path (accepted fixes until their rows
 * are all in {@code location_history}).
 *
 * <p>Database: {@code ORE_BENCH_DB_URL} / {@code _USER} / {@code _PASSWORD}, by default the test
 * database of {@code scripts/ensure-postgres.sh}; the run works in a schema of its own and drops it.
 * Arguments: {@code [players] [threads] [fixesPerPlayer]} (defaults 40, 8, 25). Load generator,
 * member and PostgreSQL share the machine's CPUs.
 */
public final class PersistenceBench {
    private static final double LAT = -10.9393, LNG = -37.0627;
    private static final int COINS_PER_CELL = 40;

    private final int players;
    private final int threads;
    private final int fixesPerPlayer;
    private BenchDatabase db;

    private PersistenceBench(int players, int threads, int fixesPerPlayer) {
        this.players = players;
        this.threads = threads;
        this.fixesPerPlayer = fixesPerPlayer;
    }

    /** Runs the benchmark and prints the figures. */
    public static void main(String[] args) throws Exception {
        int players = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int fixes = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        new PersistenceBench(players, threads, fixes).run(System.out);
    }

    private void run(PrintStream out) throws Exception {
        try (BenchDatabase opened = new BenchDatabase()) {
            db = opened;
            out.printf(Locale.ROOT, "persistence bench: %d players x %d coins, %d threads, schema %s%n",
                    players, COINS_PER_CELL, threads, db.schema);
            double off = collectionsPerSecond(false);
            double on = collectionsPerSecond(true);
            out.printf(Locale.ROOT, "collections/s  write-through off (memory): %,10.0f%n", off);
            out.printf(Locale.ROOT, "collections/s  write-through on  (postgres): %,10.0f%n", on);
            out.printf(Locale.ROOT, "ratio on/off: %.3f (%.1fx slower)%n", on / off, off / on);
            long[] history = historyRows(out);
            out.printf(Locale.ROOT, "history: %,d accepted fixes at %,.0f fixes/s (grid), %,d rows in %.2f s -> %,.0f rows/s"
                            + " through the batched path%n", history[0], history[0] * 1000.0 / history[1], history[2],
                    history[3] / 1000.0, history[2] * 1000.0 / history[3]);
        }
    }

    private OreConfig config(boolean persistent) {
        Map<String, String> o = new HashMap<>();
        o.put("CLUSTER_NAME", "bench-" + UUID.randomUUID());
        o.put("MEMBER_PORT", "5901");
        o.put("COIN_DENSITY_PER_CELL", Integer.toString(COINS_PER_CELL));
        o.put("COIN_TTL_S", "86400");
        o.put("HISTORY_FLUSH_INTERVAL_S", "1");
        o.put("LOCATION_MAX_UPDATES_PER_MINUTE", "100000");
        if (persistent) {
            o.putAll(db.nodeSettings());
        }
        return OreConfig.defaults().with(o);
    }

    /** Every player collects every coin of their own cell, {@code threads} players at a time. */
    private double collectionsPerSecond(boolean persistent) throws Exception {
        OreConfig cfg = config(persistent);
        HazelcastInstance member = Hazelcast.newHazelcastInstance(GridConfigFactory.memberConfig(cfg));
        try {
            AtomicLong now = new AtomicLong(System.currentTimeMillis());
            GameClock clock = now::get;
            GameRules rules = GameRules.from(cfg);
            GameServices game = GameServices.create(member, cfg, clock);
            LocationService location = game.location();
            CoinService coins = game.coins();
            String run = persistent ? "on" : "off";
            List<Coin[]> cellsCoins = new ArrayList<>();
            long epoch = rules.spawn().epochOf(now.get());
            for (int p = 0; p < players; p++) {
                MotionResult r = location.update(run + p, run + p, new Fix(LAT + p * 0.01, LNG, 5, now.get(), null, null), 0)
                        .toCompletableFuture().join();
                cellsCoins.add(java.util.Arrays.copyOf(game.templates().of(r.cellToken(), epoch), rules.spawn().density()));
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            List<Future<Long>> done = new ArrayList<>();
            for (int p = 0; p < players; p++) {
                String player = run + p;
                Coin[] cell = cellsCoins.get(p);
                done.add(pool.submit(() -> {
                    long credited = 0;
                    for (int i = 0; i < cell.length; i++) {
                        if (coins.collect(player, cell[i].id(), "k" + i, 1.0, 1e6, 0).toCompletableFuture().join().status() == CollectOutcome.Status.CREDITED) {
                            credited++;
                        }
                    }
                    return credited;
                }));
            }
            long credited = 0;
            for (Future<Long> f : done) {
                credited += f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            return credited / seconds;
        } finally {
            member.shutdown();
        }
    }

    /** @return {accepted fixes, ms to accept them, rows, ms from the first fix until every row was in the table} */
    private long[] historyRows(PrintStream out) throws Exception {
        OreConfig cfg = config(true);
        HazelcastInstance member = Hazelcast.newHazelcastInstance(GridConfigFactory.memberConfig(cfg));
        try {
            AtomicLong now = new AtomicLong(System.currentTimeMillis());
            GameRules rules = GameRules.from(cfg);
            GameServices game = GameServices.create(member, cfg, now::get);
            LocationService location = game.location();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            long accepted = 0;
            for (int round = 0; round < fixesPerPlayer; round++) {
                long t = now.addAndGet(30_000);
                double lat = LAT + round * 1e-4;
                List<Future<Boolean>> done = new ArrayList<>();
                for (int p = 0; p < players * 5; p++) {
                    String player = "h" + p;
                    double lng = LNG + p * 0.001;
                    done.add(pool.submit(() -> location.update(player, player, new Fix(lat, lng, 5, t, null, null), 0)
                            .toCompletableFuture().join().accepted()));
                }
                for (Future<Boolean> f : done) {
                    accepted += f.get() ? 1 : 0;
                }
            }
            long acceptedMs = (System.nanoTime() - start) / 1_000_000;
            pool.shutdown();
            long rows;
            do {
                rows = db.count("SELECT count(*) FROM " + db.schema + ".location_history WHERE player_id LIKE 'h%'");
            } while (rows < accepted && (System.nanoTime() - start) / 1_000_000 < 120_000);
            long allMs = (System.nanoTime() - start) / 1_000_000;
            out.printf(Locale.ROOT, "  (%d players x %d fixes)%n", players * 5, fixesPerPlayer);
            return new long[]{accepted, acceptedMs, rows, allMs};
        } finally {
            member.shutdown();
        }
    }
}
