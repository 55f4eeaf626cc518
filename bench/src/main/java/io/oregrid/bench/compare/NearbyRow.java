package io.oregrid.bench.compare;

import io.oregrid.grid.motion.Fix;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.game.GameRules;
import io.oregrid.node.game.GameServices;
import io.oregrid.node.game.LocationService;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.cell.CellPresence;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.args.GeoUnit;
import redis.clients.jedis.params.GeoSearchParam;
import redis.clients.jedis.resps.GeoRadiusResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Row 2: players near a player, at 100 m and 1 km, among 100,000 players placed on Go!Track points.
 * ORE: {@link LocationService#nearbyPlayers} — an S2 covering of the radius at the game level, the
 * cells' presence ({@code getAll}), exact distances, sorted. Redis: {@code GEOSEARCH FROMMEMBER
 * BYRADIUS ASC WITHDIST} on one geo set. Shared arrangement (ORE embedded). Seed target: &lt; 50 ms
 * (seed 000 §10, Realtime Engine latency), read as p99.
 */
final class NearbyRow {
    static final double P99_TARGET_MS = 50;
    private static final int MAX_RATE = 50_000;

    private NearbyRow() {
    }

    static void run(Bench b) throws Exception {
        b.out.println("row 2: nearby players");
        int players = b.opt.nearbyPlayers;
        double[][] at = PlayerPositions.of(players);
        String input = String.format(Locale.ROOT, "%,d players on %,d GoTrack points (±25 m jitter)", players,
                PlayerPositions.points());
        OreConfig cfg = b.config("nearby", Map.of("NEARBY_STALE_S", "86400")); // placed once, read for minutes
        GameRules rules = GameRules.from(cfg);
        double[] radii = {100, 1000};
        List<Bench.Result> ore = b.onMember(cfg, member -> {
            GameServices game = GameServices.create(member, cfg, GameClock.system());
            LocationService location = game.location();
            place(b, member, location, at);
            List<Bench.Result> results = new ArrayList<>();
            for (double radius : radii) {
                LongAdder found = new LongAdder();
                Side side = Side.sync(String.format(Locale.ROOT, "2 ORE nearby %.0f m", radius), b.opt.callers, (seq, n) -> {
                    for (long i = seq; i < seq + n; i++) {
                        found.add(location.nearbyPlayers("n" + caller(i, players), radius).size());
                    }
                });
                Bench.Measured m = b.measure(side, rate(b, radius), P99_TARGET_MS, MAX_RATE, Bench.THIS_JVM);
                results.add(new Bench.Result(m, String.format(Locale.ROOT, "LocationService.nearbyPlayers: S2 level-%d"
                                + " covering + cells getAll + exact distance, sorted, embedded member; %s; mean %.1f found; ",
                        rules.cellLevel(), input, found.sum() / (double) Math.max(1, side.seq().get()))
                        + b.syncSettings(side, Cpus.Arrangement.SHARED)));
            }
            game.close();
            return results;
        });
        List<Bench.Result> red = b.onRedis(Cpus.Arrangement.SHARED, redis -> {
            try (Jedis j = redis.pool().getResource()) {
                Pipeline pl = j.pipelined();
                for (int p = 0; p < players; p++) {
                    pl.geoadd("near", at[p][1], at[p][0], "n" + p);
                }
                pl.sync();
            }
            List<Bench.Result> results = new ArrayList<>();
            for (double radius : radii) {
                LongAdder found = new LongAdder();
                Side side = Side.pipelined(String.format(Locale.ROOT, "2 Redis nearby %.0f m", radius), b.opt.callers,
                        b.opt.batch, (seq, n) -> {
                            try (Jedis j = redis.pool().getResource()) {
                                Pipeline pl = j.pipelined();
                                List<Response<List<GeoRadiusResponse>>> rs = new ArrayList<>(n);
                                for (long i = seq; i < seq + n; i++) {
                                    rs.add(pl.geosearch("near", GeoSearchParam.geoSearchParam().fromMember("n" + caller(i, players))
                                            .byRadius(radius, GeoUnit.M).asc().withDist()));
                                }
                                pl.sync();
                                for (Response<List<GeoRadiusResponse>> r : rs) {
                                    found.add(Math.max(0, r.get().size() - 1)); // the caller is in its own answer
                                }
                            }
                        });
                Bench.Measured m = b.measure(side, rate(b, radius), P99_TARGET_MS, MAX_RATE, null);
                results.add(new Bench.Result(m, redis.describe() + String.format(Locale.ROOT, ", Jedis 5.2.0; GEOSEARCH"
                                + " FROMMEMBER BYRADIUS ASC WITHDIST on one geo set; %s; mean %.1f found (caller excluded); ",
                        input, found.sum() / (double) Math.max(1, side.seq().get())) + b.syncSettings(side, Cpus.Arrangement.SHARED)));
            }
            return results;
        });
        for (int k = 0; k < radii.length; k++) {
            b.addRows("2", String.format(Locale.ROOT, "nearby players, radius %,.0f m", radii[k]), ore.get(k),
                    red == null ? null : red.get(k));
        }
    }

    private static int rate(Bench b, double radius) {
        return radius >= 1000 ? Math.max(1, b.opt.nearbyRate / 3) : b.opt.nearbyRate;
    }

    /** @return the asking player of operation {@code i}: a fixed pseudo-random walk over all players */
    private static long caller(long i, int players) {
        return (i * 104_729L) % players;
    }

    /** Places every player with one accepted fix (4 threads) and waits until every presence is written. */
    static void place(Bench b, HazelcastInstance member, LocationService location, double[][] at) throws InterruptedException {
        long start = System.nanoTime();
        Parallel.forEach(at.length, 4, p -> location.update("n" + p, "n", new Fix(at[p][0], at[p][1], 5,
                System.currentTimeMillis(), null, null), 0).toCompletableFuture().join());
        IMap<String, CellPresence> presence = member.getMap(GridMaps.CELL_PRESENCE);
        while (presence.values().stream().mapToLong(c -> c.present().length).sum() < at.length) {
            Thread.sleep(50); // the presence follows each accepted fix detached
        }
        b.out.printf(Locale.ROOT, "  placed %,d players in ORE in %.1f s%n", at.length, (System.nanoTime() - start) / 1e9);
    }
}
