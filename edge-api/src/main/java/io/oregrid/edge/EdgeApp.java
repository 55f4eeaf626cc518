package io.oregrid.edge;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.json.JavalinJackson;
import io.oregrid.edge.http.ErrorHandlers;
import io.oregrid.edge.http.Json;
import io.oregrid.edge.http.RequestIds;
import io.oregrid.node.config.OreConfig;

import java.util.List;

/**
 * Builds the Javalin app of an edge node in one place: JSON mapping, request ids, the error
 * envelope, body limits, the filters (auth, then per-user rate limit) and every feature's routes.
 */
public final class EdgeApp {

    private EdgeApp() {
    }

    /**
     * @param config      node configuration (host, port, body limit)
     * @param apiFilters  before-handlers for {@code /api/v1/*}, in order (auth first)
     * @param modules     feature routes
     * @return an app, not yet started
     */
    public static Javalin create(OreConfig config, List<Handler> apiFilters, List<EdgeModule> modules) {
        return Javalin.create(cfg -> {
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.http.prefer405over404 = true;
            cfg.jetty.host = config.httpHost();
            cfg.jetty.port = config.httpPort();
            cfg.startup.showJavalinBanner = false;
            cfg.routes.before(RequestIds::assign);
            for (Handler filter : apiFilters) {
                cfg.routes.before("/api/v1/*", filter);
            }
            ErrorHandlers.install(cfg.routes);
            for (EdgeModule module : modules) {
                module.routes(cfg.routes);
            }
        });
    }
}
