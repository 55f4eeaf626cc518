package io.oregrid.grid.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lower-case hex: the {@code refresh-tokens} key of a refresh token (the token itself is
 * never stored, so a copy of the map cannot be replayed) and the opaque form of account names in
 * rate-limit keys.
 */
public final class Sha256 {

    private Sha256() {
    }

    /** @return hex SHA-256 of the UTF-8 bytes of {@code text} (64 characters) */
    public static String hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
