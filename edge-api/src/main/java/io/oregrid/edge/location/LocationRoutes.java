package io.oregrid.edge.location;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.oregrid.edge.EdgeModule;
import io.oregrid.edge.auth.Principal;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.Bodies;
import io.oregrid.edge.http.ErrorCode;
import io.oregrid.grid.motion.MotionResult;
import io.oregrid.node.game.LocationService;
import io.oregrid.node.game.NearbyPlayer;
import io.oregrid.node.game.NoPositionException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Location routes (SPEC "Location"). {@code POST /api/v1/location/update} runs {@link LocationUpdates}
 * (rate limit 429, validation 400, anti-cheat 422 MOVEMENT_REJECTED with {@code reason},
 * {@code measured} and {@code limit} in the rule's unit) and answers 200
 * {@code {"accepted":true,"cell_id","triggers":[]}}.
 * {@code GET /api/v1/location/nearby?radius=} (metres, default 100, 1–1000) lists other fresh
 * players nearest first; {@code GET /api/v1/location/history?limit=} (default 50, 1–500) lists the
 * caller's accepted fixes newest first. Both answer 409 NO_POSITION / 400 as SPEC says.
 */
public final class LocationRoutes implements EdgeModule {
    private static final String UPDATE = "/api/v1/location/update";

    /** @return whether {@code ctx} is a location update, whose one grid operation takes the per-user request token itself */
    public static boolean takesOwnRequestToken(Context ctx) {
        return ctx.method() == HandlerType.POST && UPDATE.equals(ctx.path());
    }

    private final LocationService location;
    private final LocationUpdates updates;
    private final long maxBodyBytes;

    /**
     * @param location     nearby players and history
     * @param updates      the location update shared with the WebSocket edge
     * @param maxBodyBytes request body limit, bytes
     */
    public LocationRoutes(LocationService location, LocationUpdates updates, long maxBodyBytes) {
        this.location = location;
        this.updates = updates;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void routes(RoutesConfig routes) {
        routes.post(UPDATE, this::update);
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

    /** Returns the grid's stage to Jetty: the request thread never parks on the grid (ARCHITECTURE "Cost rules"). */
    private void update(Context ctx) {
        CompletionStage<MotionResult> result = updates.apply(Principal.of(ctx), () -> Bodies.object(ctx, maxBodyBytes), true);
        ctx.future(() -> result.thenAccept(r -> ctx.json(LocationUpdates.acceptedBody(r))).toCompletableFuture());
    }
}
