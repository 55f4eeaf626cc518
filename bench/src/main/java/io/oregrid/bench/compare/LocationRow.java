package io.oregrid.bench.compare;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import io.oregrid.bench.ChildJvm;
import io.oregrid.grid.GridSerialization;
import io.oregrid.grid.motion.AntiCheatRules;
import io.oregrid.grid.motion.Fix;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.game.GameRules;
import io.oregrid.node.game.GameServices;
import io.oregrid.node.game.LocationService;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Row 1: a location update with anti-cheat. ORE: {@link LocationService#update} — the
 * {@code UpdateMotionProcessor} limits, verdict and new fix in the player's partition (the one
 * operation the caller waits for), then, detached, the bounded history append, the cell presence when
 * due, the outcome record and the fan-out publish. Redis: one Lua script doing the same checks in the
 * same order ({@link io.oregrid.grid.motion.AntiCheat}), the fix hash, a GEOADD (the presence index)
 * and LPUSH/LTRIM (the bounded history). Like with like: both sides keep the same number of operations
 * in flight — Redis as {@code callers} pipelines of {@code batch}, ORE as that many asynchronous calls.
 *
 * <p>Two arrangements: ORE embedded in the load generator's JVM against Redis with everything
 * unpinned; ORE through a Hazelcast client over loopback to a member in its own JVM on the server CPU
 * against Redis pinned to that same CPU, load generators on the other. Seed target: p99 &lt; 10 ms.
 */
final class LocationRow {
    static final double P99_TARGET_MS = 10; // seed 000 §10, Location Service
    private static final int MAX_RATE = 400_000;

    /** KEYS: fix hash, geo set, history list. ARGV: see {@link #args}. Returns 1 accepted, 2 replay, < 0 refused. */
    static final String LUA = """
            local last = redis.call('HMGET', KEYS[1], 'lat', 'lng', 'ts', 'v')
            local lat, lng, acc, ts = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
            local reported = tonumber(ARGV[11]) or 0
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
            local v = reported
            if last[1] then
              local plat, plng, pts, pv = tonumber(last[1]), tonumber(last[2]), tonumber(last[3]), tonumber(last[4])
              local r = math.pi / 180
              local a = math.sin((lat - plat) * r / 2) ^ 2 + math.cos(plat * r) * math.cos(lat * r) * math.sin((lng - plng) * r / 2) ^ 2
              local d = 2 * 6371010 * math.asin(math.min(1, math.sqrt(a)))
              local dt = (ts - pts) / 1000
              v = math.max(d / dt, reported)
              if v > tonumber(ARGV[6]) then return -2 end
              if math.abs(v - pv) / dt > tonumber(ARGV[7]) then return -3 end
            elseif v > tonumber(ARGV[6]) then return -2 end
            redis.call('HSET', KEYS[1], 'lat', ARGV[2], 'lng', ARGV[3], 'ts', ARGV[5], 'v', tostring(v))
            redis.call('GEOADD', KEYS[2], lng, lat, ARGV[1])
            redis.call('LPUSH', KEYS[3], ARGV[2] .. ',' .. ARGV[3] .. ',' .. ARGV[4] .. ',' .. ARGV[5])
            redis.call('LTRIM', KEYS[3], 0, tonumber(ARGV[12]) - 1)
            return 1
            """;

    private LocationRow() {
    }

    static void run(Bench b) throws Exception {
        b.out.println("row 1: location update with anti-cheat");
        // the Lua script has no per-player rate limit: ORE's is raised so it counts but never refuses
        OreConfig cfg = b.config("location", Map.of("ANTICHEAT_MAX_FIX_AGE_S", "86400",
                "LOCATION_MAX_UPDATES_PER_MINUTE", "100000"));
        GameRules rules = GameRules.from(cfg);
        // every fix of the run lies in the past and within the 24 h fix age (2,000 fixes a player at most)
        FixFeed fixes = new FixFeed(b.opt.locationPlayers, System.currentTimeMillis() - TimeUnit.HOURS.toMillis(23));
        AntiCheatRules ac = rules.antiCheat();
        String input = String.format(Locale.ROOT, "%,d players on %d GoTrack trips at the 30 s cadence, real gaps and"
                        + " speeds; anti-cheat %.0f km/h, %.0f m/s², fix age 24 h",
                fixes.players(), fixes.trips(), ac.maxSpeedMs() * 3.6, ac.maxAccelerationMs2());

        // ---- shared arrangement: embedded member vs Redis, all unpinned
        Bench.Result emb = b.onMember(cfg, member -> {
            Outcomes o = new Outcomes();
            try (GameServices game = GameServices.create(member, cfg, GameClock.system())) {
                Side side = Side.async("1 ORE embedded", b.opt.callers * b.opt.batch, oreWorkload(game.location(), fixes, "m", o));
                Bench.Measured m = b.measure(side, b.opt.locationRate, P99_TARGET_MS, MAX_RATE, Bench.THIS_JVM);
                return new Bench.Result(m, "LocationService.update: UpdateMotionProcessor awaited; history append (500),"
                        + " presence when due, outcome, fan-out publish detached; per-player limit raised to 100,000/min;"
                        + " embedded member, in-memory; " + input + "; "
                        + o + "; " + b.syncSettings(side, Cpus.Arrangement.SHARED));
            }
        });
        b.addRows("1", "location update with anti-cheat (ORE embedded)", emb,
                redis(b, Cpus.Arrangement.SHARED, "1 Redis (shared)", "r", fixes, rules, cfg, input));

        // ---- split arrangement: member in its own JVM on the server CPU, reached through a client
        Cpus.pinSelf(Cpus.loadGenerator());
        try {
            int port = ChildJvm.freePort();
            Map<String, String> env = new HashMap<>();
            env.put("ORE_CLUSTER_NAME", cfg.clusterName());
            env.put("ORE_MEMBER_PORT", Integer.toString(port));
            env.put("ORE_ANTICHEAT_MAX_FIX_AGE_S", "86400");
            env.put("ORE_LOCATION_MAX_UPDATES_PER_MINUTE", "100000");
            Path log = Files.createTempFile("ore-bench-member-", ".log");
            Bench.Result cli;
            try (ChildJvm server = ChildJvm.start(Cpus.prefix(Cpus.server()), jvm(),
                    BenchMember.class.getName(), List.of(), env, log)) {
                HazelcastInstance client = client(cfg.clusterName(), port);
                try {
                    Outcomes o = new Outcomes();
                    try (GameServices game = GameServices.create(client, cfg, GameClock.system())) {
                        Side side = Side.async("1 ORE client", b.opt.callers * b.opt.batch,
                                oreWorkload(game.location(), fixes, "k", o));
                        Bench.Measured m = b.measure(side, b.opt.locationRate, server.pid(), P99_TARGET_MS, MAX_RATE,
                                Bench.child(server.pid()));
                        cli = new Bench.Result(m, "the same services through a Hazelcast client (smart routing) over 127.0.0.1"
                                + " to a member in its own JVM (-Xmx2g, " + String.join(" ", Bench.SERVER_GC) + "); " + input
                                + "; " + o + "; " + b.syncSettings(side, Cpus.Arrangement.SPLIT));
                    }
                } finally {
                    client.shutdown();
                }
            }
            b.addRows("1", "location update with anti-cheat (ORE client over loopback)", cli,
                    redis(b, Cpus.Arrangement.SPLIT, "1 Redis (split)", "s", fixes, rules, cfg, input));
        } finally {
            Cpus.pinSelf(Cpus.all());
        }
    }

    /** @return the member JVM's arguments: 2 GB heap, {@link Bench#SERVER_GC} */
    private static List<String> jvm() {
        List<String> args = new java.util.ArrayList<>(List.of("-Xmx2g", "-Xms2g"));
        args.addAll(Bench.SERVER_GC);
        return args;
    }

    /** The Redis side of one arrangement: the Lua script on the same fixes. */
    private static Bench.Result redis(Bench b, Cpus.Arrangement a, String label, String prefix, FixFeed fixes,
                                      GameRules rules, OreConfig cfg, String input) throws Exception {
        return b.onRedis(a, redis -> {
            Outcomes o = new Outcomes();
            Side side = Side.pipelined(label, b.opt.callers, b.opt.batch, redisWorkload(redis, fixes, rules, cfg, prefix, o));
            Bench.Measured m = b.measure(side, b.opt.locationRate, P99_TARGET_MS, MAX_RATE, null);
            return new Bench.Result(m, redis.describe() + ", Jedis 5.2.0; Lua EVALSHA: HMGET last fix, the same checks in"
                    + " the same order, HSET fix, GEOADD, LPUSH + LTRIM 500; " + input + "; " + o + "; "
                    + b.syncSettings(side, a));
        });
    }

    /** Accepted and refused fixes of one side. */
    static final class Outcomes {
        final LongAdder accepted = new LongAdder();
        final LongAdder refused = new LongAdder();

        @Override
        public String toString() {
            long a = accepted.sum(), r = refused.sum();
            return String.format(Locale.ROOT, "accepted %,d of %,d (%.2f %%)", a, a + r, 100.0 * a / Math.max(1, a + r));
        }
    }

    /** One asynchronous location update per operation (no per-user limit: the Lua script has none). */
    static AsyncWorkload oreWorkload(LocationService svc, FixFeed fixes, String prefix, Outcomes o) {
        return seq -> svc.update(prefix + fixes.player(seq), prefix, fixes.fix(seq), 0).thenAccept(r -> {
            if (r.accepted()) {
                o.accepted.increment();
            } else {
                o.refused.increment();
            }
        });
    }

    private static Workload redisWorkload(RedisServer redis, FixFeed fixes, GameRules rules, OreConfig cfg, String prefix,
                                          Outcomes o) {
        String sha = redis.load(LUA);
        AntiCheatRules ac = rules.antiCheat();
        List<String> limits = List.of(Double.toString(ac.maxSpeedMs()), Double.toString(ac.maxAccelerationMs2()),
                Double.toString(ac.maxAccuracyM()), Long.toString(ac.maxFixAgeMs()), Long.toString(ac.maxClockSkewMs()));
        String history = Integer.toString(cfg.historyPerPlayer());
        return (seq, n) -> {
            try (Jedis j = redis.pool().getResource()) {
                Pipeline p = j.pipelined();
                List<Response<Object>> rs = new ArrayList<>(n);
                for (long i = seq; i < seq + n; i++) {
                    String player = prefix + fixes.player(i);
                    rs.add(p.evalsha(sha, List.of("fix:" + player, "geo", "hist:" + player),
                            args(player, fixes.fix(i), limits, history)));
                }
                p.sync();
                for (Response<Object> r : rs) {
                    if ((Long) r.get() > 0) {
                        o.accepted.increment();
                    } else {
                        o.refused.increment();
                    }
                }
            }
        };
    }

    /** ARGV: player, lat, lng, accuracy, timestamp, max speed, max acceleration, max accuracy, max age, max skew, speed, history. */
    private static List<String> args(String player, Fix f, List<String> limits, String history) {
        List<String> a = new ArrayList<>(12);
        a.add(player);
        a.add(Double.toString(f.lat()));
        a.add(Double.toString(f.lng()));
        a.add(Double.toString(f.accuracyM()));
        a.add(Long.toString(f.timestampMs()));
        a.addAll(limits);
        a.add(f.speedMs() == null ? "" : Double.toString(f.speedMs()));
        a.add(history);
        return a;
    }

    /** A client with smart routing (each call straight to the partition owner), Compact classes registered. */
    static HazelcastInstance client(String cluster, int port) {
        ClientConfig cc = new ClientConfig();
        cc.setClusterName(cluster);
        cc.setProperty("hazelcast.logging.type", "none");
        cc.getNetworkConfig().addAddress("127.0.0.1:" + port);
        cc.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(90_000);
        GridSerialization.apply(cc.getSerializationConfig());
        return HazelcastClient.newHazelcastClient(cc);
    }
}
