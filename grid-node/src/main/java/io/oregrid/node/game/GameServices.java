package io.oregrid.node.game;

import com.hazelcast.core.HazelcastInstance;
import io.oregrid.grid.motion.MotionLimits;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.grid.DaemonThreads;
import io.oregrid.node.grid.GridGateway;
import io.oregrid.node.realtime.Visibility;
import io.oregrid.node.realtime.WorldFeed;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The game's grid services wired in one place from the configuration — the part of the composition
 * root that the all-in-one node, the edge and the tests share: one {@link GridGateway}, the
 * {@link WorldFeed}, locations, derived coins and collects. {@link #close()} flushes the coalesced
 * tail and stops the gateway's continuation threads.
 *
 * @param grid      the gateway every game call goes through
 * @param rules     the game's rules
 * @param feed      the world deltas for the rooms
 * @param location  location updates, nearby players, history
 * @param templates this node's derived coins
 * @param coins     nearby coins and collects
 * @param tail      the coalesced history and presence writes of accepted fixes
 * @param flushes   the thread that flushes the tail and the feed ({@code ORE_TAIL_FLUSH_MS})
 */
public record GameServices(GridGateway grid, GameRules rules, WorldFeed feed, LocationService location,
                           CoinTemplates templates, CoinService coins, LocationTail tail,
                           ScheduledExecutorService flushes) implements AutoCloseable {
    /** (cell, epoch) pairs of derived coins a node keeps. */
    private static final long COIN_TEMPLATE_CELLS = 50_000;

    /** Wires the services on {@code hz} (a member or a client) as {@code config} says. */
    public static GameServices create(HazelcastInstance hz, OreConfig config, GameClock clock) {
        GridGateway grid = new GridGateway(hz, config.hotPath().asyncThreads(), config.hotPath().maxDetached());
        GameRules rules = GameRules.from(config);
        ScheduledExecutorService flushes = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("ore-tail-flush"));
        long flushMs = config.hotPath().tailFlushMs();
        WorldFeed feed = new WorldFeed(grid, Visibility.EVERYONE, flushMs, flushes);
        LocationTail tail = new LocationTail(grid, feed, config.historyPerPlayer(), flushMs, flushes);
        MotionLimits limits = new MotionLimits(config.rateLimitPerMinute(), config.locationMaxUpdatesPerMinute(),
                config.hotPath().presenceRefreshM(), config.hotPath().presenceRefreshS() * 1000L);
        LocationService location = new LocationService(grid, feed, rules, limits, clock, tail);
        CoinTemplates templates = new CoinTemplates(rules.spawn(), COIN_TEMPLATE_CELLS);
        CoinService coins = new CoinService(grid, location, templates, feed, rules, clock);
        return new GameServices(grid, rules, feed, location, templates, coins, tail, flushes);
    }

    /**
     * @param graceMs a pending claim younger than this is left to its own request, ms of node time
     * @return a sweeper of this member's pending claims, not started (member-only work)
     */
    public ClaimSweeper sweeper(GameClock clock, long graceMs) {
        return new ClaimSweeper(grid, coins, clock, graceMs);
    }

    /** Sends what the tail and the feed still hold, stops their flushes, then the gateway's threads. */
    @Override
    public void close() {
        tail.close();
        flushes.shutdown();
        feed.close();
        grid.close();
    }

    /** Sends what the tail and the feed hold now, on the calling thread (tests, and an orderly hand-over). */
    public void flush() {
        tail.flush();
        feed.flush();
    }
}
