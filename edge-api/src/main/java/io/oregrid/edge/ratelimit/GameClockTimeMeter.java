package io.oregrid.edge.ratelimit;

import io.github.bucket4j.TimeMeter;
import io.oregrid.grid.support.GameClock;

/**
 * The game clock as Bucket4j's client-side clock: refills follow the game time (SPEC "Time"), and
 * the time travels with each request, so the grid member that runs the bucket's entry processor
 * never reads a clock of its own.
 */
final class GameClockTimeMeter implements TimeMeter {
    private static final long NANOS_PER_MS = 1_000_000L;
    private final GameClock clock;

    GameClockTimeMeter(GameClock clock) {
        this.clock = clock;
    }

    @Override
    public long currentTimeNanos() {
        return clock.nowMs() * NANOS_PER_MS;
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
