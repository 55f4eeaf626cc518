package io.oregrid.edge.liveops;

import io.oregrid.edge.testing.EdgeFixture;
import io.oregrid.edge.testing.Http;
import io.oregrid.node.liveops.EventSignatures;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test client of the game servers' API: builds event bodies and signs them with the fixture's clock. */
final class SignedEvents {
    static final String SECRET = "test-events-secret-0123456789abcdef";
    static final String PREVIOUS = "test-previous-secret-0123456789abcd";

    private final Http http;
    private final EdgeFixture fixture;
    private final String baseUrl;

    SignedEvents(String baseUrl, EdgeFixture fixture) {
        this.baseUrl = baseUrl;
        this.http = new Http(baseUrl);
        this.fixture = fixture;
    }

    static String progression(String playerId, long deltaXp) {
        return "{\"type\":\"progression\",\"playerId\":\"" + playerId + "\",\"ts\":1700000000,"
                + "\"payload\":{\"deltaXp\":" + deltaXp + ",\"activity\":\"quest_completion\"}}";
    }

    static String bossKill(String playerId) {
        return "{\"type\":\"boss_kill\",\"playerId\":\"" + playerId + "\",\"ts\":1700000000,\"payload\":{\"bossId\":\"golem\"}}";
    }

    String baseUrl() {
        return baseUrl;
    }

    long nowS() {
        return Math.floorDiv(fixture.now.get(), 1000L);
    }

    /** Signs {@code body} with {@link #SECRET} at the fixture's present and posts it with {@code key}. */
    Http.Response post(String body, String key) {
        return post(body, key, EventSignatures.sign(SECRET.getBytes(StandardCharsets.UTF_8), nowS(),
                body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Signs {@code body} with {@link #SECRET} and posts it to {@code path} (e.g. {@code /rewards/claim}). */
    Http.Response postSigned(String path, String body) {
        return http.send("POST", path, body, "application/json", null, EventSignatures.HEADER,
                EventSignatures.sign(SECRET.getBytes(StandardCharsets.UTF_8), nowS(), body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Posts {@code body} with a given signature header (null = none) and key (null = none). */
    Http.Response post(String body, String key, String signature) {
        List<String> headers = new ArrayList<>();
        if (signature != null) {
            headers.add(EventSignatures.HEADER);
            headers.add(signature);
        }
        if (key != null) {
            headers.add(LiveOpsRoutes.IDEMPOTENCY_KEY);
            headers.add(key);
        }
        return http.send("POST", "/events", body, "application/json", null, headers.toArray(String[]::new));
    }
}
