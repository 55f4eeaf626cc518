package io.oregrid.edge.auth;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.ErrorCode;

import java.util.Set;

/**
 * The before-handler of {@code /api/v1/*} (SPEC "API contract v1": everything there needs
 * {@code Authorization: Bearer <access token>} except register, login and refresh): verifies the
 * token and puts the {@link Principal} on the context under {@link Principal#ATTRIBUTE}.
 * No header, or another scheme → 401 AUTH_MISSING; a bad token → 401 AUTH_INVALID_TOKEN; both with
 * {@code WWW-Authenticate: Bearer} (RFC 6750 §3). It also runs for unknown routes under
 * {@code /api/v1}, which therefore answer 401 rather than 404 without a token.
 */
final class BearerAuthFilter implements Handler {
    private static final Set<String> PUBLIC = Set.of(
            "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh");
    /** RFC 6750 §2.1 scheme name, matched case-insensitively (RFC 9110 §11.1); the token follows a space. */
    private static final String SCHEME = "Bearer";

    private final TokenService tokens;

    BearerAuthFilter(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public void handle(Context ctx) {
        if (PUBLIC.contains(withoutTrailingSlash(ctx.path()))) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || header.length() > SCHEME.length() && header.charAt(SCHEME.length()) != ' ') {
            ctx.header("WWW-Authenticate", "Bearer");
            throw ApiException.of(ErrorCode.AUTH_MISSING, "authentication required: send Authorization: Bearer <access token>");
        }
        try {
            ctx.attribute(Principal.ATTRIBUTE, tokens.verify(header.substring(SCHEME.length()).trim()));
        } catch (ApiException e) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw e;
        }
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
