package io.oregrid.grid.auth;

/**
 * What {@link RotateRefreshTokenProcessor} decided.
 *
 * @param outcome the decision
 * @param token   the presented token's record as it was before the call (null when UNKNOWN)
 */
public record RotationResult(Outcome outcome, RefreshTokenRecord token) {

    /** The possible decisions. */
    public enum Outcome {
        /** The token was ACTIVE and is now ROTATED to the caller's successor (or already was, by this same call). */
        ROTATED,
        /** No such token (never issued, or its entry expired). */
        UNKNOWN,
        /** The token was ACTIVE but past its expiry; nothing changed. */
        EXPIRED,
        /** The token was already ROTATED to another successor or REVOKED: reuse, the family must be revoked. */
        REUSED
    }
}
