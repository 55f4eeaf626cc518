package io.oregrid.bench.compare;

import io.javalin.Javalin;
import io.oregrid.edge.EdgeApp;
import io.oregrid.edge.http.Bodies;
import io.oregrid.edge.location.LocationUpdates;
import io.oregrid.grid.motion.Fix;
import io.oregrid.node.config.OreConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Row 5's ceiling: the most any endpoint could do on this machine. A Javalin app built by the edge's
 * own {@link EdgeApp#create} (the same Jetty, JSON mapper, request ids, error envelope and body
 * limit, configured from the same {@code ORE_*} variables) with one route,
 * {@code POST /api/v1/location/update}, that parses and validates the same JSON as the real route
 * ({@link LocationUpdates#parseFix}) and answers 200 with a body of the real route's shape — no
 * authentication, rate limit or grid call. Plus {@code GET /health} for the launcher.
 */
public final class BareEdge {

    private BareEdge() {
    }

    public static void main(String[] args) {
        OreConfig config = OreConfig.load(null);
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
        }));
        app.start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
    }
}
