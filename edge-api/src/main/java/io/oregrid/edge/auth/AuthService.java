package io.oregrid.edge.auth;

import io.micrometer.core.instrument.MeterRegistry;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.ErrorCode;
import io.oregrid.edge.ratelimit.LoginLockout;
import io.oregrid.grid.auth.RefreshTokenRecord;
import io.oregrid.grid.auth.Role;
import io.oregrid.grid.auth.UserRecord;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.config.ConfigException;
import io.oregrid.node.config.OreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The account operations of SPEC "Auth", transport-neutral: register, login, refresh, logout, the
 * first-admin bootstrap and role changes. Refusals are {@link ApiException}s with SPEC codes.
 * Never logs passwords, hashes or tokens.
 */
public final class AuthService {
    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
    private static final String BAD_CREDENTIALS = "invalid email or password";
    private static final String BAD_REFRESH = "invalid or expired refresh token";
    private static final String EVENTS_METRIC = "ore_auth_events_total";

    private final OreConfig config;
    private final GameClock clock;
    private final Users users;
    private final RefreshTokens refreshTokens;
    private final TokenService tokens;
    private final PasswordHasher hasher;
    private final LoginLockout lockout;
    private final MeterRegistry meters;

    /**
     * @param config        admin bootstrap settings
     * @param clock         the game clock (registration time)
     * @param users         accounts in the grid
     * @param refreshTokens refresh tokens in the grid
     * @param tokens        access-token issuer
     * @param hasher        bcrypt hasher
     * @param lockout       per-account failed-login lockout
     * @param meters        registry of {@code ore_auth_events_total{event}}
     */
    public AuthService(OreConfig config, GameClock clock, Users users, RefreshTokens refreshTokens, TokenService tokens,
                       PasswordHasher hasher, LoginLockout lockout, MeterRegistry meters) {
        this.config = config;
        this.clock = clock;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.hasher = hasher;
        this.lockout = lockout;
        this.meters = meters;
    }

    /**
     * Creates a player account and opens a session.
     *
     * @throws ApiException 409 EMAIL_TAKEN / USERNAME_TAKEN (case-insensitive)
     */
    public Session register(RegisterCommand command) {
        UserRecord user = new UserRecord(UUID.randomUUID().toString(), command.email(), command.username(),
                hasher.hash(command.password()), Role.PLAYER, false, clock.nowMs());
        switch (users.create(user)) {
            case EMAIL_TAKEN -> throw ApiException.of(ErrorCode.EMAIL_TAKEN, "this email is already registered")
                    .with("field", "email");
            case USERNAME_TAKEN -> throw ApiException.of(ErrorCode.USERNAME_TAKEN, "this username is taken")
                    .with("field", "username");
            case CREATED -> count("register");
        }
        return open(user);
    }

    /**
     * Checks the password and opens a session. Unknown e-mails cost a bcrypt verification too, and
     * get the same answer as a wrong password.
     *
     * @throws ApiException 401 AUTH_INVALID_CREDENTIALS; 429 RATE_LIMIT_EXCEEDED while the account is locked out
     */
    public Session login(LoginCommand command) {
        LoginLockout.Attempt attempt = lockout.begin(command.email());
        Optional<UserRecord> user = users.byEmail(command.email());
        boolean verified = user.isPresent()
                ? hasher.verify(command.password(), user.get().passwordHash())
                : hasher.verifyAgainstDummy(command.password());
        if (!verified) {
            attempt.failed();
            count("login_failed");
            throw ApiException.of(ErrorCode.AUTH_INVALID_CREDENTIALS, BAD_CREDENTIALS);
        }
        attempt.succeeded();
        count("login");
        return open(user.get());
    }

    /**
     * Exchanges a refresh token for a new access and refresh token (rotation). Presenting a token
     * that was already exchanged or revoked revokes its whole family (OAuth 2.0 Security BCP §4.14.2).
     *
     * @throws ApiException 401 AUTH_INVALID_TOKEN for an unknown, expired, reused or revoked token
     */
    public Session refresh(String refreshToken) {
        RefreshTokens.Rotation rotation = refreshTokens.rotate(refreshToken);
        switch (rotation.outcome()) {
            case INVALID -> throw ApiException.of(ErrorCode.AUTH_INVALID_TOKEN, BAD_REFRESH);
            case REUSED -> {
                count("refresh_reuse");
                LOG.warn("refresh token reuse: user={} family={} revoked", rotation.token().userId(),
                        rotation.token().familyId());
                throw ApiException.of(ErrorCode.AUTH_INVALID_TOKEN, BAD_REFRESH);
            }
            case ROTATED -> count("refresh");
        }
        RefreshTokenRecord old = rotation.token();
        Optional<UserRecord> user = users.byEmail(old.userEmail()).filter(u -> u.id().equals(old.userId()));
        if (user.isEmpty()) {
            refreshTokens.revokeFamily(old.familyId());
            throw ApiException.of(ErrorCode.AUTH_INVALID_TOKEN, BAD_REFRESH);
        }
        return new Session(user.get(), tokens.issue(user.get()), rotation.successor());
    }

    /**
     * Ends the session of {@code refreshToken}: the token and its whole family are revoked. Like
     * RFC 7009 §2.2, an unknown token, or one of another user, is no error (and changes nothing).
     */
    public void logout(Principal caller, String refreshToken) {
        refreshTokens.find(refreshToken)
                .filter(token -> token.userId().equals(caller.userId()))
                .ifPresent(token -> {
                    refreshTokens.revokeFamily(token.familyId());
                    count("logout");
                });
    }

    /**
     * Creates the first admin from {@code ORE_ADMIN_EMAIL} / {@code ORE_ADMIN_PASSWORD} when set
     * (SPEC "API contract v1"). Idempotent across restarts and race-safe across nodes starting
     * together: the admin's id is derived from the e-mail, so every node builds the same account and
     * the grid's {@code putIfAbsent}s keep one. An existing account with that e-mail is left as it
     * is (a player who registered the address first is not promoted). The username is
     * {@code admin}, or {@code admin_<id prefix>} when a player took {@code admin}.
     *
     * @throws ConfigException when ORE_ADMIN_EMAIL is not a valid address
     */
    public void ensureAdmin() {
        if (config.adminEmail() == null) {
            return;
        }
        String email;
        try {
            email = CredentialRules.email(config.adminEmail());
        } catch (ApiException e) {
            throw new ConfigException("ORE_ADMIN_EMAIL must be a valid e-mail address");
        }
        Optional<UserRecord> existing = users.byEmail(email);
        if (existing.isPresent()) {
            if (existing.get().role() != Role.ADMIN) {
                LOG.warn("ORE_ADMIN_EMAIL belongs to existing user {} with role {}; not promoted",
                        existing.get().id(), existing.get().role().wireName());
            }
            return;
        }
        String id = UUID.nameUUIDFromBytes(("ore-admin:" + email).getBytes(StandardCharsets.UTF_8)).toString();
        String hash = hasher.hash(config.adminPassword());
        for (String username : List.of("admin", "admin_" + id.substring(0, 8))) {
            UserRecord admin = new UserRecord(id, email, username, hash, Role.ADMIN, false, clock.nowMs());
            Users.CreateOutcome outcome = users.create(admin);
            if (outcome == Users.CreateOutcome.CREATED) {
                LOG.info("admin account {} ready", id);
                return;
            }
            if (outcome == Users.CreateOutcome.EMAIL_TAKEN) {
                LOG.warn("ORE_ADMIN_EMAIL was registered concurrently by another account; admin not created");
                return;
            }
        }
        throw new IllegalStateException("cannot create the admin account: usernames admin and admin_"
                + id.substring(0, 8) + " are taken");
    }

    /**
     * Sets a user's role. Takes effect in the user's next access token (after a refresh or login);
     * tokens already issued keep their role until they expire.
     *
     * @return the account afterwards, or empty when no user has that id
     */
    public Optional<UserRecord> changeRole(String userId, Role role) {
        return users.byId(userId).flatMap(user -> users.changeRole(user, role));
    }

    private Session open(UserRecord user) {
        AccessToken access = tokens.issue(user);
        String refresh = refreshTokens.issue(user, UUID.randomUUID().toString());
        return new Session(user, access, refresh);
    }

    private void count(String event) {
        meters.counter(EVENTS_METRIC, "event", event).increment();
    }
}
