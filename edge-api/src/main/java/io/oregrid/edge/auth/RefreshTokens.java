package io.oregrid.edge.auth;

import com.hazelcast.config.IndexType;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.oregrid.grid.auth.RefreshTokenRecord;
import io.oregrid.grid.auth.RefreshTokenState;
import io.oregrid.grid.auth.RevokeRefreshTokenProcessor;
import io.oregrid.grid.auth.RotateRefreshTokenProcessor;
import io.oregrid.grid.auth.RotationResult;
import io.oregrid.grid.auth.Sha256;
import io.oregrid.grid.auth.UserRecord;
import io.oregrid.grid.support.GameClock;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Refresh tokens in {@code refresh-tokens} (SPEC "Auth", RFC 6749 §6, OAuth 2.0 Security BCP
 * §4.14): opaque 256-bit random strings, stored only as their SHA-256, living
 * {@code refreshTokenTtlS} (7 days) by the game clock. Each use rotates the token; presenting a
 * token that was already rotated or revoked revokes its whole family.
 *
 * <p>Families: every record carries the {@code familyId} of the login it descends from, and the
 * map gets a hash index on {@code familyId} (added here, idempotently, on every node), so a family
 * is revoked by one {@code executeOnEntries} with an equality predicate. A rotation that races a
 * family revocation is caught by re-reading the rotated token after its successor is stored: if
 * the family was revoked in between, the successor is revoked too.
 *
 * <p>Entries carry a Hazelcast TTL equal to the token's lifetime, in real milliseconds: with the
 * demo's faster clock the entry outlives the token (which the game clock has already refused),
 * never the other way round at real speed.
 */
public final class RefreshTokens {
    private static final int TOKEN_BYTES = 32;

    private final IMap<String, RefreshTokenRecord> tokens;
    private final GameClock clock;
    private final long ttlMs;
    private final SecureRandom random = new SecureRandom();

    /** The outcome of {@link #rotate}. */
    public enum Outcome {
        /** Exchanged: {@link Rotation#successor()} is the new token. */
        ROTATED,
        /** Unknown or expired: refused, nothing revoked. */
        INVALID,
        /** Already used or revoked: refused and the family revoked. */
        REUSED
    }

    /**
     * @param outcome   what happened
     * @param token     the presented token's record (null when unknown)
     * @param successor the new refresh token when ROTATED, else null
     */
    public record Rotation(Outcome outcome, RefreshTokenRecord token, String successor) {
        /** Never prints the token. */
        @Override
        public String toString() {
            return "Rotation[" + outcome + "]";
        }
    }

    /**
     * @param tokens   the {@code refresh-tokens} map
     * @param clock    the game clock
     * @param ttlS     refresh-token lifetime, seconds (config {@code refreshTokenTtlS})
     */
    public RefreshTokens(IMap<String, RefreshTokenRecord> tokens, GameClock clock, long ttlS) {
        this.tokens = tokens;
        this.clock = clock;
        this.ttlMs = TimeUnit.SECONDS.toMillis(ttlS);
        tokens.addIndex(IndexType.HASH, "familyId");
    }

    /** @return a new ACTIVE refresh token for {@code user} in {@code familyId} */
    public String issue(UserRecord user, String familyId) {
        long now = clock.nowMs();
        String token = newToken();
        store(Sha256.hex(token), RefreshTokenRecord.active(user.id(), user.email(), familyId, now, now + ttlMs));
        return token;
    }

    /**
     * Exchanges {@code token} for a successor in the same family (one EntryProcessor: ACTIVE →
     * ROTATED). A token already ROTATED or REVOKED revokes its whole family.
     */
    public Rotation rotate(String token) {
        long now = clock.nowMs();
        String hash = Sha256.hex(token);
        String successor = newToken();
        String successorHash = Sha256.hex(successor);
        RotationResult result = tokens.executeOnKey(hash, new RotateRefreshTokenProcessor(now, successorHash));
        RefreshTokenRecord old = result.token();
        return switch (result.outcome()) {
            case UNKNOWN, EXPIRED -> new Rotation(Outcome.INVALID, old, null);
            case REUSED -> {
                revokeFamily(old.familyId());
                yield new Rotation(Outcome.REUSED, old, null);
            }
            case ROTATED -> {
                store(successorHash, RefreshTokenRecord.active(old.userId(), old.userEmail(), old.familyId(), now, now + ttlMs));
                RefreshTokenRecord after = tokens.get(hash);
                if (after != null && after.state() == RefreshTokenState.REVOKED) {
                    revokeFamily(old.familyId());
                    yield new Rotation(Outcome.REUSED, old, null);
                }
                yield new Rotation(Outcome.ROTATED, old, successor);
            }
        };
    }

    /** @return the record of {@code token}, whatever its state */
    public Optional<RefreshTokenRecord> find(String token) {
        return Optional.ofNullable(tokens.get(Sha256.hex(token)));
    }

    /** Revokes every token of the family (logout, reuse detection). Idempotent. */
    public void revokeFamily(String familyId) {
        tokens.executeOnEntries(new RevokeRefreshTokenProcessor(), Predicates.equal("familyId", familyId));
    }

    private void store(String hash, RefreshTokenRecord record) {
        tokens.set(hash, record, ttlMs, TimeUnit.MILLISECONDS);
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
