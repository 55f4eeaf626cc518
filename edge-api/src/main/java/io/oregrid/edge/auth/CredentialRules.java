package io.oregrid.edge.auth;

import io.oregrid.edge.http.ApiException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The input rules of SPEC "Auth" for accounts, each failing with 400 VALIDATION_FAILED naming
 * the field: e-mail a valid address compared case-insensitively, username 3–32 of
 * {@code [A-Za-z0-9_]}, password 8–128 characters (NIST SP 800-63B §5.1.1.2: at least 8, allow at
 * least 64, every character allowed, counted as Unicode code points).
 */
public final class CredentialRules {
    /** Minimum password length, characters (NIST SP 800-63B). */
    public static final int PASSWORD_MIN = 8;
    /** Maximum password length, characters (SPEC). */
    public static final int PASSWORD_MAX = 128;

    /**
     * WHATWG HTML "valid e-mail address" (the definition browsers apply to {@code type=email}):
     * a practical subset of RFC 5322 without comments, quoted local parts or IP literals.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern USERNAME_CHARS = Pattern.compile("[A-Za-z0-9_]*");
    /** RFC 5321 §4.5.3.1: 64 octets of local part, 254 of address in a path. */
    private static final int EMAIL_MAX = 254;
    private static final int LOCAL_PART_MAX = 64;

    private CredentialRules() {
    }

    /**
     * @return the address lower-cased (the {@code users} key)
     * @throws ApiException 400 {@code field=email} when not a valid address
     */
    public static String email(String email) {
        int at = email.indexOf('@');
        if (email.length() > EMAIL_MAX || at > LOCAL_PART_MAX || !EMAIL.matcher(email).matches()) {
            throw ApiException.invalid("email", "email must be a valid e-mail address");
        }
        return email.toLowerCase(Locale.ROOT);
    }

    /** @throws ApiException 400 {@code field=username} unless 3–32 of {@code [A-Za-z0-9_]} */
    public static String username(String username) {
        if (username.length() < 3 || username.length() > 32) {
            throw ApiException.invalid("username", "username must be 3 to 32 characters long");
        }
        if (!USERNAME_CHARS.matcher(username).matches()) {
            throw ApiException.invalid("username", "username may contain only letters A-Z, digits and _");
        }
        return username;
    }

    /** @throws ApiException 400 {@code field=password} unless 8–128 characters */
    public static String password(String password) {
        int length = password.codePointCount(0, password.length());
        if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
            throw ApiException.invalid("password",
                    "password must be " + PASSWORD_MIN + " to " + PASSWORD_MAX + " characters long");
        }
        return password;
    }
}
