package io.oregrid.edge.auth;

/**
 * A signed access token (RFC 7519 JWT, RS256).
 *
 * @param token       the compact JWS (never logged)
 * @param kid         id of the key that signed it
 * @param expiresAtMs {@code exp}, game-clock epoch ms
 * @param expiresInS  lifetime in seconds, the {@code expires_in} of RFC 6749 §5.1
 */
public record AccessToken(String token, String kid, long expiresAtMs, long expiresInS) {

    /** Never prints the token. */
    @Override
    public String toString() {
        return "AccessToken[kid=" + kid + ", expiresAtMs=" + expiresAtMs + "]";
    }
}
