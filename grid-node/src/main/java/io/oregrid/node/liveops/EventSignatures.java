package io.oregrid.node.liveops;

import io.oregrid.grid.support.GameClock;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies the game servers' {@code X-Signature: t=<unix seconds>,v1=<hex>} header (SPEC "Event
 * ingestion"): {@code v1} is hex HMAC-SHA256 (RFC 2104) over the bytes {@code "<t>." + raw body},
 * keyed with the UTF-8 bytes of the current secret or, while rotating, the previous one. Several
 * {@code v1} values may be sent (one per secret during rotation); one match is enough. {@code t}
 * must lie within the tolerance of the node clock in both directions. Checked over the raw body,
 * before any JSON parsing; MACs are compared in constant time. Secrets are never logged or echoed.
 */
public final class EventSignatures {
    /** The signature header's name. */
    public static final String HEADER = "X-Signature";

    private final List<byte[]> secrets;
    private final long toleranceS;
    private final GameClock clock;

    /**
     * @param secrets    accepted keys, current first (each at least 32 bytes)
     * @param toleranceS how far {@code t} may be from the node clock, seconds (SPEC: 300)
     * @param clock      the node's clock
     */
    public EventSignatures(List<byte[]> secrets, long toleranceS, GameClock clock) {
        this.secrets = List.copyOf(secrets);
        this.toleranceS = toleranceS;
        this.clock = clock;
    }

    /**
     * @param header the {@code X-Signature} value, may be null
     * @param body   the raw request body
     * @return whether the header is well formed, timely and carries a valid MAC for {@code body}
     */
    public boolean verify(String header, byte[] body) {
        if (header == null || header.length() > 1024) {
            return false;
        }
        String t = null;
        List<String> v1 = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                return false;
            }
            String name = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (name.equals("t")) {
                if (t != null) {
                    return false;
                }
                t = value;
            } else if (name.equals("v1")) {
                v1.add(value);
            }
        }
        if (t == null || v1.isEmpty() || !t.matches("[0-9]{1,12}")) {
            return false;
        }
        long nowS = Math.floorDiv(clock.nowMs(), 1000L);
        if (Math.abs(nowS - Long.parseLong(t)) > toleranceS) {
            return false;
        }
        byte[] signed = signedBytes(t, body);
        boolean ok = false;
        for (byte[] secret : secrets) {
            byte[] expected = HmacSha256.mac(secret, signed);
            for (String claimed : v1) {
                ok |= HmacSha256.matches(expected, claimed);
            }
        }
        return ok;
    }

    /**
     * Signs a body the way a game server does.
     *
     * @param secret the key's bytes
     * @param t      unix seconds
     * @param body   the raw body
     * @return the header value {@code t=<t>,v1=<hex>}
     */
    public static String sign(byte[] secret, long t, byte[] body) {
        return "t=" + t + ",v1=" + HmacSha256.hex(secret, signedBytes(Long.toString(t), body));
    }

    private static byte[] signedBytes(String t, byte[] body) {
        byte[] prefix = (t + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        return all;
    }
}
