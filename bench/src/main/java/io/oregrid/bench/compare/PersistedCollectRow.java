package io.oregrid.bench.compare;

import io.oregrid.bench.BenchDatabase;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.game.GameServices;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Rows 3p and 1p (issue #11 item 7): the collect with persistence on, beside row 3's in-memory
 * collect, and whether location updates keep their capacity while persisted collects run. One
 * embedded member persisting into a PostgreSQL schema of its own ({@link BenchDatabase}): row 3's
 * workload, each credit written to the collections ledger before the grid applies it; then row 1's
 * location workload on the same member, alone and with those collects running in the background at
 * half their capacity. Without PostgreSQL both rows read "not measured" and say why.
 */
final class PersistedCollectRow {
    private PersistedCollectRow() {
    }

    /** @param inMemory row 3's ORE result, the peer of row 3p */
    static void run(Bench b, Bench.Result inMemory) throws Exception {
        b.out.println("row 3p/1p: collect with persistence on; location updates while it runs");
        BenchDatabase db;
        try {
            db = new BenchDatabase();
        } catch (java.sql.SQLException e) {
            String why = "PostgreSQL not reachable: " + e.getMessage();
            b.out.println("  " + why);
            b.table.add("3p", "idempotent collect, persistence on", "-", "not measured (" + why + ")", "-", "-", "", "");
            return;
        }
        try (db) {
            Map<String, String> settings = new HashMap<>(CollectRow.settings());
            settings.putAll(db.nodeSettings());
            settings.put("ANTICHEAT_MAX_FIX_AGE_S", "86400");
            settings.put("LOCATION_MAX_UPDATES_PER_MINUTE", "100000");
            OreConfig cfg = b.config("persisted", settings);
            FixFeed fixes = new FixFeed(b.opt.locationPlayers, System.currentTimeMillis() - TimeUnit.HOURS.toMillis(23));
            b.onMember(cfg, member -> {
                try (GameServices game = GameServices.create(member, cfg, GameClock.system())) {
                    measure(b, db, game, fixes, inMemory);
                }
                return null;
            });
        }
    }

    private static void measure(Bench b, BenchDatabase db, GameServices game, FixFeed fixes, Bench.Result inMemory)
            throws Exception {
        List<CollectRow.Job> jobs = new ArrayList<>();
        LongAdder credited = new LongAdder();
        LongAdder other = new LongAdder();
        Side collects = Side.async("3p ORE persisted", b.opt.callers * b.opt.batch,
                CollectRow.workload(game, jobs, credited, other));
        // the embedded rows before have compiled the code; the measured figures start cold only in PostgreSQL
        b.driver.warmUp(collects, b.opt.warmupS);
        Bench.Measured persisted = b.measure(collects, b.opt.collectRate, CollectRow.P99_TARGET_MS, 200_000, null);
        String db0 = rows(db);
        b.addRows("3p", "idempotent collect, persistence on (peer: row 3's ORE in memory)", new Bench.Result(persisted,
                "row 3's workload on an embedded member persisting into PostgreSQL (own schema): CreditCoinProcessor"
                        + " offloaded to the collections-ledger executor, which writes coin_collections + players in one"
                        + " transaction before the grid applies the credit; player-motion and history write-behind; "
                        + String.format(Locale.ROOT, "credited %,d, refused %,d; %s; ", credited.sum(), other.sum(), db0)
                        + b.syncSettings(collects, Cpus.Arrangement.SHARED)), inMemory);

        LocationRow.Outcomes o = new LocationRow.Outcomes();
        Side walks = Side.async("1p ORE location", b.opt.callers * b.opt.batch,
                LocationRow.oreWorkload(game.location(), fixes, "m", o));
        b.driver.warmUp(walks, b.opt.warmupS);
        Bench.Measured alone = b.measure(walks, b.opt.locationRate, LocationRow.P99_TARGET_MS, 400_000, null);
        int background = persisted.capacity().best() == null ? b.opt.collectRate
                : Math.max(1, persisted.capacity().best().offered() / 2);
        long before = credited.sum();
        long t0 = System.nanoTime();
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try {
                while (!stop.get()) {
                    b.driver.fixedRate(collects, background, 2, false);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Bench.Measured under;
        try {
            under = b.measure(walks, b.opt.locationRate, LocationRow.P99_TARGET_MS, 400_000, null);
        } finally {
            stop.set(true);
            running.join();
        }
        double collectRate = (credited.sum() - before) / ((System.nanoTime() - t0) / 1e9);
        String common = "row 1's workload (LocationService.update, per-player limit raised) on the row-3p member; "
                + o + "; " + b.syncSettings(walks, Cpus.Arrangement.SHARED);
        b.addRows("1p", String.format(Locale.ROOT, "location update while persisted collects run at %,d/s offered"
                        + " (peer: the same member without them)", background),
                new Bench.Result(under, common + String.format(Locale.ROOT, "; collects credited meanwhile %,.0f/s", collectRate)),
                new Bench.Result(alone, common));
    }

    private static String rows(BenchDatabase db) throws java.sql.SQLException {
        return String.format(Locale.ROOT, "PostgreSQL rows: coin_collections %,d, sum(balance) = sum(credited): %s",
                db.count("SELECT count(*) FROM " + db.schema + ".coin_collections"),
                db.count("SELECT (SELECT coalesce(sum(balance), 0) FROM " + db.schema + ".players) - (SELECT coalesce(sum("
                        + "credited), 0) FROM " + db.schema + ".coin_collections)") == 0 ? "yes" : "NO");
    }
}
