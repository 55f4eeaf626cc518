package io.oregrid.grid.motion;

import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/**
 * Opens a request on the caller's {@code player-motion} entry in one partition operation: takes one
 * token of the per-user request limit (SPEC "Rate limits") and returns the caller's position, which a
 * collect needs next — so a collect waits for at most three operations (this, the claim, the credit;
 * ARCHITECTURE "Cost rules"). The location update takes its token inside {@link UpdateMotionProcessor}
 * instead, so the limit is one bucket per user whatever the route. Deterministic: the node time is an
 * argument.
 *
 * <p>A location update refused before the grid (an invalid fix, 400) still counts towards both limits
 * (SPEC "Rate limits": every request counts, whatever its outcome): it opens with
 * {@code locationsPerMinute} too, and a limit without a token answers first (429).
 *
 * @param nowMs              node clock, epoch ms
 * @param perMinute          the caller's limit per minute (60, Genesis 120), or 0 to take no token (a read of
 *                           the position, for transports whose messages the limit does not count)
 * @param locationsPerMinute the per-player location limit to take a token of as well, or 0 for none
 */
public record OpenRequestProcessor(long nowMs, int perMinute, int locationsPerMinute)
        implements EntryProcessor<String, PlayerMotion, RequestGate> {

    @Override
    public RequestGate process(Map.Entry<String, PlayerMotion> entry) {
        PlayerMotion before = entry.getValue();
        Fix position = before == null ? null : before.lastFix();
        if (perMinute == 0 && locationsPerMinute == 0) {
            return new RequestGate(0, false, position);
        }
        PlayerMotion state = before == null ? PlayerMotion.initial(entry.getKey()) : before;
        TokenBucket requests = state.requests();
        if (perMinute > 0) {
            requests = requests.take(nowMs, perMinute);
            if (requests == null) {
                return new RequestGate(state.requests().waitMs(nowMs, perMinute), false, position);
            }
        }
        TokenBucket locations = state.locations();
        if (locationsPerMinute > 0) {
            locations = locations.take(nowMs, locationsPerMinute);
            if (locations == null) {
                if (requests != state.requests()) {
                    entry.setValue(state.withLimits(requests, state.locations()));
                }
                return new RequestGate(state.locations().waitMs(nowMs, locationsPerMinute), true, position);
            }
        }
        entry.setValue(state.withLimits(requests, locations));
        return new RequestGate(0, false, position);
    }
}
