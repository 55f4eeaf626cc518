package io.oregrid.edge.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.oregrid.edge.http.Json;

import java.io.IOException;
import java.util.Base64;
import java.util.function.Function;

/**
 * One demo player's credentials: the token pair from register (or the last refresh) and the
 * auto-collect range its access token grants. Used by one task at a time (a player's fixes run in
 * order), so it needs no locking beyond visibility.
 */
final class PlayerSession {
    /** SPEC's auto-collect range for a non-Genesis player, metres, used if the token lacks the claim. */
    static final double DEFAULT_COLLECT_RANGE_M = 10.0;

    private final OreApiClient api;
    private final DemoStats stats;
    private volatile String accessToken;
    private volatile String refreshToken;
    private volatile double collectRangeM;

    private PlayerSession(OreApiClient api, DemoStats stats, JsonNode tokens) {
        this.api = api;
        this.stats = stats;
        adopt(tokens);
    }

    /**
     * Registers a player; a refusal is counted under {@link DemoEndpoint#REGISTER}.
     *
     * @return the session, or null when registration failed
     */
    static PlayerSession register(OreApiClient api, DemoStats stats, OreApiClient.Registration registration) {
        ApiResponse response = api.register(registration);
        if (response.status() != 201 || response.text("access_token") == null) {
            stats.callFailed(DemoEndpoint.REGISTER, response.code());
            return null;
        }
        return new PlayerSession(api, stats, response.body());
    }

    /** @return the auto-collect range of the current access token, metres */
    double collectRangeM() {
        return collectRangeM;
    }

    /**
     * Makes an authenticated call; on 401 refreshes the token pair once and repeats the call
     * (the access token lives 24 h of node time, which a fast clock can outrun).
     *
     * @param call the request, given the current access token
     */
    ApiResponse call(Function<String, ApiResponse> call) {
        ApiResponse response = call.apply(accessToken);
        if (response.status() != 401 || !refresh()) {
            return response;
        }
        return call.apply(accessToken);
    }

    private boolean refresh() {
        ApiResponse response = api.refresh(refreshToken);
        if (!response.ok() || response.text("access_token") == null) {
            stats.callFailed(DemoEndpoint.REFRESH, response.code());
            return false;
        }
        adopt(response.body());
        return true;
    }

    private void adopt(JsonNode tokens) {
        accessToken = tokens.path("access_token").asText();
        refreshToken = tokens.path("refresh_token").asText();
        collectRangeM = collectRange(accessToken);
    }

    /** Reads the {@code auto_collect_range} claim (metres) from the JWT payload; the server checks the signature. */
    static double collectRange(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return DEFAULT_COLLECT_RANGE_M;
        }
        try {
            JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode range = claims.get("auto_collect_range");
            return range != null && range.isNumber() ? range.asDouble() : DEFAULT_COLLECT_RANGE_M;
        } catch (IOException | IllegalArgumentException e) {
            return DEFAULT_COLLECT_RANGE_M;
        }
    }
}
