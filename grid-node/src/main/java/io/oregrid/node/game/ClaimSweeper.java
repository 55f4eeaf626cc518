package io.oregrid.node.game;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.cell.CellState;
import io.oregrid.grid.cell.ClaimState;
import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.support.GameClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Finishes collects whose credit a crash cut off (ARCHITECTURE: "a periodic sweep finishes any
 * claim whose credit a crash cut off"; it reads claims, not a journal). Every member sweeps the
 * cells it owns: a claim PENDING for longer than the grace period is credited through the same
 * idempotent processor a retry would use, so a claim finished twice is credited once.
 */
public final class ClaimSweeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimSweeper.class);

    private final IMap<String, CellState> cells;
    private final CoinService coins;
    private final GameClock clock;
    private final long graceMs;
    private ScheduledExecutorService scheduler;

    /**
     * @param graceMs a pending claim younger than this is left to its own request, ms of node time
     */
    public ClaimSweeper(HazelcastInstance hz, CoinService coins, GameClock clock, long graceMs) {
        this.cells = hz.getMap(GridMaps.CELLS);
        this.coins = coins;
        this.clock = clock;
        this.graceMs = graceMs;
    }

    /** Sweeps every {@code intervalMs} real milliseconds on a daemon thread until closed. */
    public ClaimSweeper start(long intervalMs) {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ore-claim-sweeper");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::sweepSafely, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        return this;
    }

    private void sweepSafely() {
        try {
            int finished = sweepOnce();
            if (finished > 0) {
                LOG.info("claim sweep finished {} cut-off collect(s)", finished);
            }
        } catch (RuntimeException e) {
            LOG.warn("claim sweep failed; next run retries", e);
        }
    }

    /**
     * One pass over the cells this member owns.
     *
     * @return how many pending claims were finished (credited or released)
     */
    public int sweepOnce() {
        long cutoff = clock.nowMs() - graceMs;
        int finished = 0;
        for (String token : cells.localKeySet()) {
            CellState cell = cells.get(token);
            if (cell == null) {
                continue;
            }
            for (Coin coin : cell.coins()) {
                if (coin.claim() == ClaimState.PENDING && coin.claimedAtMs() <= cutoff) {
                    coins.credit(token, coin);
                    finished++;
                }
            }
        }
        return finished;
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
