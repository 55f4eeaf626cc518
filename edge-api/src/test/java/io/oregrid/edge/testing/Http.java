package io.oregrid.edge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small real-HTTP client for edge tests: JSON in, status + headers + parsed JSON out. */
public final class Http {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final String baseUrl;

    public Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * @param status HTTP status
     * @param body   parsed JSON body (a missing node for an empty body)
     * @param raw    the response
     */
    public record Response(int status, JsonNode body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** @return the envelope's {@code code}, or null */
        public String code() {
            return body.path("code").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    /** @return a JSON object built from alternating names and values */
    public static ObjectNode obj(Object... namesAndValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.set((String) namesAndValues[i], JSON.valueToTree(namesAndValues[i + 1]));
        }
        return node;
    }

    /** POST a JSON body; {@code bearer} may be null. */
    public Response post(String path, Object body, String bearer) {
        return send(path, "POST", json(body), "application/json", bearer);
    }

    /** POST a raw body with a given content type. */
    public Response postRaw(String path, String body, String contentType) {
        return send(path, "POST", body, contentType, null);
    }

    /** GET; {@code bearer} may be null. */
    public Response get(String path, String bearer) {
        return send(path, "GET", null, null, bearer);
    }

    /** GET with a literal Authorization header value (or none when null). */
    public Response getWithAuthorization(String path, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return execute(b.build());
    }

    /**
     * Any request: {@code body} (JSON-encoded unless a String) with content type, bearer token and extra
     * headers as name/value pairs; nulls mean "leave out".
     */
    public Response send(String method, String path, Object body, String contentType, String bearer, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json(body)));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return execute(b.build());
    }

    private Response send(String path, String method, String body, String contentType, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return execute(b.build());
    }

    private static Response execute(HttpRequest request) {
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            boolean json = r.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode body = r.body().isEmpty() || !json ? JSON.missingNode() : JSON.readTree(r.body());
            return new Response(r.statusCode(), body, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
