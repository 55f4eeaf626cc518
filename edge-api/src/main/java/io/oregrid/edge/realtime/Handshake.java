package io.oregrid.edge.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.oregrid.edge.auth.Principal;
import io.oregrid.edge.auth.TokenService;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.ErrorCode;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.realtime.PlayerCells;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A connection's authentication (SPEC "WebSocket {@code /ws}"): the first message must be
 * {@code {"type":"auth","token":"<access token>"}} within {@code ORE_WS_AUTH_TIMEOUT_S} seconds of
 * real time (socket housekeeping). Answers: {@code auth_result} success, or failure with a code
 * and the socket closed — 4001 for a bad token or any other first message, 4002 for silence, 4003
 * for an expired token. The token's {@code exp} is judged by the game clock, at the handshake and
 * then every second: an expired session gets an AUTH_INVALID_TOKEN error and close 4003.
 * A later {@code auth} with a fresh token of the same player extends the session.
 */
final class Handshake {
    private final TokenService tokens;
    private final GameClock clock;
    private final Connections connections;
    private final Membership membership;
    private final PlayerCells cells;
    private final ScheduledExecutorService timers;
    private final int timeoutS;

    /**
     * @param timeoutS real seconds a new socket has to authenticate
     */
    Handshake(TokenService tokens, GameClock clock, Connections connections, Membership membership, PlayerCells cells,
              ScheduledExecutorService timers, int timeoutS) {
        this.tokens = tokens;
        this.clock = clock;
        this.connections = connections;
        this.membership = membership;
        this.cells = cells;
        this.timers = timers;
        this.timeoutS = timeoutS;
    }

    /** Starts the auth timer of a new socket. */
    void connected(Connection c) {
        c.authTimeout(timers.schedule(() -> {
            if (c.phase() == Connection.Phase.AWAITING_AUTH) {
                fail(c, ApiException.of(ErrorCode.AUTH_MISSING, "no auth message within " + timeoutS + " s"), null,
                        CloseCodes.AUTH_TIMEOUT, "authentication timeout");
            }
        }, timeoutS, TimeUnit.SECONDS));
    }

    /**
     * Handles an {@code auth} message: verifies the token; on success opens the session and puts it
     * in the rooms of the player's current cell, if they have one.
     */
    void auth(Connection c, ClientMessage m) {
        JsonNode token = m.fields().get("token");
        if (token == null || !token.isTextual() || token.asText().isEmpty()) {
            fail(c, ApiException.of(ErrorCode.AUTH_MISSING, "token is required").with("field", "token"), m.id(),
                    CloseCodes.AUTH_FAILED, "authentication failed");
            return;
        }
        Principal p;
        try {
            p = tokens.verifyIgnoringExpiry(token.asText());
        } catch (ApiException e) {
            fail(c, e, m.id(), CloseCodes.AUTH_FAILED, "authentication failed");
            return;
        }
        if (clock.nowMs() >= p.expiresAtMs()) {
            fail(c, expired(), m.id(), CloseCodes.TOKEN_EXPIRED, "token expired");
            return;
        }
        Principal before = c.principal();
        if (before != null && !before.userId().equals(p.userId())) {
            fail(c, ApiException.of(ErrorCode.FORBIDDEN, "a session cannot change its player"), m.id(),
                    CloseCodes.AUTH_FAILED, "authentication failed");
            return;
        }
        c.cancelAuthTimeout();
        connections.authenticated(c, p);
        c.send(Outbound.authOk(p, m.id()));
        if (before == null) {
            PlayerCells.PlayerCell at = cells.current(p.userId());
            if (at != null) {
                membership.follow(c, at.cellToken(), at.version());
            }
        }
    }

    /** Refuses a first message that is not a valid {@code auth} (close 4001). */
    void refuse(Connection c, ApiException why, String id) {
        fail(c, why, id, CloseCodes.AUTH_FAILED, "authentication failed");
    }

    /**
     * Closes the session if its token expired by the game clock.
     *
     * @return whether it had expired
     */
    boolean closeIfExpired(Connection c) {
        Principal p = c.principal();
        if (c.phase() != Connection.Phase.OPEN || p == null || clock.nowMs() < p.expiresAtMs()) {
            return false;
        }
        ApiException why = expired();
        c.send(Outbound.error(why, null, null));
        connections.close(c, CloseCodes.TOKEN_EXPIRED, "token expired");
        return true;
    }

    /** Closes every session whose token has expired (run every second). */
    void sweepExpired() {
        for (Connection c : connections.all()) {
            closeIfExpired(c);
        }
    }

    private void fail(Connection c, ApiException why, String id, int code, String reason) {
        c.send(Outbound.authFailed(why, id));
        connections.close(c, code, reason);
    }

    private static ApiException expired() {
        return ApiException.of(ErrorCode.AUTH_INVALID_TOKEN, "access token expired");
    }
}
