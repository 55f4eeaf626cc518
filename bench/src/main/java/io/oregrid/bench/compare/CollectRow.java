package io.oregrid.bench.compare;

import com.hazelcast.core.HazelcastInstance;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.motion.Fix;
import io.oregrid.grid.motion.MotionResult;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.game.CoinService;
import io.oregrid.node.game.CollectOutcome;
import io.oregrid.node.game.GameRules;
import io.oregrid.node.game.GameServices;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

/**
 * Row 3: an idempotent collect with a fresh Idempotency-Key. ORE: {@link CoinService#collect} — the
 * player's position ({@code OpenRequestProcessor}), the claim in the coin's cell's claims
 * ({@code ClaimCoinProcessor}), the credit in the player's partition ({@code CreditCoinProcessor},
 * which records the key), then, detached, the claim closed ({@code MarkCreditedProcessor}), the outcome
 * and the fan-out publish; asynchronous calls, as many in flight as the Redis side's pipelines hold. Redis: one Lua script — the key's earlier result,
 * {@code SET coin NX}, {@code INCRBY} the balance, {@code SET key PX 24 h}. Shared arrangement (ORE
 * embedded). Seed target: p99 &lt; 20 ms (seed 000 §10, Game Service).
 */
final class CollectRow {
    static final double P99_TARGET_MS = 20;
    private static final int MAX_RATE = 200_000;
    private static final int COINS_PER_CELL = 40;
    private static final double LAT = -10.9393, LNG = -37.0627;

    /** KEYS: coin claim, balance, idempotency key. ARGV: player, value, key TTL ms, coin id. */
    static final String LUA = """
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

    private CollectRow() {
    }

    /** One collect of the input: who collects which coin, worth how much. */
    record Job(String player, String coinId, int value) {
    }

    static void run(Bench b) throws Exception {
        b.out.println("row 3: idempotent collect");
        OreConfig cfg = b.config("collect", settings());
        GameRules rules = GameRules.from(cfg);
        List<Job> jobs = new ArrayList<>();
        String input = String.format(Locale.ROOT, "one player per S2 cell collecting its %d spawned coins, consecutive"
                + " collects on different cells and players, a fresh Idempotency-Key each", COINS_PER_CELL);
        Bench.Result ore = b.onMember(cfg, member -> {
            GameServices game = GameServices.create(member, cfg, GameClock.system());
            LongAdder credited = new LongAdder();
            LongAdder other = new LongAdder();
            AsyncWorkload w = workload(game, jobs, credited, other);
            Side side = Side.async("3 ORE embedded", b.opt.callers * b.opt.batch, w);
            Bench.Measured m = b.measure(side, b.opt.collectRate, P99_TARGET_MS, MAX_RATE, Bench.THIS_JVM);
            game.close();
            return new Bench.Result(m, "CoinService.collect: OpenRequestProcessor (position) + ClaimCoinProcessor (cell"
                    + " claims) + CreditCoinProcessor (player) awaited, MarkCreditedProcessor + outcome + fan-out detached,"
                    + " embedded member, in-memory; " + input + String.format(Locale.ROOT,
                    "; %,d cells; credited %,d, refused %,d; ", jobs.size() / COINS_PER_CELL, credited.sum(), other.sum())
                    + b.syncSettings(side, Cpus.Arrangement.SHARED));
        });
        Bench.Result red = b.onRedis(Cpus.Arrangement.SHARED, redis -> {
            String sha = redis.load(LUA);
            String ttl = Long.toString(rules.idempotencyKeepMs());
            LongAdder credited = new LongAdder();
            LongAdder other = new LongAdder();
            int base = jobs.size();
            Workload w = (seq, n) -> {
                try (Jedis jd = redis.pool().getResource()) {
                    Pipeline p = jd.pipelined();
                    List<Response<Object>> rs = new ArrayList<>(n);
                    for (long i = seq; i < seq + n; i++) {
                        // the ORE side's coins, then (past them) the same coins again under new ids
                        Job j = jobs.get((int) (i % base));
                        String coin = i < base ? j.coinId() : j.coinId() + "#" + i / base;
                        rs.add(p.evalsha(sha, List.of("coin:" + coin, "bal:" + j.player(), "idem:" + j.player() + ":k" + i),
                                List.of(j.player(), Integer.toString(j.value()), ttl, coin)));
                    }
                    p.sync();
                    for (Response<Object> r : rs) {
                        if ((Long) r.get() == 1L) {
                            credited.increment();
                        } else {
                            other.increment();
                        }
                    }
                }
            };
            Side side = Side.pipelined("3 Redis", b.opt.callers, b.opt.batch, w);
            Bench.Measured m = b.measure(side, b.opt.collectRate, P99_TARGET_MS, MAX_RATE, null);
            return new Bench.Result(m, redis.describe() + ", Jedis 5.2.0; Lua EVALSHA: GET key, SET coin NX, INCRBY"
                    + " balance, SET key PX 24 h (no range or expiry check); the same coins and players" + String.format(
                    Locale.ROOT, "; credited %,d, refused %,d; ", credited.sum(), other.sum())
                    + b.syncSettings(side, Cpus.Arrangement.SHARED));
        });
        b.addRows("3", "idempotent collect (claim + credit)", ore, red);
        PersistedCollectRow.run(b, ore);
    }

    /** @return row 3's settings: coins per cell and coin lifetime, so every collect finds its coin live */
    static Map<String, String> settings() {
        return Map.of("COIN_DENSITY_PER_CELL", Integer.toString(COINS_PER_CELL), "COIN_TTL_S", "86400");
    }

    /**
     * @return the ORE workload of row 3 on {@code game}: collect {@code jobs} in order, counting
     *         credited and other outcomes (range 1,000 km: every collect passes the range check, whose
     *         cost is measured)
     */
    static AsyncWorkload workload(GameServices game, List<Job> jobs, LongAdder credited, LongAdder other) {
        CoinService coins = game.coins();
        return new AsyncWorkload() {
            @Override
            public CompletionStage<?> start(long seq) {
                Job j = jobs.get((int) seq);
                return coins.collect(j.player(), j.coinId(), "k" + seq, 1.0, 1e6, 0).thenAccept(o -> {
                    if (o.status() == CollectOutcome.Status.CREDITED) {
                        credited.increment();
                    } else {
                        other.increment();
                    }
                });
            }

            @Override
            public void prepare(long fromSeq, long count) {
                spawnUntil(game, jobs, fromSeq + count);
            }
        };
    }

    /**
     * Places new players, one per S2 cell about 1 km apart, until {@code jobs} holds {@code needed}
     * collects of the cells' derived coins. Collects are ordered coin by coin across a batch of cells,
     * so consecutive collects touch different cells and players.
     */
    static void spawnUntil(GameServices game, List<Job> jobs, long needed) {
        long now = System.currentTimeMillis();
        long epoch = game.rules().spawn().epochOf(now);
        while (jobs.size() < needed) {
            int first = jobs.size() / COINS_PER_CELL;
            int cells = 500;
            List<List<Coin>> batch = new ArrayList<>();
            for (int p = first; p < first + cells; p++) {
                MotionResult r = game.location().update("c" + p, "c", new Fix(LAT + (p / 200) * 0.01,
                        LNG + (p % 200) * 0.01, 5, now, null, null), 0).toCompletableFuture().join();
                batch.add(List.of(game.templates().of(r.cellToken(), epoch)).subList(0, COINS_PER_CELL));
            }
            for (int i = 0; i < COINS_PER_CELL; i++) {
                for (int p = 0; p < cells; p++) {
                    Coin c = batch.get(p).get(i);
                    jobs.add(new Job("c" + (first + p), c.id(), c.value()));
                }
            }
        }
    }
}
