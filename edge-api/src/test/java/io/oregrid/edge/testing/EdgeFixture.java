package io.oregrid.edge.testing;

import com.hazelcast.client.test.TestHazelcastFactory;
import com.hazelcast.core.HazelcastInstance;
import io.oregrid.edge.OreServer;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.GridConfigFactory;
import io.oregrid.node.OreNode;
import io.oregrid.node.config.OreConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Edge test set-up: all-in-one servers ({@link OreServer}: member + edge on a free
 * HTTP port) whose members form one mock-network cluster, all reading one controllable clock.
 * Defaults for tests: bcrypt cost 4 and a random cluster name; rate limits stay at the SPEC values
 * unless overridden.
 */
public final class EdgeFixture implements AutoCloseable {
    /** Game time, epoch ms; tests move it with {@link #advance}. */
    public final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    public final GameClock clock = now::get;
    public final OreConfig config;
    private final TestHazelcastFactory factory = new TestHazelcastFactory();
    private final List<OreServer> servers = new ArrayList<>();

    public EdgeFixture(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>();
        all.put("BCRYPT_COST", "4");
        all.put("HTTP_PORT", "0");
        all.put("HTTP_HOST", "127.0.0.1");
        all.put("CLUSTER_NAME", "auth-" + UUID.randomUUID());
        all.putAll(overrides);
        this.config = OreConfig.defaults().with(all);
    }

    /** @return a new server (member joined to this fixture's cluster, edge started) */
    public OreServer start() {
        HazelcastInstance member = factory.newHazelcastInstance(GridConfigFactory.memberConfig(config));
        OreServer server = OreServer.start(new OreNode(config, clock, member));
        synchronized (servers) {
            servers.add(server);
        }
        return server;
    }

    /** Starts {@code n} servers at the same moment: their members join, then their edges start on parallel threads. */
    public List<OreServer> startTogether(int n) {
        List<HazelcastInstance> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            members.add(factory.newHazelcastInstance(GridConfigFactory.memberConfig(config)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<OreServer>> starting = members.stream()
                    .map(m -> CompletableFuture.supplyAsync(() -> {
                        awaitQuietly(go);
                        return OreServer.start(new OreNode(config, clock, m));
                    }, pool))
                    .toList();
            go.countDown();
            List<OreServer> started = starting.stream().map(CompletableFuture::join).toList();
            synchronized (servers) {
                servers.addAll(started);
            }
            return started;
        } finally {
            pool.shutdown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to start", e);
        }
    }

    /** Moves the game clock forward. */
    public void advance(Duration d) {
        now.addAndGet(d.toMillis());
    }

    @Override
    public void close() {
        synchronized (servers) {
            servers.forEach(OreServer::close);
        }
        factory.shutdownAll();
    }
}
