package io.oregrid.grid.motion;

/**
 * The per-player limits and the presence-refresh rule that {@link UpdateMotionProcessor} applies in
 * the location update's one partition operation. Travels inside the processor; never a map value.
 *
 * @param requestsPerMinute  the caller's per-user request limit (SPEC "Rate limits": 60, Genesis 120), or 0
 *                           when the transport does not count this request against it (WebSocket messages)
 * @param locationsPerMinute the per-player location-update limit (SPEC "Location": 2), ≥ 1
 * @param presenceRefreshM   an accepted fix this far (metres) from the presence last written refreshes it
 * @param presenceRefreshMs  an accepted fix this much later (ms) than the presence last written refreshes it
 */
public record MotionLimits(int requestsPerMinute, int locationsPerMinute, double presenceRefreshM,
                           long presenceRefreshMs) {

    public MotionLimits {
        if (requestsPerMinute < 0 || locationsPerMinute < 1) {
            throw new IllegalArgumentException("limits must be >= 0 requests and >= 1 location per minute, got "
                    + requestsPerMinute + " and " + locationsPerMinute);
        }
    }

    /** @return these limits with another per-user figure (0: not counted) */
    public MotionLimits withRequestsPerMinute(int perMinute) {
        return new MotionLimits(perMinute, locationsPerMinute, presenceRefreshM, presenceRefreshMs);
    }
}
