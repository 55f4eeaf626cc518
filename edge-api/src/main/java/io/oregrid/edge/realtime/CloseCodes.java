package io.oregrid.edge.realtime;

/**
 * WebSocket close codes the server sends (SPEC "WebSocket {@code /ws}"; RFC 6455 §7.4: 4000–4999
 * are for applications, 1001 and 1009 are the protocol's own).
 */
public final class CloseCodes {
    /** RFC 6455 §7.4.1: the server is going down (graceful stop). */
    public static final int GOING_AWAY = 1001;
    /** RFC 6455 §7.4.1, SPEC: a message larger than {@code ORE_WS_MAX_MESSAGE_BYTES}. */
    public static final int TOO_LARGE = 1009;
    /** SPEC: authentication failed (bad token, or a first message that is not a valid auth). */
    public static final int AUTH_FAILED = 4001;
    /** SPEC: no auth message within {@code ORE_WS_AUTH_TIMEOUT_S}. */
    public static final int AUTH_TIMEOUT = 4002;
    /** SPEC: the access token's {@code exp} passed (at the handshake or during the session). */
    public static final int TOKEN_EXPIRED = 4003;
    /** SPEC: too many errors per minute, or too slow a reader (send queue full). */
    public static final int POLICY = 4008;

    private CloseCodes() {
    }
}
