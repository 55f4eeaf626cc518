package io.oregrid.edge.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;

/**
 * bcrypt password hashes at the configured cost. Passwords are NFKC-normalised first (NIST SP
 * 800-63B §5.1.1.2); those longer than bcrypt's 72-byte input are pre-hashed with SHA-512 instead
 * of being truncated, so every one of the up to 128 characters counts.
 *
 * <p>{@link #verifyAgainstDummy} lets a login for an unknown e-mail spend the same time as one
 * for a known e-mail, so response times do not reveal which addresses have accounts.
 */
public final class PasswordHasher {
    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;
    private static final LongPasswordStrategy LONG_PASSWORDS = LongPasswordStrategies.hashSha512(VERSION);

    private final int cost;
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;

    /** @param cost bcrypt work factor (log2 rounds), 4–31 */
    public PasswordHasher(int cost) {
        this.cost = cost;
        byte[] noise = new byte[24];
        random.nextBytes(noise);
        this.dummyHash = hash(Base64.getEncoder().encodeToString(noise));
    }

    /** @return the bcrypt hash string ({@code $2b$<cost>$...}) */
    public String hash(String password) {
        return BCrypt.with(VERSION, random, LONG_PASSWORDS).hashToString(cost, normalise(password));
    }

    /** @return whether {@code password} matches {@code hash}; false for a malformed hash */
    public boolean verify(String password, String hash) {
        return BCrypt.verifyer(VERSION, LONG_PASSWORDS).verify(normalise(password), hash).verified;
    }

    /** Spends one verification's worth of time on a hash nobody knows the password of; always false. */
    public boolean verifyAgainstDummy(String password) {
        verify(password, dummyHash);
        return false;
    }

    private static char[] normalise(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC).toCharArray();
    }
}
