package io.oregrid.grid.cell;

/** Where a coin is in the two-step collect (ARCHITECTURE "an action that spans two partitions"). */
public enum ClaimState {
    /** Claimed by a player with an Idempotency-Key; the credit in the player's partition is not confirmed yet. */
    PENDING,
    /** Claimed and credited. */
    CREDITED
}
