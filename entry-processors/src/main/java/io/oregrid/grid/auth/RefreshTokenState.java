package io.oregrid.grid.auth;

/**
 * Life cycle of a refresh token (RFC 6749 §10.4, OAuth 2.0 Security BCP §4.14 "refresh token
 * rotation"): ACTIVE until used once, then ROTATED (its successor is the live one); REVOKED by
 * logout or by reuse detection. Only ACTIVE tokens can be exchanged.
 */
public enum RefreshTokenState {
    ACTIVE, ROTATED, REVOKED
}
