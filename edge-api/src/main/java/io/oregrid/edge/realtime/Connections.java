package io.oregrid.edge.realtime;

import io.oregrid.edge.auth.Principal;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This node's open sockets, by Jetty session id and by player, and how they end: a polite close
 * (queued messages first, then the close frame), a drop of a slow reader (queue forgotten, close
 * 4008), or the client going away. Whatever way a connection ends, it leaves its rooms at once; a
 * socket that has not finished closing {@link #DISCONNECT_GRACE_MS} later is disconnected.
 */
final class Connections {
    private static final Logger LOG = LoggerFactory.getLogger(Connections.class);
    /** Real-time ms a closing socket gets to finish its close handshake before the TCP connection is cut. */
    static final long DISCONNECT_GRACE_MS = 2_000;

    private final Map<String, Connection> bySession = new ConcurrentHashMap<>();
    private final Map<String, Set<Connection>> byPlayer = new ConcurrentHashMap<>();
    private final Membership membership;
    private final RealtimeMetrics metrics;
    private final ScheduledExecutorService timers;
    private final Flusher flusher;
    private final int sendQueueMax;
    private final int errorsPerMinute;

    /**
     * @param flusher         the threads that write the sockets' frames
     * @param sendQueueMax    messages that may wait per socket before it is dropped
     * @param errorsPerMinute error replies per socket per minute before it is closed
     */
    Connections(Membership membership, RealtimeMetrics metrics, ScheduledExecutorService timers, Flusher flusher,
                int sendQueueMax, int errorsPerMinute) {
        this.membership = membership;
        this.metrics = metrics;
        this.timers = timers;
        this.flusher = flusher;
        this.sendQueueMax = sendQueueMax;
        this.errorsPerMinute = errorsPerMinute;
    }

    /** Registers a new socket, waiting for its auth message. */
    Connection open(String sessionId, Session session) {
        Connection c = new Connection(sessionId, session, errorsPerMinute, metrics);
        c.attach(new Outbox(session, flusher, sendQueueMax, () -> drop(c)));
        bySession.put(sessionId, c);
        return c;
    }

    /** @return the connection of a Jetty session, or null when it is gone */
    Connection get(String sessionId) {
        return bySession.get(sessionId);
    }

    /** Marks the connection open for {@code principal} (first auth, or a re-auth with a fresher token). */
    void authenticated(Connection c, Principal principal) {
        synchronized (c) {
            if (c.phase() == Connection.Phase.CLOSED) {
                return;
            }
            c.principal(principal);
            c.phase(Connection.Phase.OPEN);
        }
        byPlayer.computeIfAbsent(principal.userId(), id -> ConcurrentHashMap.newKeySet()).add(c);
    }

    /** @return whether a session of {@code playerId} is open here */
    boolean hasPlayer(String playerId) {
        return byPlayer.containsKey(playerId);
    }

    /** @return the open sessions of {@code playerId} here */
    Collection<Connection> ofPlayer(String playerId) {
        Set<Connection> found = byPlayer.get(playerId);
        return found == null ? List.of() : found;
    }

    /** @return every connection not yet closed */
    Collection<Connection> all() {
        return bySession.values();
    }

    /** @return how many connections are not yet closed */
    int size() {
        return bySession.size();
    }

    /** Closes politely: what is queued is sent, then the close frame with {@code code}. */
    void close(Connection c, int code, String reason) {
        if (end(c)) {
            metrics.closed(code);
            c.outbox().closeAfterDrain(code, reason);
            disconnectLater(c);
        }
    }

    /** Drops a reader whose queue is full: nothing more is queued or sent, close 4008, TCP cut soon after. */
    void drop(Connection c) {
        if (end(c)) {
            LOG.info("dropping {}: send queue full ({} messages)", c, sendQueueMax);
            metrics.dropped();
            metrics.closed(CloseCodes.POLICY);
            c.outbox().discard();
            c.session().close(CloseCodes.POLICY, "too slow a reader", Callback.NOOP);
            disconnectLater(c);
        }
    }

    /** The socket closed (client, network or our close completed): forget it. */
    void gone(String sessionId) {
        Connection c = bySession.get(sessionId);
        if (c != null) {
            end(c);
            c.outbox().discard();
        }
    }

    /** @return whether this call ended the connection (false when it had already ended) */
    private boolean end(Connection c) {
        synchronized (c) {
            if (c.phase() == Connection.Phase.CLOSED) {
                return false;
            }
            c.phase(Connection.Phase.CLOSED);
        }
        c.cancelAuthTimeout();
        membership.leaveAll(c);
        bySession.remove(c.sessionId());
        Principal p = c.principal();
        if (p != null) {
            byPlayer.computeIfPresent(p.userId(), (id, set) -> {
                set.remove(c);
                return set.isEmpty() ? null : set;
            });
        }
        return true;
    }

    private void disconnectLater(Connection c) {
        timers.schedule(() -> {
            if (c.session().isOpen()) {
                c.session().disconnect();
            }
        }, DISCONNECT_GRACE_MS, TimeUnit.MILLISECONDS);
    }
}
