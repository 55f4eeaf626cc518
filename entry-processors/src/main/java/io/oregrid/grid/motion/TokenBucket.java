package io.oregrid.grid.motion;

/**
 * A token bucket of {@code perMinute} tokens refilled greedily (smoothly) at {@code perMinute} per
 * minute — the semantics of SPEC "Rate limits" that the edge's Bucket4j buckets also have — kept
 * as two numbers inside the player's {@link PlayerMotion}, so a location update takes its limits in
 * the one partition operation it already makes (ARCHITECTURE "Cost rules"). A pure value: time is
 * an argument, so a re-run on the backup replica takes the same token.
 *
 * @param tokens   tokens left at {@code atMs} (fractional while refilling), [0, capacity]
 * @param atMs     node time of the last take, epoch ms (0 = never used: full)
 */
public record TokenBucket(double tokens, long atMs) {
    private static final double MINUTE_MS = 60_000.0;

    /** A bucket nobody has taken from yet (full whatever its capacity). */
    public static final TokenBucket FULL = new TokenBucket(Double.NaN, 0);

    /** @return the tokens available at {@code nowMs} for a bucket of {@code perMinute}, at most {@code perMinute} */
    public double available(long nowMs, int perMinute) {
        if (atMs == 0 || Double.isNaN(tokens)) {
            return perMinute;
        }
        double refilled = tokens + Math.max(0, nowMs - atMs) * perMinute / MINUTE_MS;
        return Math.min(perMinute, refilled);
    }

    /**
     * @return the bucket after taking one token at {@code nowMs}, or null when none is available
     */
    public TokenBucket take(long nowMs, int perMinute) {
        double left = available(nowMs, perMinute);
        return left >= 1 ? new TokenBucket(left - 1, nowMs) : null;
    }

    /** @return node ms until one token is available at {@code nowMs} (0 if one is), rounded up */
    public long waitMs(long nowMs, int perMinute) {
        double missing = 1 - available(nowMs, perMinute);
        return missing <= 0 ? 0 : (long) Math.ceil(missing * MINUTE_MS / perMinute);
    }
}
