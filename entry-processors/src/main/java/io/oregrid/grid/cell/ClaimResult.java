package io.oregrid.grid.cell;

/**
 * The answer of {@link ClaimCoinProcessor}.
 *
 * @param outcome   what happened
 * @param claim     the claim on the coin after the call (this call's or the one found), null when unclaimed
 * @param distanceM distance from the player's position to the coin, metres (NaN when not judged)
 * @param appearedIndex {@link Outcome#CLAIMED} only: spawn index (in the claimed coin's epoch) of the coin
 *                  that replaces it in its slot, or -1 (none: the slot's supply of the epoch is used up)
 */
public record ClaimResult(Outcome outcome, CoinClaim claim, double distanceM, int appearedIndex) {

    /** @return an answer that changed nothing */
    public static ClaimResult of(Outcome outcome, CoinClaim claim, double distanceM) {
        return new ClaimResult(outcome, claim, distanceM, -1);
    }

    /** Claim outcomes, in the order they are judged. */
    public enum Outcome {
        /** This call claimed the coin for the player; the credit is pending. */
        CLAIMED,
        /** The same player already claimed it with the same key: continue (or replay) that credit. */
        CLAIMED_BY_SAME_REQUEST,
        /** Another claim holds it (another player, or the same player with another key). */
        ALREADY_COLLECTED,
        /** No such coin among the cell's live coins. */
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
