package io.oregrid.edge.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.Bodies;

/**
 * A validated {@code POST /auth/register} body (SPEC "Auth").
 *
 * @param email    lower-cased e-mail
 * @param username username as given
 * @param password password as given (never logged)
 */
public record RegisterCommand(String email, String username, String password) {

    /**
     * Reads {@code {"email","username","password"}}, checking the fields in that order.
     *
     * @throws ApiException 400 VALIDATION_FAILED naming the first bad field
     */
    public static RegisterCommand parse(JsonNode body) {
        String email = CredentialRules.email(Bodies.requireString(body, "email"));
        String username = CredentialRules.username(Bodies.requireString(body, "username"));
        String password = CredentialRules.password(Bodies.requireString(body, "password"));
        return new RegisterCommand(email, username, password);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "RegisterCommand[username=" + username + "]";
    }
}
