package io.oregrid.grid.motion;

/**
 * What {@link UpdateMotionProcessor} decided.
 *
 * @param outcome      accepted, replay of the last accepted fix, or refused
 * @param verdict      the rule that failed (refused) or the segment speed (accepted)
 * @param cellToken    S2 token of the player's cell after this fix (null if none yet)
 * @param previousCell S2 token of the cell before this fix (null if none)
 * @param acceptedFixes accepted fixes so far, after this one
 */
public record MotionResult(Outcome outcome, Verdict verdict, String cellToken, String previousCell, long acceptedFixes) {

    /** The three answers to a fix. */
    public enum Outcome { ACCEPTED, REPLAY, REFUSED }

    public boolean accepted() {
        return outcome != Outcome.REFUSED;
    }
}
