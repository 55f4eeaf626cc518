package io.oregrid.edge.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.Bodies;

/**
 * A {@code {"refresh_token"}} body of {@code POST /auth/refresh} and {@code /auth/logout}.
 *
 * @param refreshToken the opaque refresh token (never logged)
 */
public record RefreshTokenCommand(String refreshToken) {

    /** @throws ApiException 400 VALIDATION_FAILED when {@code refresh_token} is missing, not a string or empty */
    public static RefreshTokenCommand parse(JsonNode body) {
        String token = Bodies.requireString(body, "refresh_token");
        if (token.isEmpty()) {
            throw ApiException.invalid("refresh_token", "refresh_token must not be empty");
        }
        return new RefreshTokenCommand(token);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "RefreshTokenCommand[]";
    }
}
