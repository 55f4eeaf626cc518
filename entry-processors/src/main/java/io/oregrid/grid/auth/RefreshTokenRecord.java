package io.oregrid.grid.auth;

/**
 * A refresh token in {@code refresh-tokens}, keyed by the hex SHA-256 of the token (the token
 * itself is never stored). All tokens descending from one login share a {@link #familyId()}; the
 * map has a hash index on it, which is how a whole family is revoked at once.
 *
 * @param userId        owner's user id
 * @param userEmail     owner's lower-cased e-mail, the {@code users} key to reload the account
 * @param familyId      id of the login session this token descends from
 * @param issuedAtMs    game-clock epoch ms of issue
 * @param expiresAtMs   game-clock epoch ms after which the token is refused (SPEC: 7 days)
 * @param state         rotation state
 * @param successorHash hash of the token that replaced this one once ROTATED, else null
 */
public record RefreshTokenRecord(String userId, String userEmail, String familyId, long issuedAtMs,
                                 long expiresAtMs, RefreshTokenState state, String successorHash) {

    /** @return a fresh ACTIVE token record */
    public static RefreshTokenRecord active(String userId, String userEmail, String familyId, long issuedAtMs,
                                            long expiresAtMs) {
        return new RefreshTokenRecord(userId, userEmail, familyId, issuedAtMs, expiresAtMs, RefreshTokenState.ACTIVE, null);
    }

    /** @return a copy in {@code newState} with {@code successor} (may be null) */
    public RefreshTokenRecord with(RefreshTokenState newState, String successor) {
        return new RefreshTokenRecord(userId, userEmail, familyId, issuedAtMs, expiresAtMs, newState, successor);
    }
}
