package io.oregrid.edge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client for edge tests (the JDK's {@link java.net.http.WebSocket}): sends JSON
 * text, keeps every received message in order, and records the close code. A client built with a
 * read budget stops asking for messages after that many, so the server sees a reader that never reads.
 */
public final class WsClient implements WebSocket.Listener, AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final long readBudget;
    private long read;
    private WebSocket socket;

    private WsClient(long readBudget) {
        this.readBudget = readBudget;
    }

    /** @return a client connected to {@code baseUrl}'s {@code /ws} that reads everything */
    public static WsClient connect(String baseUrl) {
        return connect(baseUrl, Long.MAX_VALUE);
    }

    /** @return a client that reads {@code readBudget} messages and then never reads again */
    public static WsClient connect(String baseUrl, long readBudget) {
        WsClient client = new WsClient(readBudget);
        client.socket = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws"), client).join();
        return client;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                received.add(Http.JSON.readTree(partial.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            partial.setLength(0);
            read++;
        }
        if (!last || read < readBudget) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    /** Sends a JSON text frame built from alternating names and values. */
    public WsClient send(Object... namesAndValues) {
        return sendText(Http.obj(namesAndValues).toString());
    }

    /** Sends a JSON object. */
    public WsClient send(ObjectNode message) {
        return sendText(message.toString());
    }

    /** Sends any text frame and waits until it is written. */
    public WsClient sendText(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    /** Sends {@code auth} with {@code token} and returns the {@code auth_result}. */
    public JsonNode auth(String token) {
        send("type", "auth", "token", token);
        return next("auth_result");
    }

    /** @return the next message of {@code type}, skipping others; fails after 10 s */
    public JsonNode next(String type) {
        return next(m -> type.equals(m.path("type").asText()), "a " + type + " message");
    }

    /** @return the next message matching {@code match}, skipping others; fails after 10 s */
    public JsonNode next(Predicate<JsonNode> match, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<JsonNode> skipped = new ArrayList<>();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode m = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
                if (m == null) {
                    throw new AssertionError("no " + what + " within 10 s; skipped " + skipped);
                }
                if (match.test(m)) {
                    return m;
                }
                skipped.add(m);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return every message received so far and not yet taken */
    public List<JsonNode> drain() {
        List<JsonNode> out = new ArrayList<>();
        received.drainTo(out);
        return out;
    }

    /** @return the close code the server sent (-1 when the connection failed without one); fails after {@code timeout} */
    public int awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the server did not close within " + timeout, e);
        }
    }

    /** Starts reading again without limit (to see how a paused client ends). */
    public void readEverything() {
        socket.request(Long.MAX_VALUE);
    }

    /** @return whether the connection has closed */
    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
