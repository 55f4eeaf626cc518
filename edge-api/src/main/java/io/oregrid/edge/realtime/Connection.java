package io.oregrid.edge.realtime;

import io.oregrid.edge.auth.Principal;
import org.eclipse.jetty.websocket.api.Session;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

/**
 * One client socket on this edge node: its phase (waiting for auth, open, closed), the verified
 * player, its send queue and its room membership. Membership fields are guarded by the
 * connection's monitor ({@link Membership} changes them); the rest is safe to read from any thread.
 */
final class Connection {
    /** Where a connection is in its life. */
    enum Phase { AWAITING_AUTH, OPEN, CLOSED }

    private final String sessionId;
    private final Session session;
    private final ErrorBudget errors;
    private final RealtimeMetrics metrics;
    private Outbox outbox;
    private volatile Phase phase = Phase.AWAITING_AUTH;
    private volatile Principal principal;
    private volatile ScheduledFuture<?> authTimeout;

    /** The cell the automatic rooms were computed from, or null before the player's first fix. */
    String cellToken;
    /** Version ({@code acceptedFixes}) of {@link #cellToken}; older positions are ignored. */
    long positionVersion = -1;
    /** Rooms joined because of the player's position (own cell and neighbours). */
    Set<String> autoRooms = Set.of();
    /** Channels the client subscribed to. */
    final Set<String> subscriptions = new HashSet<>();

    Connection(String sessionId, Session session, int errorsPerMinute, RealtimeMetrics metrics) {
        this.sessionId = sessionId;
        this.session = session;
        this.errors = new ErrorBudget(errorsPerMinute);
        this.metrics = metrics;
    }

    /**
     * Queues a message for this socket.
     *
     * @return whether it was queued (false when the connection is closing or its queue overflowed)
     */
    boolean send(Outbound message) {
        if (outbox.offer(message)) {
            metrics.out(message.type());
            return true;
        }
        return false;
    }

    /** Attaches the send queue (built after the connection, since its overflow handler needs it). */
    void attach(Outbox outbox) {
        this.outbox = outbox;
    }

    String sessionId() {
        return sessionId;
    }

    Session session() {
        return session;
    }

    Outbox outbox() {
        return outbox;
    }

    Phase phase() {
        return phase;
    }

    void phase(Phase phase) {
        this.phase = phase;
    }

    /** @return the verified player, or null before a successful auth */
    Principal principal() {
        return principal;
    }

    void principal(Principal principal) {
        this.principal = principal;
    }

    ErrorBudget errors() {
        return errors;
    }

    void authTimeout(ScheduledFuture<?> timeout) {
        this.authTimeout = timeout;
    }

    /** Cancels the pending auth timeout, if any. */
    void cancelAuthTimeout() {
        ScheduledFuture<?> t = authTimeout;
        if (t != null) {
            t.cancel(false);
        }
    }

    /** @return every room the connection is in: automatic rooms and subscriptions */
    synchronized Set<String> rooms() {
        Set<String> all = new HashSet<>(autoRooms);
        all.addAll(subscriptions);
        return all;
    }

    @Override
    public String toString() {
        Principal p = principal;
        return "ws[" + sessionId + (p == null ? "" : ", " + p.userId()) + ", " + phase + "]";
    }
}
