package io.oregrid.edge.auth;

import io.oregrid.grid.auth.UserRecord;

/**
 * What register, login and refresh hand back: the account, a new access token and a new refresh
 * token (SPEC "Auth").
 *
 * @param user         the account
 * @param access       the access token
 * @param refreshToken the opaque refresh token (never logged; only its hash is stored)
 */
public record Session(UserRecord user, AccessToken access, String refreshToken) {

    /** Never prints the tokens. */
    @Override
    public String toString() {
        return "Session[user=" + user.id() + ", " + access + "]";
    }
}
