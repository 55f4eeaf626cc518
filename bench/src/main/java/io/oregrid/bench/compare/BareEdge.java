package io.oregrid.bench.compare;

import com.google.common.geometry.S2LatLng;
import io.javalin.Javalin;
import io.oregrid.edge.EdgeApp;
import io.oregrid.edge.game.CoinCollects;
import io.oregrid.edge.game.CoinJson;
import io.oregrid.edge.game.GameRoutes;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.Bodies;
import io.oregrid.edge.http.ErrorCode;
import io.oregrid.edge.location.LocationUpdates;
import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.cell.CoinField;
import io.oregrid.grid.motion.Fix;
import io.oregrid.grid.player.CollectRecord;
import io.oregrid.grid.support.Geo;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.game.GameRules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Row 5's ceiling: the most any endpoint could do on this machine. A Javalin app built by the edge's
 * own {@link EdgeApp#create} (the same Jetty, JSON mapper, request ids, error envelope and body
 * limit, configured from the same {@code ORE_*} variables) with the routes row 5 drives, each doing
 * the real route's parsing and answering a body of its shape — no authentication, rate limit or grid:
 * <ul>
 *   <li>{@code POST /api/v1/location/update} parses and validates the fix as the real route does
 *       ({@link LocationUpdates#parseFix}) and answers 200;</li>
 *   <li>{@code GET /api/v1/game/coins/nearby?radius=} reads the radius as the real route does and
 *       answers the coins one cell spawns ({@link CoinSpawner}, the configured density) that lie
 *       within the radius of the cell's centre, nearest first — what the real node answers a player
 *       at the centre of a lone visited cell;</li>
 *   <li>{@code POST /api/v1/game/coins/{id}/collect} requires the Idempotency-Key and answers 200
 *       with the real body's shape.</li>
 * </ul>
 * Plus {@code GET /health} for the launcher.
 */
public final class BareEdge {
    /** Where the nearby route's cell lies (Aracaju, where the Go!Track trips are). */
    private static final double LAT = -10.9393, LNG = -37.0627;

    private BareEdge() {
    }

    public static void main(String[] args) {
        OreConfig config = OreConfig.load(null);
        List<Map<String, Object>> coins = coins(GameRules.from(config));
        Javalin app = EdgeApp.create(config, List.of(), List.of(routes -> {
            routes.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
            routes.post("/api/v1/location/update", ctx -> {
                Fix fix = LocationUpdates.parseFix(Bodies.object(ctx, config.maxBodyBytes()));
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("accepted", fix.accuracyM() > 0);
                body.put("cell_id", "071ab3c04");
                body.put("triggers", List.of());
                ctx.json(body);
            });
            routes.get("/api/v1/game/coins/nearby", ctx -> {
                int radius = Bodies.queryInt(ctx, "radius", 100, 1, 500);
                ctx.json(Map.of("coins", coins.stream().filter(c -> (double) c.get("distance_m") <= radius).toList()));
            });
            routes.post("/api/v1/game/coins/{id}/collect", ctx -> {
                String key = ctx.header(GameRoutes.IDEMPOTENCY_KEY);
                if (key == null || key.isEmpty()) {
                    throw ApiException.of(ErrorCode.IDEMPOTENCY_KEY_MISSING, GameRoutes.IDEMPOTENCY_KEY + " is required");
                }
                ctx.json(CoinCollects.body(new CollectRecord(key, ctx.pathParam("id"), 10, 10, System.currentTimeMillis())));
            });
        }));
        app.start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
    }

    /** @return the coins of the cell at ({@link #LAT}, {@link #LNG}) as the nearby route lists them, nearest its centre first */
    private static List<Map<String, Object>> coins(GameRules rules) {
        String token = Geo.cellToken(LAT, LNG, rules.cellLevel());
        S2LatLng centre = Geo.cellId(LAT, LNG, rules.cellLevel()).toLatLng();
        long now = System.currentTimeMillis();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Coin c : CoinField.live(epoch -> CoinField.spawnAll(token, epoch, rules.spawn()), null, rules.spawn(), now)) {
            Map<String, Object> m = CoinJson.of(c);
            double d = Geo.distanceM(centre.latDegrees(), centre.lngDegrees(), c.lat(), c.lng());
            m.put("distance_m", Math.round(d * 100) / 100.0);
            out.add(m);
        }
        out.sort(Comparator.comparingDouble(m -> (double) m.get("distance_m")));
        return out;
    }
}
