package io.oregrid.edge.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of register, login and refresh (SPEC "Auth"):
 * {@code {"user":{"id","username","email","role","is_genesis"},"access_token","refresh_token","expires_in"}}
 * with {@code expires_in} the access token's lifetime in seconds (RFC 6749 §5.1).
 *
 * @param user         the account
 * @param accessToken  the RS256 access token
 * @param refreshToken the opaque refresh token
 * @param expiresIn    seconds until the access token expires
 */
public record SessionResponse(UserView user, String accessToken, String refreshToken, long expiresIn) {

    /**
     * The public view of an account.
     *
     * @param id        user id
     * @param username  username
     * @param email     lower-cased e-mail
     * @param role      role wire name
     * @param isGenesis Genesis membership
     */
    public record UserView(String id, String username, String email, String role,
                           @JsonProperty("is_genesis") boolean isGenesis) {
    }

    /** @return the response for {@code session} */
    public static SessionResponse of(Session session) {
        var user = session.user();
        return new SessionResponse(
                new UserView(user.id(), user.username(), user.email(), user.role().wireName(), user.genesis()),
                session.access().token(), session.refreshToken(), session.access().expiresInS());
    }

    /** Never prints the tokens. */
    @Override
    public String toString() {
        return "SessionResponse[user=" + user.id() + "]";
    }
}
