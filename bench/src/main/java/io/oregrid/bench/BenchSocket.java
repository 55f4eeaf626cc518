package io.oregrid.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One benchmark player's WebSocket on Jetty's client (public: Jetty binds the listener's methods by method handle): authenticates, sends moves, and for every
 * {@code players.nearby} it receives records the time since the move it tells of was sent (looked up
 * by mover and fix timestamp in {@code sentAt}), in microseconds.
 *
 * <p>The frame is scanned for its {@code user_id}/{@code timestamp} pairs rather than parsed into a
 * tree: at 10,000 sockets the load generator shares the node's two cores, and every microsecond it
 * spends per delivery is one the node does not get (its latency would be the client's).
 */
public final class BenchSocket implements Session.Listener.AutoDemanding {
    private static final String NEARBY = "{\"type\":\"players.nearby\"";
    private static final String USER = "\"user_id\":\"";
    private static final String TIMESTAMP = "\"timestamp\":";

    private final Map<String, Long> sentAt;
    private final ConcurrentHistogram latencyUs;
    private final AtomicLong deliveries;
    private final AtomicLong errors;
    private final CompletableFuture<Boolean> authed = new CompletableFuture<>();
    private volatile Session session;
    private String token;

    BenchSocket(Map<String, Long> sentAt, ConcurrentHistogram latencyUs, AtomicLong deliveries, AtomicLong errors) {
        this.sentAt = sentAt;
        this.latencyUs = latencyUs;
        this.deliveries = deliveries;
        this.errors = errors;
    }

    /** Connects and sends {@code auth}; the future completes with the {@code auth_result}'s success. */
    CompletableFuture<Boolean> open(WebSocketClient client, String baseUrl, String token) {
        this.token = token;
        try {
            client.connect(this, URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws")).exceptionally(e -> {
                authed.complete(false);
                return null;
            });
        } catch (java.io.IOException e) {
            authed.complete(false);
        }
        return authed;
    }

    @Override
    public void onWebSocketOpen(Session s) {
        session = s;
        s.sendText("{\"type\":\"auth\",\"token\":\"" + token + "\"}", Callback.NOOP);
    }

    /** Sends a {@code location.update}. */
    void move(double lat, double lng, long timestampMs) {
        session.sendText("{\"type\":\"location.update\",\"data\":{\"lat\":" + lat + ",\"lng\":" + lng
                + ",\"accuracy\":5,\"timestamp\":" + timestampMs + "}}", Callback.from(() -> { }, e -> errors.incrementAndGet()));
    }

    @Override
    public void onWebSocketText(String text) {
        long now = System.nanoTime();
        if (text.startsWith(NEARBY)) {
            record(text, now);
        } else if (text.startsWith("{\"type\":\"auth_result\"")) {
            authed.complete(text.contains("\"success\":true"));
        } else if (text.startsWith("{\"type\":\"error\"")) {
            errors.incrementAndGet();
        }
    }

    /** Every player of a {@code players.nearby}: {@code "user_id":"…"} followed by its {@code "timestamp":…}. */
    private void record(String text, long receivedNanos) {
        int at = 0;
        while ((at = text.indexOf(USER, at)) >= 0) {
            int idStart = at + USER.length();
            int idEnd = text.indexOf('"', idStart);
            int ts = text.indexOf(TIMESTAMP, idEnd);
            if (idEnd < 0 || ts < 0) {
                errors.incrementAndGet();
                return;
            }
            int tsStart = ts + TIMESTAMP.length();
            int tsEnd = tsStart;
            while (tsEnd < text.length() && Character.isDigit(text.charAt(tsEnd))) {
                tsEnd++;
            }
            Long sent = sentAt.get(text.substring(idStart, idEnd) + "@" + text.substring(tsStart, tsEnd));
            if (sent != null) {
                latencyUs.recordValue(Math.max(0, (receivedNanos - sent) / 1000));
                deliveries.incrementAndGet();
            }
            at = tsEnd;
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        authed.complete(false);
    }

    @Override
    public void onWebSocketError(Throwable error) {
        authed.complete(false);
        errors.incrementAndGet();
    }

    /** Closes the socket without waiting. */
    void close() {
        Session s = session;
        if (s != null) {
            s.disconnect();
        }
    }
}
