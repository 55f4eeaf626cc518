package io.oregrid.edge.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.oregrid.edge.http.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The calls a demo player makes to the ORE API (SPEC "API contract v1"), over HTTP/1.1 with the
 * edge's own JSON mapping (snake_case). Times every call into {@link EndpointLatencies} and never
 * throws for a failed call: it returns an {@link ApiResponse} whatever happened.
 */
final class OreApiClient {
    private static final Logger LOG = LoggerFactory.getLogger(OreApiClient.class);
    private static final String JSON = "application/json";

    private final URI baseUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final EndpointLatencies latencies;

    /**
     * @param baseUrl   the node's base, e.g. {@code http://localhost:8080}
     * @param timeout   real time one call may take
     * @param latencies where round-trip times go
     */
    OreApiClient(URI baseUrl, Duration timeout, EndpointLatencies latencies) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.latencies = latencies;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).build();
    }

    /** A register body: {@code {"email","username","password"}}. */
    record Registration(String email, String username, String password) {
    }

    /** A location update body; accuracy in metres, timestamp in epoch ms, no speed or heading. */
    record LocationUpdate(double lat, double lng, double accuracy, long timestamp) {
    }

    private record RefreshBody(String refreshToken) {
    }

    /** {@code POST /api/v1/auth/register} → 201 with tokens. */
    ApiResponse register(Registration body) {
        return send(DemoEndpoint.REGISTER, post("/api/v1/auth/register", body).build());
    }

    /** {@code POST /api/v1/auth/refresh} → 200 with a new token pair. */
    ApiResponse refresh(String refreshToken) {
        return send(DemoEndpoint.REFRESH, post("/api/v1/auth/refresh", new RefreshBody(refreshToken)).build());
    }

    /** {@code POST /api/v1/location/update} → 200 accepted, 422 refused (with {@code reason}), 429. */
    ApiResponse updateLocation(String accessToken, LocationUpdate fix) {
        return send(DemoEndpoint.LOCATION_UPDATE, bearer(post("/api/v1/location/update", fix), accessToken).build());
    }

    /** {@code GET /api/v1/game/coins/nearby?radius=} → {@code {"coins":[{"id","distance_m",...}]}}. */
    ApiResponse coinsNearby(String accessToken, int radiusM) {
        HttpRequest.Builder get = request("/api/v1/game/coins/nearby?radius=" + radiusM).GET();
        return send(DemoEndpoint.COINS_NEARBY, bearer(get, accessToken).build());
    }

    /** {@code POST /api/v1/game/coins/{id}/collect} with an {@code Idempotency-Key} → 200 {@code {"value",...}}. */
    ApiResponse collect(String accessToken, String coinId, String idempotencyKey) {
        HttpRequest.Builder post = request("/api/v1/game/coins/" + URLEncoder.encode(coinId, StandardCharsets.UTF_8) + "/collect")
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Idempotency-Key", idempotencyKey);
        return send(DemoEndpoint.COIN_COLLECT, bearer(post, accessToken).build());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(baseUrl.resolve(pathAndQuery)).timeout(timeout).header("Accept", JSON);
    }

    private HttpRequest.Builder post(String path, Object body) {
        byte[] json;
        try {
            json = Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise " + body.getClass().getSimpleName(), e);
        }
        return request(path).header("Content-Type", JSON).POST(HttpRequest.BodyPublishers.ofByteArray(json));
    }

    private static HttpRequest.Builder bearer(HttpRequest.Builder request, String accessToken) {
        return request.header("Authorization", "Bearer " + accessToken);
    }

    private ApiResponse send(DemoEndpoint endpoint, HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            latencies.record(endpoint, System.nanoTime() - start);
            return new ApiResponse(response.statusCode(), parse(response.body()));
        } catch (HttpTimeoutException e) {
            LOG.debug("{} timed out", endpoint.label(), e);
            return ApiResponse.failure("TIMEOUT");
        } catch (IOException e) {
            LOG.debug("{} failed", endpoint.label(), e);
            return ApiResponse.failure("IO_ERROR");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ApiResponse.failure("INTERRUPTED");
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            LOG.debug("response body is not JSON", e);
            return JsonNodeFactory.instance.objectNode().put("code", "NOT_JSON");
        }
    }
}
