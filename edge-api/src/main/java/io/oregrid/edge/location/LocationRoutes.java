package io.oregrid.edge.location;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.oregrid.edge.EdgeModule;
import io.oregrid.edge.auth.Principal;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.Bodies;
import io.oregrid.edge.http.ErrorCode;
import io.oregrid.edge.ratelimit.RateLimiter;
import io.oregrid.grid.motion.Fix;
import io.oregrid.grid.motion.MotionResult;
import io.oregrid.grid.motion.Verdict;
import io.oregrid.node.game.LocationService;
import io.oregrid.node.game.NearbyPlayer;
import io.oregrid.node.game.NoPositionException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Location routes (SPEC "Location"). {@code POST /api/v1/location/update} validates the fix (400
 * naming the field), applies the per-player location rate limit (429), runs the anti-cheat
 * processor and maps its verdict: 200 {@code {"accepted":true,"cell_id","triggers":[]}} or 422
 * MOVEMENT_REJECTED with {@code reason}, {@code measured} and {@code limit} in the rule's unit.
 * {@code GET /api/v1/location/nearby?radius=} (metres, default 100, 1–1000) lists other fresh
 * players nearest first; {@code GET /api/v1/location/history?limit=} (default 50, 1–500) lists the
 * caller's accepted fixes newest first. Both answer 409 NO_POSITION / 400 as SPEC says.
 */
public final class LocationRoutes implements EdgeModule {
    private final LocationService location;
    private final RateLimiter limiter;
    private final long maxBodyBytes;
    private final MeterRegistry meters;

    public LocationRoutes(LocationService location, RateLimiter limiter, long maxBodyBytes, MeterRegistry meters) {
        this.location = location;
        this.limiter = limiter;
        this.maxBodyBytes = maxBodyBytes;
        this.meters = meters;
    }

    @Override
    public void routes(RoutesConfig routes) {
        routes.post("/api/v1/location/update", this::update);
        routes.get("/api/v1/location/nearby", this::nearby);
        routes.get("/api/v1/location/history", this::history);
    }

    private void nearby(Context ctx) {
        Principal caller = Principal.of(ctx);
        int radius = Bodies.queryInt(ctx, "radius", 100, 1, 1000);
        List<NearbyPlayer> found;
        try {
            found = location.nearbyPlayers(caller.userId(), radius);
        } catch (NoPositionException e) {
            throw ApiException.of(ErrorCode.NO_POSITION, e.getMessage());
        }
        List<Map<String, Object>> players = found.stream().map(n -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("user_id", n.presence().playerId());
            m.put("username", n.presence().username());
            m.put("lat", n.presence().lat());
            m.put("lng", n.presence().lng());
            m.put("distance_m", Math.round(n.distanceM() * 100) / 100.0);
            return m;
        }).toList();
        ctx.json(Map.of("players", players));
    }

    private void history(Context ctx) {
        int limit = Bodies.queryInt(ctx, "limit", 50, 1, 500);
        List<Map<String, Object>> fixes = location.history(Principal.of(ctx).userId(), limit).stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lat", f.lat());
            m.put("lng", f.lng());
            m.put("accuracy", f.accuracyM());
            m.put("timestamp", f.timestampMs());
            m.put("cell_id", f.cellToken());
            return m;
        }).toList();
        ctx.json(Map.of("fixes", fixes));
    }

    private void update(Context ctx) {
        Principal caller = Principal.of(ctx);
        limiter.checkLocation(caller.userId());
        Fix fix = parseFix(Bodies.object(ctx, maxBodyBytes));
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
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", true);
        body.put("cell_id", result.cellToken());
        body.put("triggers", List.of());
        ctx.json(body);
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
