package io.oregrid.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.ConcurrentHistogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One benchmark player's WebSocket: authenticates, sends moves, and for every {@code players.nearby}
 * it receives records the time since the move it tells of was sent (looked up by mover and fix
 * timestamp in {@code sentAt}), in microseconds.
 */
final class BenchSocket implements WebSocket.Listener {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Long> sentAt;
    private final ConcurrentHistogram latencyUs;
    private final AtomicLong deliveries;
    private final AtomicLong errors;
    private final CompletableFuture<Boolean> authed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    BenchSocket(Map<String, Long> sentAt, ConcurrentHistogram latencyUs, AtomicLong deliveries, AtomicLong errors) {
        this.sentAt = sentAt;
        this.latencyUs = latencyUs;
        this.deliveries = deliveries;
        this.errors = errors;
    }

    /** Connects and sends {@code auth}; the future completes with the {@code auth_result}'s success. */
    CompletableFuture<Boolean> open(HttpClient http, String baseUrl, String token) {
        http.newWebSocketBuilder().buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws"), this)
                .thenCompose(ws -> {
                    socket = ws;
                    return ws.sendText("{\"type\":\"auth\",\"token\":\"" + token + "\"}", true);
                })
                .exceptionally(e -> {
                    authed.complete(false);
                    return null;
                });
        return authed;
    }

    /** Sends a {@code location.update}. */
    void move(double lat, double lng, long timestampMs) {
        socket.sendText("{\"type\":\"location.update\",\"data\":{\"lat\":" + lat + ",\"lng\":" + lng
                + ",\"accuracy\":5,\"timestamp\":" + timestampMs + "}}", true);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            long now = System.nanoTime();
            String text = partial.toString();
            partial.setLength(0);
            handle(text, now);
        }
        webSocket.request(1);
        return null;
    }

    private void handle(String text, long receivedNanos) {
        if (text.startsWith("{\"type\":\"players.nearby\"")) {
            try {
                for (JsonNode p : JSON.readTree(text).at("/data/players")) {
                    Long sent = sentAt.get(p.get("user_id").asText() + "@" + p.get("timestamp").asLong());
                    if (sent != null) {
                        latencyUs.recordValue(Math.max(0, (receivedNanos - sent) / 1000));
                        deliveries.incrementAndGet();
                    }
                }
            } catch (java.io.IOException e) {
                errors.incrementAndGet();
            }
        } else if (text.startsWith("{\"type\":\"auth_result\"")) {
            authed.complete(text.contains("\"success\":true"));
        } else if (text.startsWith("{\"type\":\"error\"")) {
            errors.incrementAndGet();
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        authed.complete(false);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        authed.complete(false);
        errors.incrementAndGet();
    }

    /** Closes the socket without waiting. */
    void close() {
        if (socket != null) {
            socket.abort();
        }
    }
}
