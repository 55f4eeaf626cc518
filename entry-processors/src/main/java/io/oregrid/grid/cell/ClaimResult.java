package io.oregrid.grid.cell;

/**
 * The answer of {@link ClaimCoinProcessor}.
 *
 * @param outcome   what happened
 * @param coin      the coin as it is after the call (null when not found)
 * @param distanceM distance from the player's position to the coin, metres (NaN when not judged)
 */
public record ClaimResult(Outcome outcome, Coin coin, double distanceM) {

    /** Claim outcomes, in the order they are judged. */
    public enum Outcome {
        /** This call claimed the coin for the player; the credit is pending. */
        CLAIMED,
        /** The same player already claimed it with the same key: continue (or replay) that credit. */
        CLAIMED_BY_SAME_REQUEST,
        /** Another claim holds it (another player, or the same player with another key). */
        ALREADY_COLLECTED,
        /** No such coin in the cell. */
        NOT_FOUND,
        /** The coin expired before anyone claimed it. */
        EXPIRED,
        /** The player is further away than their collect range. */
        OUT_OF_RANGE
    }

    /** @return whether the caller should go on to credit the player */
    public boolean proceedToCredit() {
        return outcome == Outcome.CLAIMED || outcome == Outcome.CLAIMED_BY_SAME_REQUEST;
    }
}
