package io.oregrid.grid.motion;

import com.hazelcast.map.EntryProcessor;
import io.oregrid.grid.support.Geo;

import java.util.Map;

/**
 * Judges a fix with {@link AntiCheat} and records the verdict in one step on the player's
 * {@code player-motion} entry (SPEC "Location"; ARCHITECTURE "a location update is one processor").
 *
 * <p>Deterministic: the node time is an argument. Idempotent: a fix identical to the last accepted
 * one answers {@link MotionResult.Outcome#REPLAY} and changes nothing, and a re-run of the same
 * refusal does not count the violation twice — so Hazelcast re-running it on a backup or after a
 * member left cannot double anything.
 *
 * @param fix       the fix to judge
 * @param nowMs     node clock, epoch ms
 * @param rules     anti-cheat limits
 * @param cellLevel S2 level of game cells
 */
public record UpdateMotionProcessor(Fix fix, long nowMs, AntiCheatRules rules, int cellLevel)
        implements EntryProcessor<String, PlayerMotion, MotionResult> {

    @Override
    public MotionResult process(Map.Entry<String, PlayerMotion> entry) {
        PlayerMotion state = entry.getValue() == null ? PlayerMotion.initial(entry.getKey()) : entry.getValue();
        if (fix.samePlaceAndTime(state.lastFix())) {
            return new MotionResult(MotionResult.Outcome.REPLAY, Verdict.accepted(state.lastSpeedMs()),
                    state.cellToken(), state.cellToken(), state.acceptedFixes());
        }
        Verdict verdict = AntiCheat.judge(state.lastFix(), state.lastSpeedMs(), fix, nowMs, rules);
        if (!verdict.isAccepted()) {
            if (!fix.samePlaceAndTime(state.lastRefusedFix())) {
                entry.setValue(state.refuse(fix, verdict.reason(), nowMs));
            }
            return new MotionResult(MotionResult.Outcome.REFUSED, verdict, state.cellToken(), state.cellToken(),
                    state.acceptedFixes());
        }
        String cell = Geo.cellToken(fix.lat(), fix.lng(), cellLevel);
        PlayerMotion next = state.accept(fix, cell, verdict.measured());
        entry.setValue(next);
        return new MotionResult(MotionResult.Outcome.ACCEPTED, verdict, cell, state.cellToken(), next.acceptedFixes());
    }
}
