package io.oregrid.node.game;

import com.hazelcast.query.Predicates;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.cell.CellClaims;
import io.oregrid.grid.cell.ClaimState;
import io.oregrid.grid.cell.CoinClaim;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.grid.DaemonThreads;
import io.oregrid.node.grid.GridGateway;
import io.oregrid.node.grid.GridMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Finishes collects whose credit a crash cut off (ARCHITECTURE: "a periodic sweep finishes any
 * claim whose credit a crash cut off"; it reads claims, not a journal). Every member sweeps the
 * cells it owns, found by the sorted index on {@link CellClaims#oldestPendingAtMs()} — only cells
 * with a claim pending for longer than the grace period are read, never every cell. Each such
 * claim is credited through the same idempotent processor a retry would use, so a claim finished
 * twice is credited once. Member-only work ({@code localKeySet}).
 */
public final class ClaimSweeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimSweeper.class);
    /** The indexed attribute of {@code coin-claims}. */
    public static final String PENDING_INDEX = "oldestPendingAtMs";

    private final GridMap<String, CellClaims> claims;
    private final CoinService coins;
    private final GameClock clock;
    private final long graceMs;
    private ScheduledExecutorService scheduler;

    /**
     * @param graceMs a pending claim younger than this is left to its own request, ms of node time
     */
    public ClaimSweeper(GridGateway grid, CoinService coins, GameClock clock, long graceMs) {
        this.claims = grid.map(GridMaps.COIN_CLAIMS);
        this.coins = coins;
        this.clock = clock;
        this.graceMs = graceMs;
    }

    /** Sweeps every {@code intervalMs} real milliseconds on a daemon thread until closed. */
    public ClaimSweeper start(long intervalMs) {
        scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("ore-claim-sweeper"));
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
     * One pass over the cells this member owns that have a claim pending since before the grace period.
     *
     * @return how many pending claims were finished (credited or released)
     */
    public int sweepOnce() {
        long cutoff = clock.nowMs() - graceMs;
        int finished = 0;
        for (String token : claims.localKeySet(Predicates.lessEqual(PENDING_INDEX, cutoff))) {
            CellClaims cell = claims.get(token);
            if (cell == null) {
                continue;
            }
            for (CoinClaim claim : cell.claims()) {
                if (claim.state() == ClaimState.PENDING && claim.claimedAtMs() <= cutoff) {
                    coins.credit(token, claim).toCompletableFuture().join();
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
