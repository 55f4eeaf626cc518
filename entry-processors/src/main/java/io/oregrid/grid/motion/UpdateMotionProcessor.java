package io.oregrid.grid.motion;

import com.hazelcast.map.EntryProcessor;
import io.oregrid.grid.support.Geo;

import java.util.Map;

/**
 * The whole location update in one step on the player's {@code player-motion} entry (SPEC
 * "Location" and "Rate limits"; ARCHITECTURE "a location update costs the request thread one
 * partition operation"): takes a token of the per-user request limit, then of the per-player
 * location limit, then judges the fix with {@link AntiCheat} and records the verdict, and says
 * whether the cell presence must be refreshed.
 *
 * <p>Deterministic: the node time is an argument. Idempotent: a fix identical to the last accepted
 * one answers {@link MotionResult.Outcome#REPLAY} and changes nothing but the limits (its presence is due
 * again, so a retry re-sends the idempotent tail a crash may have cut off), and a re-run of
 * the same refusal does not count the violation twice — so Hazelcast re-running it on a backup or
 * after a member left cannot double anything (a retried call may take a second limit token, which
 * only ever errs towards refusing).
 *
 * @param fix       the fix to judge
 * @param nowMs     node clock, epoch ms
 * @param rules     anti-cheat limits
 * @param cellLevel S2 level of game cells
 * @param limits    the caller's limits and the presence-refresh rule
 */
public record UpdateMotionProcessor(Fix fix, long nowMs, AntiCheatRules rules, int cellLevel, MotionLimits limits)
        implements EntryProcessor<String, PlayerMotion, MotionResult> {

    @Override
    public MotionResult process(Map.Entry<String, PlayerMotion> entry) {
        PlayerMotion before = entry.getValue() == null ? PlayerMotion.initial(entry.getKey()) : entry.getValue();
        TokenBucket requests = before.requests();
        if (limits.requestsPerMinute() > 0) {
            requests = requests.take(nowMs, limits.requestsPerMinute());
            if (requests == null) {
                return limited(MotionResult.Outcome.REQUEST_LIMITED, before,
                        before.requests().waitMs(nowMs, limits.requestsPerMinute()));
            }
        }
        TokenBucket locations = before.locations().take(nowMs, limits.locationsPerMinute());
        if (locations == null) {
            if (requests != before.requests()) {
                entry.setValue(before.withLimits(requests, before.locations()));
            }
            return limited(MotionResult.Outcome.LOCATION_LIMITED, before,
                    before.locations().waitMs(nowMs, limits.locationsPerMinute()));
        }
        PlayerMotion state = before.withLimits(requests, locations);
        if (fix.samePlaceAndTime(state.lastFix())) {
            entry.setValue(state);
            return new MotionResult(MotionResult.Outcome.REPLAY, Verdict.accepted(state.lastSpeedMs()),
                    state.cellToken(), state.cellToken(), state.acceptedFixes(), true, 0);
        }
        Verdict verdict = AntiCheat.judge(state.lastFix(), state.lastSpeedMs(), fix, nowMs, rules);
        if (!verdict.isAccepted()) {
            entry.setValue(fix.samePlaceAndTime(state.lastRefusedFix()) ? state : state.refuse(fix, verdict.reason(), nowMs));
            return new MotionResult(MotionResult.Outcome.REFUSED, verdict, state.cellToken(), state.cellToken(),
                    state.acceptedFixes(), false, 0);
        }
        String cell = Geo.cellToken(fix.lat(), fix.lng(), cellLevel);
        boolean presenceDue = presenceDue(state, cell);
        PlayerMotion next = state.accept(fix, cell, verdict.measured(), presenceDue ? fix : state.presenceFix());
        entry.setValue(next);
        return new MotionResult(MotionResult.Outcome.ACCEPTED, verdict, cell, state.cellToken(), next.acceptedFixes(),
                presenceDue, 0);
    }

    private boolean presenceDue(PlayerMotion state, String cell) {
        Fix written = state.presenceFix();
        return written == null || !cell.equals(state.cellToken())
                || fix.timestampMs() - written.timestampMs() >= limits.presenceRefreshMs()
                || Geo.distanceM(written.lat(), written.lng(), fix.lat(), fix.lng()) >= limits.presenceRefreshM();
    }

    private static MotionResult limited(MotionResult.Outcome outcome, PlayerMotion state, long waitMs) {
        return new MotionResult(outcome, null, state.cellToken(), state.cellToken(), state.acceptedFixes(), false, waitMs);
    }
}
