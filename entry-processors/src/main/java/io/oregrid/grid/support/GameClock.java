package io.oregrid.grid.support;

/**
 * The node's one clock (SPEC "Time"): every time rule (fix age, clock skew, speed, rate limits,
 * expiries, windows) reads it. Production runs it at real time; the demo may run it faster.
 *
 * <p>EntryProcessors never read a clock: callers read this one and pass the value in, so a
 * processor re-run on a backup replica computes the same result (ARCHITECTURE "State in the grid").
 */
@FunctionalInterface
public interface GameClock {

    /** @return the current game time in epoch milliseconds */
    long nowMs();

    /** The real-time clock ({@link System#currentTimeMillis()}). */
    static GameClock system() {
        return System::currentTimeMillis;
    }

    /**
     * A clock that starts at the real present and runs {@code speed} times faster than real time.
     *
     * @param speed how many game milliseconds pass per real millisecond, at least 1
     * @throws IllegalArgumentException if {@code speed < 1}
     */
    static GameClock scaled(double speed) {
        if (!(speed >= 1.0)) {
            throw new IllegalArgumentException("clock speed must be >= 1, got " + speed);
        }
        if (speed == 1.0) {
            return system();
        }
        long originReal = System.currentTimeMillis();
        long originNano = System.nanoTime();
        return () -> originReal + (long) ((System.nanoTime() - originNano) / 1_000_000.0 * speed);
    }
}
