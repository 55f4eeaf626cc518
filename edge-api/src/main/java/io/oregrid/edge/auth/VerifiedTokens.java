package io.oregrid.edge.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * This node's recently verified access tokens, so that a player's token costs one RSA verification
 * instead of one per request (a client sends a fix every 30 s with the same token for up to 24 h;
 * the JFR profile of {@code POST /api/v1/location/update} put about a fifth of its CPU in the
 * signature check — README "Performance").
 *
 * <p>Keyed by the SHA-256 of the compact token (32 bytes, not the token itself). Each entry keeps
 * the signing-key generation ({@link SigningKeys#generation()}) it was verified under: any change to
 * the {@code signing-keys} map — rotation, retirement — makes every older entry a miss, so a token
 * of a retired key is refused as soon as this node hears of the retirement, as without the cache.
 * Only successful verifications are kept, and {@code exp} is not: callers check it against the game
 * clock on every request. Bounded by size and idle time (Caffeine).
 */
final class VerifiedTokens {
    private record Entry(Principal principal, long generation) {
    }

    /** One SHA-256 instance per thread: {@code MessageDigest.getInstance} per request costs a provider lookup. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    });

    private final Cache<ByteBuffer, Entry> cache;

    /**
     * @param maxEntries tokens kept (about 200 bytes each)
     * @param idle       an entry unused this long is dropped
     */
    VerifiedTokens(long maxEntries, Duration idle) {
        this.cache = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterAccess(idle).build();
    }

    /** @return the caller {@code token} was verified as under key generation {@code generation}, or null */
    Principal get(String token, long generation) {
        Entry e = cache.getIfPresent(digest(token));
        return e != null && e.generation() == generation ? e.principal() : null;
    }

    /** Remembers a successful verification made under key generation {@code generation}. */
    void put(String token, long generation, Principal principal) {
        cache.put(digest(token), new Entry(principal, generation));
    }

    private static ByteBuffer digest(String token) {
        return ByteBuffer.wrap(SHA256.get().digest(token.getBytes(StandardCharsets.US_ASCII)));
    }
}
