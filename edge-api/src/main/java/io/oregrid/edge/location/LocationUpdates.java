package io.oregrid.edge.location;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.oregrid.edge.auth.Principal;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.Bodies;
import io.oregrid.edge.http.ErrorCode;
import io.oregrid.edge.ratelimit.RateLimiter;
import io.oregrid.grid.motion.Fix;
import io.oregrid.grid.motion.MotionResult;
import io.oregrid.grid.motion.Verdict;
import io.oregrid.node.game.LocationService;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One location update as every transport runs it (SPEC "Location"), so REST
 * ({@code POST /api/v1/location/update}) and WebSocket ({@code location.update}) share the rules:
 * the fix's validation (400 VALIDATION_FAILED naming the field; such a request still counts towards
 * both limits, which answer 429 first when empty), then {@link LocationService#update} — one partition operation that takes
 * the per-user limit (REST only: 429 RATE_LIMIT_EXCEEDED) and the per-player location limit (429
 * LOCATION_RATE_LIMIT; every update that reaches it counts whatever its outcome), and gives the
 * anti-cheat verdict (422 MOVEMENT_REJECTED with {@code reason}, {@code measured}, {@code limit} and
 * {@code unit}). Outcomes are counted on {@code ore_location_updates_total{outcome}}.
 */
public final class LocationUpdates {
    private final LocationService location;
    private final RateLimiter limiter;
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
    private final MeterRegistry meters;

    public LocationUpdates(LocationService location, RateLimiter limiter, MeterRegistry meters) {
        this.location = location;
        this.limiter = limiter;
        this.meters = meters;
    }

    /**
     * @param caller        the player moving
     * @param body          reads the fix's JSON object
     * @param countsAsRequest whether the update takes a token of the caller's per-user request limit (REST: yes;
     *                      WebSocket messages: no)
     * @return the accepted (or replayed) verdict, completing on the grid's continuation executor; it completes
     *         exceptionally with an {@link ApiException} 429 or 422 as above
     * @throws ApiException 400 (at once) for an invalid fix
     */
    public CompletionStage<MotionResult> apply(Principal caller, Supplier<JsonNode> body, boolean countsAsRequest) {
        Fix fix;
        try {
            fix = parseFix(body.get());
        } catch (ApiException invalid) {
            limiter.takeLocation(caller, countsAsRequest);
            throw invalid;
        }
        return location.update(caller.userId(), caller.username(), fix, countsAsRequest ? limiter.perMinute(caller) : 0)
                .thenApply(result -> judged(caller, result));
    }

    private MotionResult judged(Principal caller, MotionResult result) {
        count(result.outcome() == MotionResult.Outcome.REFUSED ? result.verdict().reason().name()
                : result.outcome() == MotionResult.Outcome.ACCEPTED || result.outcome() == MotionResult.Outcome.REPLAY
                ? "accepted" : result.outcome().name());
        switch (result.outcome()) {
            case REQUEST_LIMITED -> throw limiter.userRefusal(caller, result.retryAfterMs());
            case LOCATION_LIMITED -> throw limiter.locationRefusal(result.retryAfterMs());
            case REFUSED -> throw refusal(result.verdict());
            default -> {
                return result;
            }
        }
    }

    private void count(String outcome) {
        outcomes.computeIfAbsent(outcome, o -> meters.counter("ore_location_updates_total", "outcome", o)).increment();
    }

    private static ApiException refusal(Verdict v) {
        ApiException refusal = ApiException.of(ErrorCode.MOVEMENT_REJECTED, "fix refused: " + v.reason())
                .with("reason", v.reason().name());
        if (Double.isFinite(v.measured())) {
            refusal.with("measured", v.measured());
        }
        return refusal.with("limit", v.limit()).with("unit", unitOf(v));
    }

    /** @return the SPEC's answer to an accepted fix: {@code {"accepted":true,"cell_id","triggers":[]}} */
    public static Map<String, Object> acceptedBody(MotionResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", true);
        body.put("cell_id", result.cellToken());
        body.put("triggers", List.of());
        return body;
    }

    private static String unitOf(Verdict v) {
        return switch (v.reason()) {
            case TIMESTAMP_IN_FUTURE, FIX_TOO_OLD -> "ms";
            case TIMESTAMP_NOT_MONOTONIC -> "epoch_ms";
            case ACCURACY_TOO_LOW -> "m";
            case SPEED_EXCEEDED -> "m/s";
            case ACCELERATION_EXCEEDED -> "m/s2";
        };
    }

    /**
     * Reads and range-checks a fix: lat [-90, 90], lng [-180, 180], accuracy (0, 10 000] m,
     * timestamp a positive epoch ms, speed [0, 1000] m/s and heading [0, 360) when present.
     *
     * @throws ApiException 400 VALIDATION_FAILED naming the field
     */
    public static Fix parseFix(JsonNode body) {
        double lat = Bodies.requireDouble(body, "lat");
        double lng = Bodies.requireDouble(body, "lng");
        double accuracy = Bodies.requireDouble(body, "accuracy");
        long timestamp = Bodies.requireLong(body, "timestamp");
        Double speed = Bodies.optionalDouble(body, "speed");
        Double heading = Bodies.optionalDouble(body, "heading");
        if (lat < -90 || lat > 90) {
            throw ApiException.invalid("lat", "lat must be between -90 and 90 degrees");
        }
        if (lng < -180 || lng > 180) {
            throw ApiException.invalid("lng", "lng must be between -180 and 180 degrees");
        }
        if (accuracy <= 0 || accuracy > 10_000) {
            throw ApiException.invalid("accuracy", "accuracy must be > 0 and <= 10000 metres");
        }
        if (timestamp <= 0) {
            throw ApiException.invalid("timestamp", "timestamp must be a positive epoch time in milliseconds");
        }
        if (speed != null && (speed < 0 || speed > 1000)) {
            throw ApiException.invalid("speed", "speed must be between 0 and 1000 m/s");
        }
        if (heading != null && (heading < 0 || heading >= 360)) {
            throw ApiException.invalid("heading", "heading must be in [0, 360) degrees");
        }
        return new Fix(lat, lng, accuracy, timestamp, speed, heading);
    }
}
