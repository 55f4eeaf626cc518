package io.oregrid.bench;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.GridSerialization;
import io.oregrid.grid.cell.CellState;
import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.motion.AntiCheatRules;
import io.oregrid.grid.motion.Fix;
import io.oregrid.grid.motion.MotionResult;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.GridConfigFactory;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.game.CoinService;
import io.oregrid.node.game.CollectOutcome;
import io.oregrid.node.game.GameRules;
import io.oregrid.node.game.LocationService;
import io.oregrid.node.traces.GoTrackTraces;
import io.oregrid.node.traces.TracePoint;
import io.oregrid.node.traces.Trip;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.args.GeoUnit;
import redis.clients.jedis.params.GeoSearchParam;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Issue #7: ORE Grid side by side with Redis on the same input, in one process run, printed as one
 * Markdown table (workload, ORE figure, peer figure, ratio ORE/peer, settings of both).
 *
 * <p>ORE side: one embedded member in this JVM (and, for row 1, a Hazelcast client over loopback),
 * the real services ({@link LocationService}, {@link CoinService}). Peer: Redis on 127.0.0.1:6379
 * through Jedis — Lua scripts (EVALSHA) for the read-check-write steps, pipelines for throughput.
 * If Redis is installed and not running it is started ({@code redis-server --daemonize yes}, no
 * persistence) and said so; if it cannot be, the peer column reads "not measured (no Redis)".
 *
 * <p>Two figures per workload: latency p50/p99 at a fixed offered rate (each operation has an
 * intended start time on a fixed schedule; latency is measured from that time, so a stall is
 * charged to every operation queued behind it — coordinated-omission-correct, HdrHistogram), and
 * throughput (ORE: {@code threads} closed-loop callers; Redis: pipelines of {@code batch}).
 * Load generator, member and Redis share the machine's CPUs.
 *
 * <p>Rows: 1 location update with anti-cheat, 2 nearby players (100 m, 1 km), 3 idempotent collect,
 * 4 leaderboard score update and top-100 read; 5 (HTTP ceiling) and 6 (memory) print "not measured yet".
 *
 * <p>Arguments: {@code [--quick] [--seconds N] [--threads N]}.
 */
public final class CompareBench {
    private static final String NOT_YET = "not measured yet";
    private static final double LAT = -10.9393, LNG = -37.0627;

    private boolean quick;
    private int warmupS = 5;
    private int seconds = 30;
    private int threads = 16;
    private int batch = 100;
    private int locationPlayers = 10_000;
    private int locationRate = 3_000;
    private int nearbyPlayers = 100_000;
    private int nearbyRate = 500;
    private int collectRate = 2_000;
    private int throughputOps = 100_000;
    private int boardPlayers = 100_000;
    private int boardUpdateRate = 2_000;
    private int boardReadRate = 5;

    private final String prefix = "ob:" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private final List<String[]> table = new ArrayList<>();
    private JedisPool redis;
    private String redisNote;

    /** Runs the comparison and prints the table. */
    public static void main(String[] args) throws Exception {
        CompareBench b = new CompareBench();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> {
                    b.quick = true; b.warmupS = 2; b.seconds = 8; b.locationPlayers = 5_000; b.locationRate = 2_000;
                    b.nearbyPlayers = 100_000; b.nearbyRate = 300; b.collectRate = 1_000; b.throughputOps = 20_000;
                    b.boardPlayers = 10_000; b.boardReadRate = 20;
                }
                case "--help", "-h" -> {
                    System.out.println("usage: ./ore bench [--quick] [--seconds N] [--threads N]  (see bench/README.md, CompareBench)");
                    return;
                }
                case "--seconds" -> b.seconds = Integer.parseInt(args[++i]);
                case "--threads" -> b.threads = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (--quick --seconds N --threads N)");
            }
        }
        b.run(System.out);
        System.exit(0);
    }

    private void run(PrintStream out) throws Exception {
        out.printf(Locale.ROOT, "compare bench%s: %d cores, max heap %d MB, %d s warm-up + %d s measured per latency figure,"
                        + " %d caller threads, Redis pipelines of %d%n", quick ? " --quick" : "",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, warmupS, seconds,
                threads, batch);
        redisNote = connectRedis();
        out.println("redis: " + redisNote);
        try {
            locationRow(out);
            collectRow(out);
            nearbyRow(out);
            leaderboardRow(out);
        } finally {
            if (redis != null) {
                cleanRedis();
                redis.close();
            }
        }
        add("5", "HTTP ceiling: POST /api/v1/location/update vs bare Javalin", "-", NOT_YET, NOT_YET, "", "", "");
        add("6", "memory: heap per player / per coin at 100k, GC p99 under load", "-", NOT_YET, NOT_YET, "", "", "");
        out.println();
        out.println("| row | workload | figure | ORE | Redis | ORE/Redis | ORE settings | Redis settings |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (String[] r : table) {
            out.println("| " + String.join(" | ", r) + " |");
        }
        out.println();
        out.println("ratio: for latencies below 1 means ORE is faster; for throughput above 1 means ORE is faster.");
    }

    // ---------------------------------------------------------------- row 1: location update + anti-cheat

    private static final String LOCATION_LUA = """
            local last = redis.call('HMGET', KEYS[1], 'lat', 'lng', 'ts', 'v')
            local lat, lng, acc, ts = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            if ts - now > tonumber(ARGV[10]) then return -4 end
            if last[1] then
              local pts = tonumber(last[3])
              if ts < pts then return -1 end
              if ts == pts then
                if lat == tonumber(last[1]) and lng == tonumber(last[2]) then return 2 end
                return -1
              end
            end
            if now - ts > tonumber(ARGV[9]) then return -5 end
            if acc > tonumber(ARGV[8]) then return -6 end
            local v = 0
            if last[1] then
              local plat, plng, pts, pv = tonumber(last[1]), tonumber(last[2]), tonumber(last[3]), tonumber(last[4])
              local r = math.pi / 180
              local a = math.sin((lat - plat) * r / 2) ^ 2 + math.cos(plat * r) * math.cos(lat * r) * math.sin((lng - plng) * r / 2) ^ 2
              local d = 2 * 6371010 * math.asin(math.min(1, math.sqrt(a)))
              local dt = (ts - pts) / 1000
              v = d / dt
              if v > tonumber(ARGV[6]) then return -2 end
              if math.abs(v - pv) / dt > tonumber(ARGV[7]) then return -3 end
            end
            redis.call('HSET', KEYS[1], 'lat', ARGV[2], 'lng', ARGV[3], 'ts', ARGV[5], 'v', tostring(v))
            redis.call('GEOADD', KEYS[2], lng, lat, ARGV[1])
            return 1
            """;

    private void locationRow(PrintStream out) throws Exception {
        List<List<TracePoint>> trips = new ArrayList<>();
        for (Trip t : GoTrackTraces.load()) {
            List<TracePoint> kept = GoTrackTraces.cadence(t, GoTrackTraces.CLIENT_CADENCE_MS);
            if (kept.size() >= 4) {
                trips.add(kept);
            }
        }
        int players = locationPlayers;
        long base = System.currentTimeMillis() - TimeUnit.HOURS.toMillis(20);
        // fix k of player p: point k of its trip (from a per-player start), 30 s after fix k-1; identical on both sides
        java.util.function.LongFunction<Fix> fixOf = seq -> {
            int p = (int) (seq % players);
            long k = seq / players;
            List<TracePoint> trip = trips.get(p % trips.size());
            TracePoint tp = trip.get((int) ((p / trips.size() + k) % trip.size()));
            return new Fix(tp.lat(), tp.lng(), 10, base + k * GoTrackTraces.CLIENT_CADENCE_MS, null, null);
        };
        OreConfig cfg = config("location", Map.of("ANTICHEAT_MAX_FIX_AGE_S", "86400"));
        GameRules rules = GameRules.from(cfg);
        AntiCheatRules ac = rules.antiCheat();
        String settings = String.format(Locale.ROOT, "%,d players on %d GoTrack trips, fixes 30 s apart; anti-cheat %.0f km/h,"
                + " %.0f m/s²", players, trips.size(), ac.maxSpeedMs() * 3.6, ac.maxAccelerationMs2());
        HazelcastInstance member = Hazelcast.newHazelcastInstance(GridConfigFactory.memberConfig(cfg));
        HazelcastInstance client = null;
        try {
            LocationService embedded = new LocationService(member, rules, GameClock.system(), cfg.historyPerPlayer());
            AtomicLong seq = new AtomicLong();
            LongAdder accepted = new LongAdder();
            Op ore = (s, n) -> {
                for (long i = s; i < s + n; i++) {
                    if (embedded.update("m" + (i % players), "m", fixOf.apply(i)).accepted()) {
                        accepted.increment();
                    }
                }
            };
            Figures emb = measure(out, "1 ORE embedded", locationRate, seq, ore, threads, 1);
            String oreSet = "UpdateMotionProcessor + cell presence + history append, embedded member; " + settings
                    + String.format(Locale.ROOT, "; accepted %,d/%,d", accepted.sum(), seq.get());

            ClientConfig cc = new ClientConfig();
            cc.setClusterName(cfg.clusterName());
            cc.setProperty("hazelcast.logging.type", "none");
            cc.getNetworkConfig().addAddress("127.0.0.1:" + member.getCluster().getLocalMember().getAddress().getPort());
            GridSerialization.apply(cc.getSerializationConfig());
            client = HazelcastClient.newHazelcastClient(cc);
            LocationService remote = new LocationService(client, rules, GameClock.system(), cfg.historyPerPlayer());
            LongAdder clientAccepted = new LongAdder();
            AtomicLong clientSeq = new AtomicLong();
            Op oreClient = (s, n) -> {
                for (long i = s; i < s + n; i++) {
                    if (remote.update("k" + (i % players), "k", fixOf.apply(i)).accepted()) {
                        clientAccepted.increment();
                    }
                }
            };
            Figures cli = measure(out, "1 ORE client", locationRate, clientSeq, oreClient, threads, 1);
            String cliSet = "same processors through a Hazelcast client over 127.0.0.1; " + settings
                    + String.format(Locale.ROOT, "; accepted %,d/%,d", clientAccepted.sum(), clientSeq.get());

            Figures red = null;
            String redSet = "";
            if (redis != null) {
                String sha = load(LOCATION_LUA);
                String geo = prefix + "geo:loc";
                List<String> fixed = List.of(Double.toString(ac.maxSpeedMs()), Double.toString(ac.maxAccelerationMs2()),
                        Double.toString(ac.maxAccuracyM()), Long.toString(ac.maxFixAgeMs()), Long.toString(ac.maxClockSkewMs()));
                LongAdder redisAccepted = new LongAdder();
                AtomicLong redisSeq = new AtomicLong();
                java.util.function.LongFunction<List<String>> argsOf = i -> {
                    Fix f = fixOf.apply(i);
                    List<String> a = new ArrayList<>(List.of("r" + (i % players), Double.toString(f.lat()),
                            Double.toString(f.lng()), Double.toString(f.accuracyM()), Long.toString(f.timestampMs())));
                    a.addAll(fixed);
                    return a;
                };
                Op peer = (s, n) -> {
                    try (Jedis j = redis.getResource()) {
                        if (n == 1) {
                            if (((Long) j.evalsha(sha, List.of(prefix + "fix:r" + (s % players), geo), argsOf.apply(s))) == 1L) {
                                redisAccepted.increment();
                            }
                            return;
                        }
                        Pipeline p = j.pipelined();
                        List<redis.clients.jedis.Response<Object>> rs = new ArrayList<>();
                        for (long i = s; i < s + n; i++) {
                            rs.add(p.evalsha(sha, List.of(prefix + "fix:r" + (i % players), geo), argsOf.apply(i)));
                        }
                        p.sync();
                        for (var r : rs) {
                            if (((Long) r.get()) == 1L) {
                                redisAccepted.increment();
                            }
                        }
                    }
                };
                red = measure(out, "1 Redis", locationRate, redisSeq, peer, threads, batch);
                redSet = "Lua EVALSHA: HMGET last fix, time/accuracy/speed/acceleration checks, HSET fix, GEOADD; " + settings
                        + String.format(Locale.ROOT, "; accepted %,d/%,d", redisAccepted.sum(), redisSeq.get());
            }
            addPair("1", "location update with anti-cheat (embedded)", emb, red, oreSet, redSet);
            addPair("1", "location update with anti-cheat (client over loopback)", cli, red, cliSet, redSet);
        } finally {
            if (client != null) {
                client.shutdown();
            }
            member.shutdown();
        }
    }

    // ---------------------------------------------------------------- row 3: idempotent collect

    private static final String COLLECT_LUA = """
            local prior = redis.call('GET', KEYS[3])
            if prior then
              if prior == ARGV[4] then return 2 end
              return -1
            end
            if not redis.call('SET', KEYS[1], ARGV[1], 'NX') then return 0 end
            redis.call('INCRBY', KEYS[2], ARGV[2])
            redis.call('SET', KEYS[3], ARGV[4], 'PX', ARGV[3])
            return 1
            """;

    private record CoinJob(String player, String coinId, int value) {
    }

    private void collectRow(PrintStream out) throws Exception {
        int perCell = 40;
        long needed = (long) collectRate * (warmupS + seconds) * 11 / 10 + throughputOps + 2L * threads * batch;
        int players = (int) (needed / perCell) + 1;
        OreConfig cfg = config("collect", Map.of("COIN_DENSITY_PER_CELL", Integer.toString(perCell), "COIN_TTL_S", "86400"));
        GameRules rules = GameRules.from(cfg);
        HazelcastInstance member = Hazelcast.newHazelcastInstance(GridConfigFactory.memberConfig(cfg));
        try {
            LocationService location = new LocationService(member, rules, GameClock.system(), cfg.historyPerPlayer());
            CoinService coins = new CoinService(member, location, rules, GameClock.system());
            List<CoinJob> jobs = new ArrayList<>();
            long now = System.currentTimeMillis();
            for (int p = 0; p < players; p++) {
                MotionResult r = location.update("c" + p, "c", new Fix(LAT + (p / 200) * 0.01, LNG + (p % 200) * 0.01, 5, now, null, null));
                for (Coin c : member.<String, CellState>getMap(GridMaps.CELLS).get(r.cellToken()).coins()) {
                    jobs.add(new CoinJob("c" + p, c.id(), c.value()));
                }
            }
            // interleave players so that consecutive collects touch different cells and players
            List<CoinJob> order = new ArrayList<>(jobs.size());
            for (int i = 0; i < perCell; i++) {
                for (int p = 0; p < players; p++) {
                    int idx = p * perCell + i;
                    if (idx < jobs.size()) {
                        order.add(jobs.get(idx));
                    }
                }
            }
            String settings = String.format(Locale.ROOT, "%,d players x %d coins, a fresh Idempotency-Key per collect",
                    players, perCell);
            LongAdder credited = new LongAdder();
            AtomicLong seq = new AtomicLong();
            Op ore = (s, n) -> {
                for (long i = s; i < s + n && i < order.size(); i++) {
                    CoinJob j = order.get((int) i);
                    if (coins.collect(j.player(), j.coinId(), "k" + i, 1.0, 1e6).status() == CollectOutcome.Status.CREDITED) {
                        credited.increment();
                    }
                }
            };
            Figures oreF = measure(out, "3 ORE embedded", collectRate, seq, ore, threads, 1);
            String oreSet = "ClaimCoinProcessor (cell) + CreditCoinProcessor (player) + MarkCredited, embedded; " + settings
                    + String.format(Locale.ROOT, "; credited %,d/%,d", credited.sum(), Math.min(seq.get(), order.size()));
            Figures red = null;
            String redSet = "";
            if (redis != null) {
                String sha = load(COLLECT_LUA);
                String ttl = Long.toString(rules.idempotencyKeepMs());
                LongAdder rc = new LongAdder();
                AtomicLong rseq = new AtomicLong();
                Op peer = (s, n) -> {
                    try (Jedis jd = redis.getResource()) {
                        Pipeline p = n > 1 ? jd.pipelined() : null;
                        List<redis.clients.jedis.Response<Object>> rs = new ArrayList<>();
                        for (long i = s; i < s + n && i < order.size(); i++) {
                            CoinJob j = order.get((int) i);
                            List<String> keys = List.of(prefix + "coin:" + j.coinId(), prefix + "bal:" + j.player(),
                                    prefix + "idem:" + j.player() + ":k" + i);
                            List<String> args = List.of(j.player(), Integer.toString(j.value()), ttl, j.coinId());
                            if (p == null) {
                                if (((Long) jd.evalsha(sha, keys, args)) == 1L) {
                                    rc.increment();
                                }
                            } else {
                                rs.add(p.evalsha(sha, keys, args));
                            }
                        }
                        if (p != null) {
                            p.sync();
                            for (var r : rs) {
                                if (((Long) r.get()) == 1L) {
                                    rc.increment();
                                }
                            }
                        }
                    }
                };
                red = measure(out, "3 Redis", collectRate, rseq, peer, threads, batch);
                redSet = "Lua EVALSHA: GET key, SET coin NX, INCRBY balance, SET key PX 24 h; " + settings
                        + String.format(Locale.ROOT, "; credited %,d/%,d", rc.sum(), Math.min(rseq.get(), order.size()));
            }
            addPair("3", "idempotent collect (claim + credit)", oreF, red, oreSet, redSet);
        } finally {
            member.shutdown();
        }
    }

    // ---------------------------------------------------------------- row 2: nearby players

    private void nearbyRow(PrintStream out) throws Exception {
        List<TracePoint> points = new ArrayList<>();
        for (Trip t : GoTrackTraces.load()) {
            points.addAll(t.points());
        }
        int players = nearbyPlayers;
        OreConfig cfg = config("nearby", Map.of());
        GameRules rules = GameRules.from(cfg);
        HazelcastInstance member = Hazelcast.newHazelcastInstance(GridConfigFactory.memberConfig(cfg));
        try {
            LocationService location = new LocationService(member, rules, GameClock.system(), cfg.historyPerPlayer());
            double[][] at = new double[players][];
            for (int p = 0; p < players; p++) {
                TracePoint tp = points.get((int) ((p * 7919L) % points.size()));
                // up to ±~25 m of deterministic jitter so that players on the same trace point do not coincide
                at[p] = new double[]{tp.lat() + ((p * 31L) % 451 - 225) * 1e-6, tp.lng() + ((p * 17L) % 451 - 225) * 1e-6};
            }
            long placeStart = System.nanoTime();
            AtomicLong next = new AtomicLong();
            List<Thread> placers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread th = new Thread(() -> {
                    for (long p = next.getAndIncrement(); p < players; p = next.getAndIncrement()) {
                        location.update("n" + p, "n", new Fix(at[(int) p][0], at[(int) p][1], 5, System.currentTimeMillis(), null, null));
                    }
                });
                th.start();
                placers.add(th);
            }
            for (Thread th : placers) {
                th.join();
            }
            out.printf(Locale.ROOT, "2: placed %,d players in ORE in %.1f s%n", players, (System.nanoTime() - placeStart) / 1e9);
            String geo = prefix + "geo:near";
            if (redis != null) {
                try (Jedis j = redis.getResource()) {
                    Pipeline pl = j.pipelined();
                    for (int p = 0; p < players; p++) {
                        pl.geoadd(geo, at[p][1], at[p][0], "n" + p);
                    }
                    pl.sync();
                }
            }
            for (double radius : new double[]{100, 1000}) {
                LongAdder found = new LongAdder();
                AtomicLong seq = new AtomicLong();
                Op ore = (s, n) -> {
                    for (long i = s; i < s + n; i++) {
                        found.add(location.nearbyPlayers("n" + ((i * 104_729L) % players), radius).size());
                    }
                };
                int rate = radius >= 1000 ? nearbyRate / 3 : nearbyRate;
                String label = String.format(Locale.ROOT, "2 nearby %.0f m", radius);
                Figures oreF = measure(out, label + " ORE", rate, seq, ore, threads, 1);
                String oreSet = String.format(Locale.ROOT, "S2 level-%d covering + cells getAll + exact distance, sorted;"
                        + " %,d players from GoTrack points; mean %.1f found", rules.cellLevel(), players,
                        found.sum() / (double) Math.max(1, seq.get()));
                Figures red = null;
                String redSet = "";
                if (redis != null) {
                    LongAdder rf = new LongAdder();
                    AtomicLong rseq = new AtomicLong();
                    Op peer = (s, n) -> {
                        try (Jedis j = redis.getResource()) {
                            Pipeline pl = n > 1 ? j.pipelined() : null;
                            List<redis.clients.jedis.Response<List<redis.clients.jedis.resps.GeoRadiusResponse>>> rs = new ArrayList<>();
                            for (long i = s; i < s + n; i++) {
                                GeoSearchParam q = GeoSearchParam.geoSearchParam().fromMember("n" + ((i * 104_729L) % players))
                                        .byRadius(radius, GeoUnit.M).asc().withDist();
                                if (pl == null) {
                                    rf.add(Math.max(0, j.geosearch(geo, q).size() - 1));
                                } else {
                                    rs.add(pl.geosearch(geo, q));
                                }
                            }
                            if (pl != null) {
                                pl.sync();
                                for (var r : rs) {
                                    rf.add(Math.max(0, r.get().size() - 1));
                                }
                            }
                        }
                    };
                    red = measure(out, label + " Redis", rate, rseq, peer, threads, batch);
                    redSet = String.format(Locale.ROOT, "GEOSEARCH FROMMEMBER BYRADIUS ASC WITHDIST on one key of %,d members;"
                            + " mean %.1f found (caller excluded)", players, rf.sum() / (double) Math.max(1, rseq.get()));
                }
                addPair("2", String.format(Locale.ROOT, "nearby players, radius %.0f m", radius), oreF, red, oreSet, redSet);
            }
        } finally {
            member.shutdown();
        }
    }

    // ---------------------------------------------------------------- row 4: leaderboard

    private void leaderboardRow(PrintStream out) throws Exception {
        int players = boardPlayers;
        OreConfig cfg = config("board", Map.of());
        HazelcastInstance member = Hazelcast.newHazelcastInstance(GridConfigFactory.memberConfig(cfg));
        try {
            GameClock clock = GameClock.system();
            String window = io.oregrid.node.liveops.LeaderboardJob.windows(cfg.liveOps())
                    .of(io.oregrid.jet.leaderboard.LeaderboardWindows.Kind.SEASONAL, clock.nowMs()).key();
            com.hazelcast.map.IMap<String, io.oregrid.grid.leaderboard.LeaderboardScore> boards =
                    member.getMap(GridMaps.LEADERBOARDS);
            long now = clock.nowMs();
            Map<String, io.oregrid.grid.leaderboard.LeaderboardScore> initial = new HashMap<>();
            for (int p = 0; p < players; p++) {
                // distinct deterministic starting scores, one event each
                var sc = new io.oregrid.grid.leaderboard.LeaderboardScore(window, "b" + p, (p * 7919L) % 100_000, now, 1);
                initial.put(sc.mapKey(), sc);
                if (initial.size() == 10_000) {
                    boards.putAll(initial);
                    initial.clear();
                }
            }
            boards.putAll(initial);
            String zset = prefix + "board";
            if (redis != null) {
                try (Jedis j = redis.getResource()) {
                    Pipeline pl = j.pipelined();
                    for (int p = 0; p < players; p++) {
                        pl.zadd(zset, (p * 7919L) % 100_000, "b" + p);
                    }
                    pl.sync();
                }
            }
            String settings = String.format(Locale.ROOT, "%,d players in one seasonal window", players);

            // score updates: the total the Jet job would emit for event k of player p (+10 points each)
            AtomicLong seq = new AtomicLong();
            Op ore = (s, n) -> {
                for (long i = s; i < s + n; i++) {
                    int p = (int) (i % players);
                    long k = i / players + 2;
                    var total = new io.oregrid.grid.leaderboard.LeaderboardScore(window, "b" + p,
                            (p * 7919L) % 100_000 + 10 * (k - 1), now + i, k);
                    boards.executeOnKey(total.mapKey(), new io.oregrid.grid.leaderboard.RecordScoreProcessor(total));
                }
            };
            Figures oreU = measure(out, "4 update ORE", boardUpdateRate, seq, ore, threads, 1);
            Figures redU = null;
            if (redis != null) {
                AtomicLong rseq = new AtomicLong();
                Op peer = (s, n) -> {
                    try (Jedis j = redis.getResource()) {
                        if (n == 1) {
                            j.zincrby(zset, 10, "b" + (s % players));
                            return;
                        }
                        Pipeline pl = j.pipelined();
                        for (long i = s; i < s + n; i++) {
                            pl.zincrby(zset, 10, "b" + (i % players));
                        }
                        pl.sync();
                    }
                };
                redU = measure(out, "4 update Redis", boardUpdateRate, rseq, peer, threads, batch);
            }
            addPair("4", "leaderboard score update", oreU, redU,
                    "RecordScoreProcessor on `leaderboards` (the Jet job's sink step; the job's aggregation is not in the"
                            + " figure); " + settings, "ZINCRBY; " + settings);

            io.oregrid.node.liveops.LeaderboardService service =
                    new io.oregrid.node.liveops.LeaderboardService(member, clock, cfg.liveOps());
            AtomicLong rd = new AtomicLong();
            LongAdder rows = new LongAdder();
            Op oreR = (s, n) -> {
                for (long i = s; i < s + n; i++) {
                    rows.add(service.current(io.oregrid.jet.leaderboard.LeaderboardWindows.Kind.SEASONAL, 100, null)
                            .entries().size());
                }
            };
            Figures oreT = measure(out, "4 top-100 ORE", boardReadRate, rd, oreR, threads, 1);
            Figures redT = null;
            if (redis != null) {
                AtomicLong rseq = new AtomicLong();
                Op peer = (s, n) -> {
                    try (Jedis j = redis.getResource()) {
                        if (n == 1) {
                            j.zrevrangeWithScores(zset, 0, 99);
                            return;
                        }
                        Pipeline pl = j.pipelined();
                        for (long i = s; i < s + n; i++) {
                            pl.zrevrangeWithScores(zset, 0, 99);
                        }
                        pl.sync();
                    }
                };
                redT = measure(out, "4 top-100 Redis", boardReadRate, rseq, peer, threads, batch);
            }
            addPair("4", "leaderboard top-100 read", oreT, redT,
                    "LeaderboardService.current(SEASONAL, 100): window predicate over `leaderboards`, sort; " + settings
                            + String.format(Locale.ROOT, "; %.0f rows per read", rows.sum() / (double) Math.max(1, rd.get())),
                    "ZREVRANGE 0 99 WITHSCORES; " + settings);
        } finally {
            member.shutdown();
        }
    }

    // ---------------------------------------------------------------- measurement

    /** Runs operations {@code seq .. seq+n-1}. */
    @FunctionalInterface
    private interface Op {
        void run(long seq, int n) throws Exception;
    }

    /** Latency at the fixed offered rate (µs) and throughput (ops/s). */
    private record Figures(int rate, Histogram latencyUs, double achievedRate, double throughput, int callers, int batch) {
    }

    /**
     * Warm-up then measured seconds at {@code rate} ops/s on a fixed schedule (operation i is due at
     * start + i/rate; its latency counts from then), then {@code throughputOps} operations as fast as
     * {@code threads} callers go, {@code batch} per call.
     */
    private Figures measure(PrintStream out, String label, int rate, AtomicLong seq, Op op, int callers, int batch)
            throws Exception {
        fixedRate(rate, warmupS, seq, op, callers, null);
        ConcurrentHistogram h = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(120), 3);
        long start = System.nanoTime();
        long done = fixedRate(rate, seconds, seq, op, callers, h);
        double achieved = done / ((System.nanoTime() - start) / 1e9);
        long ops = Math.max(throughputOps, (long) batch * callers * 4);
        int tpCallers = batch > 1 ? Math.max(2, Runtime.getRuntime().availableProcessors()) : callers;
        AtomicLong left = new AtomicLong(ops);
        LongAdder tpDone = new LongAdder();
        long tpStart = System.nanoTime();
        long tpDeadline = tpStart + TimeUnit.SECONDS.toNanos(seconds); // at most `seconds`, at most `ops` operations
        runThreads(tpCallers, () -> {
            while (System.nanoTime() < tpDeadline) {
                long got = left.getAndAdd(-batch);
                if (got <= 0) {
                    return;
                }
                int n = (int) Math.min(batch, got);
                op.run(seq.getAndAdd(n), n);
                tpDone.add(n);
            }
        });
        double tp = tpDone.sum() / ((System.nanoTime() - tpStart) / 1e9);
        out.printf(Locale.ROOT, "%-24s @%,6d/s offered: achieved %,8.0f/s p50 %8.3f ms p99 %8.3f ms max %8.3f ms | throughput %,9.0f/s%n",
                label, rate, achieved, h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getMaxValue() / 1000.0, tp);
        return new Figures(rate, h, achieved, tp, tpCallers, batch);
    }

    /** @return operations done */
    private long fixedRate(int rate, int secs, AtomicLong seq, Op op, int callers, ConcurrentHistogram h) throws Exception {
        long total = (long) rate * secs;
        double intervalNs = 1e9 / rate;
        long start = System.nanoTime();
        AtomicLong nextIdx = new AtomicLong();
        runThreads(callers, () -> {
            for (long i = nextIdx.getAndIncrement(); i < total; i = nextIdx.getAndIncrement()) {
                long due = start + (long) (i * intervalNs);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                op.run(seq.getAndIncrement(), 1);
                if (h != null) {
                    h.recordValue(Math.min(h.getHighestTrackableValue(), Math.max(0, (System.nanoTime() - due) / 1000)));
                }
            }
        });
        return total;
    }

    @FunctionalInterface
    private interface Body {
        void run() throws Exception;
    }

    private static void runThreads(int n, Body body) throws Exception {
        List<Thread> ts = new ArrayList<>();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < n; t++) {
            Thread th = new Thread(() -> {
                try {
                    body.run();
                } catch (Throwable e) {
                    errors.add(e);
                }
            }, "bench-caller-" + t);
            th.setDaemon(true);
            th.start();
            ts.add(th);
        }
        for (Thread th : ts) {
            th.join();
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("a caller failed", errors.get(0));
        }
    }

    // ---------------------------------------------------------------- table

    private void addPair(String row, String workload, Figures ore, Figures peer, String oreSet, String peerSet) {
        String none = redis == null ? "not measured (no Redis)" : NOT_YET;
        add(row, workload, "p50 / p99 at " + String.format(Locale.ROOT, "%,d", ore.rate()) + " ops/s offered",
                lat(ore), peer == null ? none : lat(peer),
                peer == null ? "" : ratio(ore.latencyUs().getValueAtPercentile(50)
                        / (double) Math.max(1, peer.latencyUs().getValueAtPercentile(50))) + " / "
                        + ratio(ore.latencyUs().getValueAtPercentile(99) / (double) Math.max(1, peer.latencyUs().getValueAtPercentile(99))),
                String.format(Locale.ROOT, "%d callers, fixed schedule; ", threads) + oreSet,
                peer == null ? "" : String.format(Locale.ROOT, "Jedis %s pool of %d, one call per op; ", "5.2.0", threads) + peerSet);
        add(row, workload, "throughput", String.format(Locale.ROOT, "%,.0f ops/s", ore.throughput()),
                peer == null ? none : String.format(Locale.ROOT, "%,.0f ops/s", peer.throughput()),
                peer == null ? "" : ratio(ore.throughput() / peer.throughput()),
                String.format(Locale.ROOT, "%d closed-loop callers, one op per call", ore.callers()),
                peer == null ? "" : String.format(Locale.ROOT, "%d connections, pipelines of %d", peer.callers(), peer.batch()));
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, r >= 0.1 ? "%.2f" : "%.4f", r);
    }

    private static String lat(Figures f) {
        return String.format(Locale.ROOT, "%.3f / %.3f ms", f.latencyUs().getValueAtPercentile(50) / 1000.0,
                f.latencyUs().getValueAtPercentile(99) / 1000.0);
    }

    private void add(String... cells) {
        table.add(cells);
    }

    // ---------------------------------------------------------------- set-up

    private OreConfig config(String row, Map<String, String> extra) {
        Map<String, String> o = new HashMap<>(extra);
        o.put("CLUSTER_NAME", "compare-" + row + "-" + UUID.randomUUID());
        o.put("MEMBER_PORT", "5941");
        return OreConfig.defaults().with(o);
    }

    /** Connects to Redis on 127.0.0.1:6379, starting it when installed and not running. @return what happened */
    private String connectRedis() {
        JedisPoolConfig pc = new JedisPoolConfig();
        pc.setMaxTotal(threads + 8);
        pc.setMaxIdle(threads + 8);
        JedisPool pool = new JedisPool(pc, "127.0.0.1", 6379);
        String how = "already running";
        if (!ping(pool)) {
            try {
                Process p = new ProcessBuilder("redis-server", "--port", "6379", "--bind", "127.0.0.1", "--save", "",
                        "--appendonly", "no", "--daemonize", "yes").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                p.waitFor(10, TimeUnit.SECONDS);
                how = "was not running: started by the bench (redis-server --daemonize yes, no persistence); it stays up";
            } catch (Exception e) {
                pool.close();
                return "not running on 127.0.0.1:6379 and cannot be started (" + e.getMessage()
                        + "): install redis-server; peer rows not measured";
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!ping(pool) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
            if (!ping(pool)) {
                pool.close();
                return "started redis-server but 127.0.0.1:6379 does not answer; peer rows not measured";
            }
        }
        redis = pool;
        try (Jedis j = pool.getResource()) {
            String info = j.info("server");
            String version = info.lines().filter(l -> l.startsWith("redis_version:")).map(l -> l.substring(14).strip())
                    .findFirst().orElse("?");
            return "Redis " + version + " on 127.0.0.1:6379, " + how + "; keys under " + prefix + "* (removed at the end)";
        }
    }

    private static boolean ping(JedisPool pool) {
        try (Jedis j = pool.getResource()) {
            return "PONG".equals(j.ping());
        } catch (Exception e) {
            return false;
        }
    }

    private String load(String script) {
        try (Jedis j = redis.getResource()) {
            return j.scriptLoad(script);
        }
    }

    private void cleanRedis() {
        try (Jedis j = redis.getResource()) {
            String cursor = ScanParams.SCAN_POINTER_START;
            ScanParams match = new ScanParams().match(prefix + "*").count(1000);
            do {
                ScanResult<String> page = j.scan(cursor, match);
                if (!page.getResult().isEmpty()) {
                    j.unlink(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        } catch (Exception e) {
            System.err.println("redis: could not remove the bench keys " + prefix + "*: " + e.getMessage());
        }
    }
}
