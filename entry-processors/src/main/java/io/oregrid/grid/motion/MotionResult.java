package io.oregrid.grid.motion;

/**
 * What {@link UpdateMotionProcessor} decided.
 *
 * @param outcome       accepted, replay of the last accepted fix, refused by anti-cheat, or rate-limited
 * @param verdict       the rule that failed (refused) or the segment speed (accepted); null when rate-limited
 * @param cellToken     S2 token of the player's cell after this fix (null if none yet)
 * @param previousCell  S2 token of the cell before this fix (null if none)
 * @param acceptedFixes accepted fixes so far, after this one
 * @param presenceDue   the cell presence must be written: the player changed cells, or moved or aged past
 *                      {@link MotionLimits}' refresh thresholds since the presence last written (accepted), or
 *                      the request is a replay whose first tail a crash may have cut off
 * @param retryAfterMs  (rate-limited only) node ms until the limit has a token again
 */
public record MotionResult(Outcome outcome, Verdict verdict, String cellToken, String previousCell, long acceptedFixes,
                           boolean presenceDue, long retryAfterMs) {

    /** The answers to a fix, in the order they are decided. */
    public enum Outcome {
        /** The per-user request limit has no token (SPEC: 429 RATE_LIMIT_EXCEEDED). */
        REQUEST_LIMITED,
        /** The per-player location limit has no token (SPEC: 429 LOCATION_RATE_LIMIT). */
        LOCATION_LIMITED,
        /** The fix is the last accepted one again: nothing changed but the limits. */
        REPLAY,
        /** Anti-cheat refused the fix. */
        REFUSED,
        /** The fix is the player's new position. */
        ACCEPTED
    }

    /** @return whether the fix is (or already was) the player's position */
    public boolean accepted() {
        return outcome == Outcome.ACCEPTED || outcome == Outcome.REPLAY;
    }

    /** @return whether a limit refused the request before the fix was judged */
    public boolean rateLimited() {
        return outcome == Outcome.REQUEST_LIMITED || outcome == Outcome.LOCATION_LIMITED;
    }

    /** @return whether the player has just entered a cell other than the one before (accepted only) */
    public boolean changedCell() {
        return outcome == Outcome.ACCEPTED && previousCell != null && !previousCell.equals(cellToken);
    }
}
