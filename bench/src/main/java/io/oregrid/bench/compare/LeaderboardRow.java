package io.oregrid.bench.compare;

import com.hazelcast.map.IMap;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.leaderboard.LeaderboardScore;
import io.oregrid.grid.leaderboard.RecordScoreProcessor;
import io.oregrid.grid.support.GameClock;
import io.oregrid.jet.leaderboard.LeaderboardWindows;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.liveops.LeaderboardJob;
import io.oregrid.node.liveops.LeaderboardService;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Row 4: a seasonal leaderboard. Score updates — ORE: {@link RecordScoreProcessor} on
 * {@code leaderboards}, the step with which the Jet leaderboard job writes a player's new total (the
 * job's aggregation is not in the figure); Redis: {@code ZINCRBY}. Top-100 reads — ORE:
 * {@link LeaderboardService#current}; Redis: {@code ZREVRANGE 0 99 WITHSCORES}. Shared arrangement
 * (ORE embedded). Target: p99 &lt; 20 ms (seed 000 §10, Game Service).
 */
final class LeaderboardRow {
    static final double P99_TARGET_MS = 20;
    private static final int MAX_UPDATE_RATE = 800_000;
    private static final int MAX_READ_RATE = 200_000;

    private LeaderboardRow() {
    }

    static void run(Bench b) throws Exception {
        b.out.println("row 4: leaderboard");
        int players = b.opt.boardPlayers;
        OreConfig cfg = b.config("board", Map.of());
        GameClock clock = GameClock.system();
        String input = String.format(Locale.ROOT, "%,d players in one seasonal window", players);
        List<Bench.Result> ore = b.onMember(cfg, member -> {
            String window = LeaderboardJob.windows(cfg.liveOps()).of(LeaderboardWindows.Kind.SEASONAL, clock.nowMs()).key();
            IMap<String, LeaderboardScore> boards = member.getMap(GridMaps.LEADERBOARDS);
            long now = clock.nowMs();
            Map<String, LeaderboardScore> initial = new HashMap<>();
            for (int p = 0; p < players; p++) {
                // distinct deterministic starting scores, one event each
                LeaderboardScore sc = new LeaderboardScore(window, "b" + p, start(p), now, 1);
                initial.put(sc.mapKey(), sc);
                if (initial.size() == 10_000) {
                    boards.putAll(initial);
                    initial.clear();
                }
            }
            boards.putAll(initial);
            // update i: the total the Jet job would emit for player i mod n's next event (+10 points each)
            Side update = Side.sync("4 ORE score update", b.opt.callers, (seq, n) -> {
                for (long i = seq; i < seq + n; i++) {
                    int p = (int) (i % players);
                    long k = i / players + 2;
                    LeaderboardScore total = new LeaderboardScore(window, "b" + p, start(p) + 10 * (k - 1), now + i, k);
                    boards.executeOnKey(total.mapKey(), new RecordScoreProcessor(total));
                }
            });
            Bench.Measured u = b.measure(update, b.opt.boardUpdateRate, P99_TARGET_MS, MAX_UPDATE_RATE, Bench.THIS_JVM);
            Bench.Result updated = new Bench.Result(u, "RecordScoreProcessor on `leaderboards` (the Jet job's sink step;"
                    + " its aggregation is not in the figure), embedded member; " + input + "; "
                    + b.syncSettings(update, Cpus.Arrangement.SHARED));

            LeaderboardService service = new LeaderboardService(member, clock, cfg.liveOps());
            LongAdder rows = new LongAdder();
            Side read = Side.sync("4 ORE top-100 read", b.opt.callers, (seq, n) -> {
                for (long i = seq; i < seq + n; i++) {
                    rows.add(service.current(LeaderboardWindows.Kind.SEASONAL, 100, null).entries().size());
                }
            });
            Bench.Measured r = b.measure(read, b.opt.boardReadRate, P99_TARGET_MS, MAX_READ_RATE, Bench.THIS_JVM);
            return List.of(updated, new Bench.Result(r, String.format(Locale.ROOT, "LeaderboardService.current(SEASONAL,"
                            + " 100): indexed window query over `leaderboards`, sorted, the ranking shared by reads for up to 1 s (ORE_LEADERBOARD_MAX_AGE_MS; Redis: always current), embedded member; %s; %.0f rows"
                            + " per read; ", input, rows.sum() / (double) Math.max(1, read.seq().get()))
                    + b.syncSettings(read, Cpus.Arrangement.SHARED)));
        });
        List<Bench.Result> red = b.onRedis(Cpus.Arrangement.SHARED, redis -> {
            try (Jedis j = redis.pool().getResource()) {
                Pipeline pl = j.pipelined();
                for (int p = 0; p < players; p++) {
                    pl.zadd("board", start(p), "b" + p);
                }
                pl.sync();
            }
            Side update = Side.pipelined("4 Redis ZINCRBY", b.opt.callers, b.opt.batch, (seq, n) -> {
                try (Jedis j = redis.pool().getResource()) {
                    Pipeline pl = j.pipelined();
                    for (long i = seq; i < seq + n; i++) {
                        pl.zincrby("board", 10, "b" + (i % players));
                    }
                    pl.sync();
                }
            });
            Bench.Measured u = b.measure(update, b.opt.boardUpdateRate, P99_TARGET_MS, MAX_UPDATE_RATE, null);
            Side read = Side.pipelined("4 Redis ZREVRANGE", b.opt.callers, b.opt.batch, (seq, n) -> {
                try (Jedis j = redis.pool().getResource()) {
                    Pipeline pl = j.pipelined();
                    for (long i = seq; i < seq + n; i++) {
                        pl.zrevrangeWithScores("board", 0, 99);
                    }
                    pl.sync();
                }
            });
            Bench.Measured r = b.measure(read, b.opt.boardReadRate, P99_TARGET_MS, MAX_READ_RATE, null);
            return List.of(new Bench.Result(u, redis.describe() + ", Jedis 5.2.0; ZINCRBY on one sorted set; " + input
                            + "; " + b.syncSettings(update, Cpus.Arrangement.SHARED)),
                    new Bench.Result(r, redis.describe() + ", Jedis 5.2.0; ZREVRANGE 0 99 WITHSCORES; " + input + "; "
                            + b.syncSettings(read, Cpus.Arrangement.SHARED)));
        });
        b.addRows("4", "leaderboard score update", ore.get(0), red == null ? null : red.get(0));
        b.addRows("4", "leaderboard top-100 read", ore.get(1), red == null ? null : red.get(1));
    }

    private static long start(int p) {
        return (p * 7919L) % 100_000;
    }
}
