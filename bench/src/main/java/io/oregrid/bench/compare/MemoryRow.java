package io.oregrid.bench.compare;

import io.oregrid.bench.ChildJvm;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Row 6: memory and GC. Heap per player and per coin at {@code memoryPlayers} players after a full
 * GC ({@link MemoryProbe} in a child JVM, once with G1 and once with ZGC), against Redis's
 * {@code used_memory} for the same state kept the Redis way (a fix hash, a geo set member and a
 * one-fix history list per player; a hash, a cell set member and an expiry per coin). Then the GC
 * pause p99 under the location load of row 1: ZGC against G1, the JVM's default, as the baseline in
 * the same run (Redis has no collector). The probe JVMs are unpinned (member and load share the CPUs).
 */
final class MemoryRow {
    private static final String HEAP = "3g";

    private MemoryRow() {
    }

    /** One probe's result line, parsed. */
    private record Probe(Map<String, String> v) {
        double d(String k) {
            return Double.parseDouble(v.get(k));
        }

        long l(String k) {
            return Long.parseLong(v.get(k));
        }
    }

    static void run(Bench b) throws Exception {
        b.out.println("row 6: memory and GC");
        Probe g1 = probe(b, "G1", Bench.G1, b.opt.gcSeconds, "OBJECT");
        Probe zgc = probe(b, "ZGC", Bench.SERVER_GC, b.opt.gcSeconds, "OBJECT");
        Probe binary = b.opt.quick ? null : probe(b, "G1-BINARY", Bench.G1, 0, "BINARY");
        int players = b.opt.memoryPlayers;
        long coins = g1.l("coins");
        double redisPlayer = Double.NaN;
        double redisCoin = Double.NaN;
        if (b.redis != null) {
            b.redis.pin(Cpus.all());
            b.redis.flush();
            double[][] at = PlayerPositions.of(players);
            long m0 = b.redis.usedMemory();
            try (Jedis j = b.redis.pool().getResource()) {
                Pipeline p = j.pipelined();
                long ts = System.currentTimeMillis();
                for (int i = 0; i < players; i++) {
                    String lat = Double.toString(at[i][0]), lng = Double.toString(at[i][1]);
                    p.hset("fix:p" + i, Map.of("lat", lat, "lng", lng, "ts", Long.toString(ts), "v", "0"));
                    p.geoadd("geo", at[i][1], at[i][0], "p" + i);
                    p.lpush("hist:p" + i, lat + "," + lng + ",8.0," + ts);
                    if (i % 1000 == 999) {
                        p.sync();
                    }
                }
                p.sync();
            }
            long m1 = b.redis.usedMemory();
            try (Jedis j = b.redis.pool().getResource()) {
                Pipeline p = j.pipelined();
                long expires = System.currentTimeMillis() + 900_000;
                for (long i = 0; i < coins; i++) {
                    String id = String.format(Locale.ROOT, "%08x-4000-8000-8000-%012x", i / 40, i);
                    Map<String, String> coin = new HashMap<>();
                    coin.put("lat", Double.toString(-10.9 - i * 1e-7));
                    coin.put("lng", Double.toString(-37.0 - i * 1e-7));
                    coin.put("value", "10");
                    coin.put("type", "BRONZE");
                    coin.put("expires_at", Long.toString(expires));
                    coin.put("claim", "UNCLAIMED");
                    p.hset("coin:" + id, coin);
                    p.pexpireAt("coin:" + id, expires);
                    p.sadd("cellcoins:" + (i / 40), id);
                    if (i % 1000 == 999) {
                        p.sync();
                    }
                }
                p.sync();
            }
            long m2 = b.redis.usedMemory();
            redisPlayer = (m1 - m0) / (double) players;
            redisCoin = (m2 - m1) / (double) coins;
            b.redis.flush();
            b.out.printf(Locale.ROOT, "  Redis used_memory: %.0f B per player, %.0f B per coin%n", redisPlayer, redisCoin);
        }
        String oreState = String.format(Locale.ROOT, "one member (no backup copy: a second member would double it), %,d"
                        + " players with one accepted fix each (motion entry, one-fix history, presence) on %,d cells, then"
                        + " %,d coins spawned there; heap used after System.gc() (least of three), child JVM -Xmx%s; per-player"
                        + " maps OBJECT (ORE_GRID_IN_MEMORY_FORMAT default; one run with BINARY), cells BINARY; ZGC on JDK 17"
                        + " has no compressed oops", players, g1.l("cells"), coins, HEAP);
        String redisState = b.redis == null ? "" : b.redis.describe() + "; INFO used_memory before/after: per player HSET"
                + " fix (4 fields) + GEOADD + LPUSH one-fix history; per coin HSET (6 fields) + PEXPIREAT + SADD to its cell's"
                + " set; the same counts";
        String why = "not measured (" + b.redisWhy + ")";
        b.table.add("6", "memory per player at " + String.format(Locale.ROOT, "%,d", players) + " players",
                "bytes per player", String.format(Locale.ROOT, "G1 %,.0f B (%s); ZGC %,.0f B", g1.d("perPlayer"),
                        binary == null ? "BINARY per-player maps: full run only" : String.format(Locale.ROOT,
                                "BINARY per-player maps: %,.0f B", binary.d("perPlayer")), zgc.d("perPlayer")),
                b.redis == null ? why : String.format(Locale.ROOT, "%,.0f B", redisPlayer),
                b.redis == null ? "-" : ResultTable.ratio(g1.d("perPlayer") / redisPlayer) + " (G1)", oreState, redisState);
        b.table.add("6", "memory per coin", "bytes per coin",
                String.format(Locale.ROOT, "G1 %,.0f B (ZGC: not resolvable, its heap grows in 2 MB pages)", g1.d("perCoin")),
                b.redis == null ? why : String.format(Locale.ROOT, "%,.0f B", redisCoin),
                b.redis == null ? "-" : ResultTable.ratio(g1.d("perCoin") / redisCoin) + " (G1)", oreState, redisState);
        b.table.add("6", "GC pauses under the location load (ZGC vs G1 baseline)",
                String.format(Locale.ROOT, "pause p99 / max at %,d updates/s for %.0f s", b.opt.gcRate, b.opt.gcSeconds),
                String.format(Locale.ROOT, "ZGC %s (%d pauses; %d allocation stalls, %.0f ms in all; update p99 %.2f ms)",
                        pause(zgc), zgc.l("pauses"), zgc.l("stalls"), zgc.l("stallUs") / 1000.0, zgc.l("loadP99Us") / 1000.0),
                String.format(Locale.ROOT, "G1 %s (%d pauses; update p99 %.2f ms)", pause(g1), g1.l("pauses"),
                        g1.l("loadP99Us") / 1000.0),
                ResultTable.ratio(zgc.d("pauseP99Us") / Math.max(1, g1.d("pauseP99Us"))) + " (ZGC/G1)",
                "java -XX:+UseZGC -Xmx" + HEAP + " -Xms" + HEAP + " (JDK 17, non-generational ZGC); the state above plus"
                        + " row 1's feed through LocationService.update, up to 1,600 asynchronous calls in flight, open loop, after " + b.opt.gcWarmupS
                        + " s of closed-loop warm-up;"
                        + " pauses from JFR jdk.GCPhasePause, allocation stalls from jdk.ZAllocationStall;"
                        + " " + Cpus.describe(Cpus.Arrangement.SHARED),
                "java -XX:+UseG1GC -XX:MaxGCPauseMillis=10 -Xmx" + HEAP + " -Xms" + HEAP + ", the same run (the peer"
                        + " here is the JVM's default collector with the bench's pause goal: Redis has none)");
    }

    private static String pause(Probe p) {
        return String.format(Locale.ROOT, "%.3f / %.3f ms", p.l("pauseP99Us") / 1000.0, p.l("pauseMaxUs") / 1000.0);
    }

    private static Probe probe(Bench b, String label, List<String> gc, double loadSeconds, String format) throws Exception {
        Path log = Files.createTempFile("ore-bench-memory-" + label + "-", ".log");
        long start = System.nanoTime();
        List<String> args = new java.util.ArrayList<>(List.of("-Xmx" + HEAP, "-Xms" + HEAP, "-Dhazelcast.logging.type=none"));
        args.addAll(gc);
        try (ChildJvm jvm = ChildJvm.start(List.of(), args, MemoryProbe.class.getName(),
                List.of(label, Integer.toString(b.opt.memoryPlayers), Integer.toString(b.opt.gcRate),
                        Double.toString(loadSeconds), Integer.toString(b.opt.gcWarmupS), format), Map.of(), log)) {
            int rc = jvm.waitFor(900);
            List<String> lines = Files.readAllLines(log);
            String result = lines.stream().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow(() ->
                    new IllegalStateException("memory probe (" + label + ") exited " + rc + " without a result; see " + log));
            Map<String, String> v = new HashMap<>();
            for (String kv : result.substring("RESULT ".length()).split(" ")) {
                int eq = kv.indexOf('=');
                v.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
            b.out.printf(Locale.ROOT, "  %s probe (%.0f s): %s%n", label, (System.nanoTime() - start) / 1e9, result);
            return new Probe(v);
        }
    }
}
