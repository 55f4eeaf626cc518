package io.oregrid.edge.auth;

import io.javalin.http.Context;
import io.oregrid.edge.http.Bodies;

/**
 * The thin HTTP handlers of SPEC "Auth": parse the body into a command (400/413/415 on bad
 * input), call {@link AuthService}, write the result. Token responses carry
 * {@code Cache-Control: no-store} (RFC 6749 §5.1).
 */
final class AuthHandlers {
    private final AuthService service;
    private final TokenService tokens;
    private final long maxBodyBytes;

    AuthHandlers(AuthService service, TokenService tokens, long maxBodyBytes) {
        this.service = service;
        this.tokens = tokens;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** {@code POST /api/v1/auth/register} → 201 session. */
    void register(Context ctx) {
        RegisterCommand command = RegisterCommand.parse(Bodies.object(ctx, maxBodyBytes));
        session(ctx.status(201), service.register(command));
    }

    /** {@code POST /api/v1/auth/login} → 200 session. */
    void login(Context ctx) {
        LoginCommand command = LoginCommand.parse(Bodies.object(ctx, maxBodyBytes));
        session(ctx, service.login(command));
    }

    /** {@code POST /api/v1/auth/refresh} → 200 session with a new token pair. */
    void refresh(Context ctx) {
        RefreshTokenCommand command = RefreshTokenCommand.parse(Bodies.object(ctx, maxBodyBytes));
        session(ctx, service.refresh(command.refreshToken()));
    }

    /** {@code POST /api/v1/auth/logout} (authenticated) → 204. */
    void logout(Context ctx) {
        Principal caller = Principal.of(ctx);
        RefreshTokenCommand command = RefreshTokenCommand.parse(Bodies.object(ctx, maxBodyBytes));
        service.logout(caller, command.refreshToken());
        ctx.status(204);
    }

    /** {@code GET /.well-known/jwks.json} → the public keys (RFC 7517). */
    void jwks(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=300").json(tokens.jwks());
    }

    private static void session(Context ctx, Session session) {
        ctx.header("Cache-Control", "no-store").json(SessionResponse.of(session));
    }
}
