package io.oregrid.edge.ops;

import com.hazelcast.core.HazelcastInstance;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.oregrid.edge.EdgeModule;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.persistence.Persistence;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Operators' endpoints (SPEC "Operations"), public on the operators' network:
 * {@code GET /health} (200 when this node serves — grid member running and, with persistence on,
 * PostgreSQL reachable — else 503, with per-dependency detail),
 * {@code GET /status} (version, uptime, member count, persistence mode — never member addresses)
 * and {@code GET /metrics} (Prometheus text format).
 */
public final class OpsRoutes implements EdgeModule {
    private final HazelcastInstance hz;
    private final OreConfig config;
    private final PrometheusMeterRegistry prometheus;
    private final long startedAtMs;

    public OpsRoutes(HazelcastInstance hz, OreConfig config, PrometheusMeterRegistry prometheus, long startedAtMs) {
        this.hz = hz;
        this.config = config;
        this.prometheus = prometheus;
        this.startedAtMs = startedAtMs;
    }

    @Override
    public void routes(RoutesConfig routes) {
        routes.get("/health", this::health);
        routes.get("/status", this::status);
        routes.get("/metrics", this::metrics);
    }

    private void health(Context ctx) {
        boolean gridUp = hz.getLifecycleService().isRunning();
        Map<String, Object> grid = new LinkedHashMap<>();
        grid.put("status", gridUp ? "up" : "down");
        if (gridUp) {
            grid.put("cluster_state", hz.getCluster().getClusterState().name());
            grid.put("members", hz.getCluster().getMembers().size());
        }
        String database = databaseStatus(gridUp);
        boolean up = gridUp && !"down".equals(database);
        Map<String, Object> deps = new LinkedHashMap<>();
        deps.put("grid", grid);
        deps.put("database", Map.of("status", database));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "up" : "down");
        body.put("dependencies", deps);
        ctx.status(up ? 200 : 503).json(body);
    }

    /**
     * @return {@code disabled} without persistence, else {@code up} or {@code down} by a
     * {@code SELECT 1} through this member's pool (at most the pool's connection timeout)
     */
    private String databaseStatus(boolean gridUp) {
        if (!config.persistenceEnabled()) {
            return "disabled";
        }
        return gridUp && Persistence.of(hz).map(Persistence::databaseUp).orElse(false) ? "up" : "down";
    }

    private void status(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", "ore-grid");
        body.put("version", Version.current());
        body.put("uptime_s", (System.currentTimeMillis() - startedAtMs) / 1000);
        body.put("cluster_name", config.clusterName());
        body.put("member_count", hz.getLifecycleService().isRunning() ? hz.getCluster().getMembers().size() : 0);
        body.put("persistence", config.persistenceEnabled() ? "postgresql" : "memory");
        ctx.json(body);
    }

    private void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(prometheus.scrape());
    }
}
