package io.oregrid.bench.compare;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.args.FlushMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The peer of rows 1–4 and 6: a Redis server of the bench's own, {@code redis-server} from the PATH
 * on 127.0.0.1 and a free port, started without persistence ({@code --save "" --appendonly no}, as
 * a cache-style deployment runs it) and stopped at the end. Owning the process lets the bench pin it
 * to a CPU ({@link Cpus}) and measure its memory with nothing else in it. Reached through Jedis.
 */
final class RedisServer implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final JedisPool pool;
    private final int port;
    private final String version;

    private RedisServer(Process process, Path dir, JedisPool pool, int port, String version) {
        this.process = process;
        this.dir = dir;
        this.pool = pool;
        this.port = port;
        this.version = version;
    }

    /**
     * Starts {@code redis-server} and waits (10 s at most) until it answers PING.
     *
     * @param connections pool size (callers of the load driver)
     * @return the server, or null when {@code redis-server} is not installed or does not come up;
     *         {@code why[0]} then says which
     */
    static RedisServer start(int connections, String[] why) {
        int port = io.oregrid.bench.ChildJvm.freePort();
        Path dir;
        Process p;
        try {
            dir = Files.createTempDirectory("ore-bench-redis");
            p = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--logfile", dir.resolve("redis.log").toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            why[0] = "redis-server not found (" + e.getMessage() + "): install it (apt-get install redis-server)";
            return null;
        }
        JedisPoolConfig pc = new JedisPoolConfig();
        pc.setMaxTotal(connections + 4);
        pc.setMaxIdle(connections + 4);
        // 60 s socket timeout: emptying millions of keys (row 3 leaves them) is slower than Jedis's default 2 s
        JedisPool pool = new JedisPool(pc, "127.0.0.1", port, 60_000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Jedis j = pool.getResource()) {
                if ("PONG".equals(j.ping())) {
                    String info = j.info("server");
                    String version = info.lines().filter(l -> l.startsWith("redis_version:"))
                            .map(l -> l.substring("redis_version:".length()).strip()).findFirst().orElse("?");
                    return new RedisServer(p, dir, pool, port, version);
                }
            } catch (RuntimeException e) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
        pool.close();
        p.destroyForcibly();
        why[0] = "redis-server did not answer on 127.0.0.1:" + port + " within 10 s";
        return null;
    }

    /** @return e.g. {@code Redis 7.0.15, own instance on 127.0.0.1:40123, no persistence} */
    String describe() {
        return "Redis " + version + " (own redis-server on 127.0.0.1:" + port + ", no persistence)";
    }

    String version() {
        return version;
    }

    JedisPool pool() {
        return pool;
    }

    long pid() {
        return process.pid();
    }

    /** Places the server on {@code cpuList} (every CPU for the shared arrangement). */
    void pin(String cpuList) {
        Cpus.pin(process.pid(), cpuList);
    }

    /** Drops every key (FLUSHALL ASYNC, memory freed in the background): each workload starts on an empty keyspace. */
    void flush() {
        try (Jedis j = pool.getResource()) {
            j.flushAll(FlushMode.ASYNC);
        }
    }

    /** @return {@code used_memory} of INFO memory: bytes the allocator holds for data and overhead */
    long usedMemory() {
        try (Jedis j = pool.getResource()) {
            return j.info("memory").lines().filter(l -> l.startsWith("used_memory:"))
                    .map(l -> Long.parseLong(l.substring("used_memory:".length()).strip())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("INFO memory has no used_memory"));
        }
    }

    /** @return the SHA1 of {@code script} after SCRIPT LOAD */
    String load(String script) {
        try (Jedis j = pool.getResource()) {
            return j.scriptLoad(script);
        }
    }

    @Override
    public void close() {
        pool.close();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
