package io.oregrid.node.liveops;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * HMAC-SHA256 (RFC 2104 with SHA-256, test vectors RFC 4231 §4) and the constant-time comparison
 * used for every signature check. Keys are raw bytes; callers pass the UTF-8 bytes of the secret.
 */
public final class HmacSha256 {
    private static final HexFormat HEX = HexFormat.of();

    private HmacSha256() {
    }

    /** @return the 32-byte MAC of {@code message} under {@code key} */
    public static byte[] mac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** @return the MAC as 64 lower-case hex digits */
    public static String hex(byte[] key, byte[] message) {
        return HEX.formatHex(mac(key, message));
    }

    /**
     * Compares a claimed hex MAC with the expected bytes in time independent of where they differ
     * ({@link MessageDigest#isEqual}); malformed hex never matches.
     */
    public static boolean matches(byte[] expected, String claimedHex) {
        if (claimedHex == null || claimedHex.length() != expected.length * 2) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HEX.parseHex(claimedHex.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, claimed);
    }

    /** @return hex SHA-256 of {@code bytes} (request fingerprints) */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
