package io.oregrid.edge.auth;

import com.hazelcast.core.HazelcastInstance;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.micrometer.core.instrument.MeterRegistry;
import io.oregrid.edge.EdgeModule;
import io.oregrid.edge.ratelimit.RateLimiter;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.config.OreConfig;

/**
 * Authentication on an edge node (SPEC "Auth"), wired from the grid: building it makes sure the
 * cluster has an active signing key and, when configured, the first admin (both race-safe across
 * nodes starting together).
 *
 * <p>Routes: {@code POST /api/v1/auth/register|login|refresh|logout} and
 * {@code GET /.well-known/jwks.json}; the per-IP limit of {@code /api/v1/auth/*} is registered here
 * too (do not add {@link RateLimiter#authIpLimitFilter()} elsewhere). Pass {@link #authFilter()}
 * as the first {@code /api/v1/*} filter of {@code EdgeApp.create}, before
 * {@link RateLimiter#userLimitFilter()}.
 */
public final class AuthModule implements EdgeModule {
    private final SigningKeys signingKeys;
    private final TokenService tokens;
    private final AuthService service;
    private final AuthHandlers handlers;
    private final Handler authFilter;
    private final Handler authIpLimit;

    /**
     * @param config  token, password and admin settings
     * @param clock   the game clock every time rule reads
     * @param hz      the member or client holding the auth maps
     * @param meters  metrics registry
     * @param limiter the distributed rate limits (login lockout, per-IP limit)
     */
    public AuthModule(OreConfig config, GameClock clock, HazelcastInstance hz, MeterRegistry meters, RateLimiter limiter) {
        this.signingKeys = new SigningKeys(hz.getMap(GridMaps.SIGNING_KEYS), clock);
        this.tokens = new TokenService(config, clock, signingKeys);
        this.service = new AuthService(config, clock,
                new Users(hz.getMap(GridMaps.USERS), hz.getMap(GridMaps.USERNAMES)),
                new RefreshTokens(hz.getMap(GridMaps.REFRESH_TOKENS), clock, config.refreshTokenTtlS()),
                tokens, new PasswordHasher(config.bcryptCost()), limiter.loginLockout(), meters);
        this.handlers = new AuthHandlers(service, tokens, config.maxBodyBytes());
        this.authFilter = new BearerAuthFilter(tokens);
        this.authIpLimit = limiter.authIpLimitFilter();
        ensureSigningKey();
        service.ensureAdmin();
    }

    @Override
    public void routes(RoutesConfig routes) {
        routes.before("/api/v1/auth/*", authIpLimit);
        routes.post("/api/v1/auth/register", handlers::register);
        routes.post("/api/v1/auth/login", handlers::login);
        routes.post("/api/v1/auth/refresh", handlers::refresh);
        routes.post("/api/v1/auth/logout", handlers::logout);
        routes.get("/.well-known/jwks.json", handlers::jwks);
    }

    /** @return the before-handler for {@code /api/v1/*} that requires and verifies the bearer token */
    public Handler authFilter() {
        return authFilter;
    }

    /** Makes sure the cluster has an active signing key (done at construction; idempotent). */
    public void ensureSigningKey() {
        signingKeys.ensureActive();
    }

    /** @return the access-token issuer and verifier */
    public TokenService tokens() {
        return tokens;
    }

    /** @return the account operations (e.g. {@link AuthService#changeRole} for the admin routes) */
    public AuthService service() {
        return service;
    }

    /** @return the signing keys (rotation and retirement) */
    public SigningKeys signingKeys() {
        return signingKeys;
    }
}
