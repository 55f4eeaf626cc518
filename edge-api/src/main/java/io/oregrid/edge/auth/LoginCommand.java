package io.oregrid.edge.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.Bodies;

import java.util.Locale;

/**
 * A {@code POST /auth/login} body (SPEC "Auth"). Only presence and type are checked: an address
 * or password that could never have been registered simply fails as bad credentials (401), so
 * the answer never says which part was wrong.
 *
 * @param email    lower-cased e-mail
 * @param password password as given (never logged)
 */
public record LoginCommand(String email, String password) {

    /** @throws ApiException 400 VALIDATION_FAILED when {@code email} or {@code password} is missing or not a string */
    public static LoginCommand parse(JsonNode body) {
        String email = Bodies.requireString(body, "email").toLowerCase(Locale.ROOT);
        String password = Bodies.requireString(body, "password");
        return new LoginCommand(email, password);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "LoginCommand[]";
    }
}
