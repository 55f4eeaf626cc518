package io.oregrid.edge.auth;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.oregrid.grid.auth.SetSigningKeyFlagsProcessor;
import io.oregrid.grid.auth.SigningKeyRecord;
import io.oregrid.grid.support.GameClock;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The RS256 signing keys in {@code signing-keys} (SPEC "Auth": auto-generated, persisted,
 * rotatable RSA keys with a {@code kid}). The first node to start generates an RSA 2048 key and
 * {@code putIfAbsent}s it under {@link SigningKeyRecord#ACTIVE_POINTER}; nodes starting at the
 * same time lose that race and adopt the winner's key, so the cluster has one active key.
 * {@link #rotate()} makes a new key active while the old ones keep verifying until
 * {@link #retire retired}.
 *
 * <p>Parsed keys are cached per node and dropped by a map listener whenever an entry changes, so
 * a rotation or retirement on one node reaches the others within the listener's delivery time. A
 * change counter keeps a load that raced such an event from caching what it read before it.
 *
 * <p>Security: Hazelcast Community Edition has no encryption at rest and no member authentication
 * or TLS; the private keys in the grid (and in PostgreSQL when persistence is on) are protected only
 * by keeping the grid on a private network with the edge as the only public door (STACK.md).
 */
public final class SigningKeys {
    private static final int RSA_BITS = 2048;

    private final IMap<String, SigningKeyRecord> keys;
    private final GameClock clock;
    private final Map<String, VerificationKey> verifiers = new ConcurrentHashMap<>();
    private final AtomicReference<SigningKey> active = new AtomicReference<>();
    private final AtomicLong changes = new AtomicLong();

    /** The key new tokens are signed with. */
    public record SigningKey(String kid, JWSSigner signer) {
    }

    private record VerificationKey(RSAKey jwk, JWSVerifier verifier) {
    }

    /**
     * @param keys  the {@code signing-keys} map
     * @param clock the game clock (creation times)
     */
    public SigningKeys(IMap<String, SigningKeyRecord> keys, GameClock clock) {
        this.keys = keys;
        this.clock = clock;
        keys.addEntryListener(new Invalidator(), false);
    }

    /**
     * Makes sure the cluster has an active key, generating one on first start; race-safe across
     * nodes starting together.
     *
     * @return the active key's record
     */
    public SigningKeyRecord ensureActive() {
        SigningKeyRecord current = keys.get(SigningKeyRecord.ACTIVE_POINTER);
        if (current == null) {
            SigningKeyRecord candidate = generate();
            SigningKeyRecord winner = keys.putIfAbsent(SigningKeyRecord.ACTIVE_POINTER, candidate);
            current = winner == null ? candidate : winner;
        }
        keys.putIfAbsent(current.kid(), current);
        return current;
    }

    /** @return the key that signs new tokens (cached until the active pointer changes) */
    public SigningKey active() {
        SigningKey cached = active.get();
        if (cached != null) {
            return cached;
        }
        long seen = changes.get();
        SigningKeyRecord record = ensureActive();
        SigningKey key = new SigningKey(record.kid(), new RSASSASigner(privateKey(record)));
        if (changes.get() == seen && active.compareAndSet(null, key) && changes.get() != seen) {
            active.compareAndSet(key, null);
        }
        return key;
    }

    /**
     * @return a number that changes whenever any entry of the {@code signing-keys} map changes on
     *         this node's view (rotation, retirement, a new key): what was verified under an older
     *         value must be verified again
     */
    public long generation() {
        return changes.get();
    }

    /** @return a verifier for {@code kid} when that key exists and is not retired */
    public Optional<JWSVerifier> verifier(String kid) {
        return verificationKey(kid).map(VerificationKey::verifier);
    }

    /** @return the public JWKs of every key that is not retired, newest first (RFC 7517) */
    public List<RSAKey> publicKeys() {
        return keys.entrySet().stream()
                .filter(e -> !SigningKeyRecord.ACTIVE_POINTER.equals(e.getKey()) && !e.getValue().retired())
                .map(Map.Entry::getValue)
                .sorted(Comparator.comparingLong(SigningKeyRecord::createdAtMs).reversed())
                .map(SigningKeys::jwk)
                .toList();
    }

    /**
     * Generates a new key and makes it the active one; the previous key stays published and keeps
     * verifying until retired. When another node rotates at the same moment, its key wins and
     * this one is discarded.
     *
     * @return the active key afterwards
     */
    public SigningKeyRecord rotate() {
        SigningKeyRecord current = ensureActive();
        SigningKeyRecord next = generate();
        keys.set(next.kid(), next);
        if (keys.replace(SigningKeyRecord.ACTIVE_POINTER, current, next)) {
            keys.executeOnKey(current.kid(), new SetSigningKeyFlagsProcessor(false, false));
            return next;
        }
        keys.delete(next.kid());
        return keys.get(SigningKeyRecord.ACTIVE_POINTER);
    }

    /**
     * Retires a key that is no longer active: tokens signed with it stop verifying and it leaves
     * the JWKS.
     *
     * @return whether such a key existed
     * @throws IllegalStateException when {@code kid} is the active key
     */
    public boolean retire(String kid) {
        SigningKeyRecord current = keys.get(SigningKeyRecord.ACTIVE_POINTER);
        if (current != null && current.kid().equals(kid)) {
            throw new IllegalStateException("the active signing key cannot be retired; rotate first");
        }
        return keys.executeOnKey(kid, new SetSigningKeyFlagsProcessor(false, true)) != null;
    }

    private Optional<VerificationKey> verificationKey(String kid) {
        if (SigningKeyRecord.ACTIVE_POINTER.equals(kid)) {
            return Optional.empty();
        }
        VerificationKey cached = verifiers.get(kid);
        if (cached != null) {
            return Optional.of(cached);
        }
        long seen = changes.get();
        SigningKeyRecord record = keys.get(kid);
        if (record == null || record.retired()) {
            return Optional.empty();
        }
        RSAKey jwk = jwk(record);
        try {
            VerificationKey key = new VerificationKey(jwk, new RSASSAVerifier(jwk));
            if (changes.get() == seen && verifiers.putIfAbsent(kid, key) == null && changes.get() != seen) {
                verifiers.remove(kid, key);
            }
            return Optional.of(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("stored signing key " + kid + " is not a usable RSA key", e);
        }
    }

    private SigningKeyRecord generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            KeyPair pair = generator.generateKeyPair();
            String kid = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).build().computeThumbprint().toString();
            Base64.Encoder b64 = Base64.getEncoder();
            return new SigningKeyRecord(kid, b64.encodeToString(pair.getPublic().getEncoded()),
                    b64.encodeToString(pair.getPrivate().getEncoded()), clock.nowMs(), true, false);
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA signing key", e);
        }
    }

    private static RSAKey jwk(SigningKeyRecord record) {
        return new RSAKey.Builder(publicKey(record))
                .keyID(record.kid())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
    }

    private static RSAPublicKey publicKey(SigningKeyRecord record) {
        try {
            byte[] der = Base64.getDecoder().decode(record.publicKeyDer());
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("stored public key of " + record.kid() + " is unreadable", e);
        }
    }

    private static RSAPrivateKey privateKey(SigningKeyRecord record) {
        try {
            byte[] der = Base64.getDecoder().decode(record.privateKeyDer());
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("stored private key of " + record.kid() + " is unreadable", e);
        }
    }

    /** Drops cached keys when their entries change anywhere in the cluster. */
    private final class Invalidator implements EntryAddedListener<String, SigningKeyRecord>,
            EntryUpdatedListener<String, SigningKeyRecord>, EntryRemovedListener<String, SigningKeyRecord>,
            EntryEvictedListener<String, SigningKeyRecord>, EntryExpiredListener<String, SigningKeyRecord> {

        private void drop(EntryEvent<String, SigningKeyRecord> event) {
            changes.incrementAndGet();
            if (SigningKeyRecord.ACTIVE_POINTER.equals(event.getKey())) {
                active.set(null);
            } else {
                verifiers.remove(event.getKey());
            }
        }

        @Override
        public void entryAdded(EntryEvent<String, SigningKeyRecord> event) {
            drop(event);
        }

        @Override
        public void entryUpdated(EntryEvent<String, SigningKeyRecord> event) {
            drop(event);
        }

        @Override
        public void entryRemoved(EntryEvent<String, SigningKeyRecord> event) {
            drop(event);
        }

        @Override
        public void entryEvicted(EntryEvent<String, SigningKeyRecord> event) {
            drop(event);
        }

        @Override
        public void entryExpired(EntryEvent<String, SigningKeyRecord> event) {
            drop(event);
        }
    }
}
