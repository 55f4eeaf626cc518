package io.oregrid.edge.location;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.function.Supplier;

/**
 * One location update as every transport runs it (SPEC "Location"), so REST
 * ({@code POST /api/v1/location/update}) and WebSocket ({@code location.update}) share the rules:
 * the per-player location rate limit first (429 LOCATION_RATE_LIMIT, every update counts whatever its
 * outcome), then the fix's validation (400 VALIDATION_FAILED naming the field), then
 * {@link LocationService#update} and its anti-cheat verdict (422 MOVEMENT_REJECTED with
 * {@code reason}, {@code measured}, {@code limit} and {@code unit}). Outcomes are counted on
 * {@code ore_location_updates_total{outcome}}.
 */
public final class LocationUpdates {
    private final LocationService location;
    private final RateLimiter limiter;
    private final MeterRegistry meters;

    public LocationUpdates(LocationService location, RateLimiter limiter, MeterRegistry meters) {
        this.location = location;
        this.limiter = limiter;
        this.meters = meters;
    }

    /**
     * @param caller the player moving
     * @param body   reads the fix's JSON object; called after the rate limit took its token
     * @return the accepted (or replayed) verdict
     * @throws ApiException 429, 400 or 422 as above
     */
    public MotionResult apply(Principal caller, Supplier<JsonNode> body) {
        limiter.checkLocation(caller.userId());
        Fix fix = parseFix(body.get());
        MotionResult result = location.update(caller.userId(), caller.username(), fix);
        meters.counter("ore_location_updates_total", "outcome",
                result.accepted() ? "accepted" : result.verdict().reason().name()).increment();
        if (!result.accepted()) {
            Verdict v = result.verdict();
            ApiException refusal = ApiException.of(ErrorCode.MOVEMENT_REJECTED, "fix refused: " + v.reason())
                    .with("reason", v.reason().name());
            if (Double.isFinite(v.measured())) {
                refusal.with("measured", v.measured());
            }
            refusal.with("limit", v.limit()).with("unit", unitOf(v));
            throw refusal;
        }
        return result;
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
