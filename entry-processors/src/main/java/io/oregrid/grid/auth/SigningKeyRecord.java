package io.oregrid.grid.auth;

/**
 * An RSA 2048 key pair that signs RS256 access tokens, in {@code signing-keys} under its
 * {@link #kid()} (the RFC 7638 JWK thumbprint of the public key). The entry under
 * {@link #ACTIVE_POINTER} holds a copy of the key that signs new tokens; whoever
 * {@code putIfAbsent}s it first wins, so members starting together agree on one key, and rotation
 * swaps it with a compare-and-set {@code replace}. Keys that are not retired still verify and are
 * published in the JWKS.
 *
 * <p>Security: Hazelcast Community Edition has no encryption at rest and no member
 * authentication or TLS, so the private keys here are protected only by keeping the grid on a
 * private network with the edge as the only public door (STACK.md); with persistence on they
 * reach PostgreSQL as they are.
 *
 * @param kid             key id, the map key (and the JWS header's {@code kid})
 * @param publicKeyDer    Base64 of the X.509 SubjectPublicKeyInfo encoding
 * @param privateKeyDer   Base64 of the PKCS#8 encoding
 * @param createdAtMs     game-clock epoch ms of generation
 * @param active          whether this key signs new tokens
 * @param retired         whether this key no longer verifies (and is left out of the JWKS)
 */
public record SigningKeyRecord(String kid, String publicKeyDer, String privateKeyDer, long createdAtMs,
                               boolean active, boolean retired) {

    /** The well-known key whose value is a copy of the active signing key. */
    public static final String ACTIVE_POINTER = "active";

    /** @return a copy with other flags */
    public SigningKeyRecord with(boolean nowActive, boolean nowRetired) {
        return new SigningKeyRecord(kid, publicKeyDer, privateKeyDer, createdAtMs, nowActive, nowRetired);
    }

    /** Never prints the private key. */
    @Override
    public String toString() {
        return "SigningKeyRecord[kid=" + kid + ", active=" + active + ", retired=" + retired + "]";
    }
}
