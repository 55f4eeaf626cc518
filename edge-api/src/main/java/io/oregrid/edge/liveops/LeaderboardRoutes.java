package io.oregrid.edge.liveops;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.oregrid.edge.EdgeModule;
import io.oregrid.edge.auth.Principal;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.Bodies;
import io.oregrid.edge.http.Json;
import io.oregrid.jet.leaderboard.LeaderboardWindows;
import io.oregrid.node.liveops.LeaderboardService;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Leaderboards (SPEC "Event ingestion and LiveOps"): public {@code GET /leaderboard?window=&limit=}
 * → {@code {"window","season","updated_at","entries":[{"rank","player_id","score"}]}} of the current
 * UTC window, and {@code GET /api/v1/game/leaderboard?window=&limit=} (signed-in player) with
 * {@code "me":{"rank","score"}} or null. {@code window} is required ({@code daily}, {@code weekly},
 * {@code seasonal}); {@code limit} 1–100, default 100; otherwise 400 naming the parameter.
 * {@code updated_at} is when the newest score shown was reached (epoch ms), null for an empty window.
 * {@code at=<epoch ms>} (optional) asks for the window of that kind containing that instant instead of
 * the current one — a past window comes from the grid while it holds it, else from the PostgreSQL
 * snapshots ({@link LeaderboardService#at}); the body then also carries {@code "key"}, the window key
 * (e.g. {@code daily:2026-11-21}).
 */
public final class LeaderboardRoutes implements EdgeModule {
    /** The edge's mapper, but writing nulls: {@code updated_at} and {@code me} are null, not absent, when empty. */
    private static final ObjectMapper WITH_NULLS = Json.MAPPER.copy()
            .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS));
    private final LeaderboardService service;

    public LeaderboardRoutes(LeaderboardService service) {
        this.service = service;
    }

    @Override
    public void routes(RoutesConfig routes) {
        routes.get("/leaderboard", ctx -> send(ctx, body(board(ctx, null), false, ctx.queryParam("at") != null)));
        routes.get("/api/v1/game/leaderboard", ctx -> send(ctx, body(board(ctx, Principal.of(ctx).userId()), true,
                ctx.queryParam("at") != null)));
    }

    private LeaderboardService.Board board(Context ctx, String playerId) {
        String window = ctx.queryParam("window");
        LeaderboardWindows.Kind kind = window == null ? null : LeaderboardWindows.Kind.fromWireName(window).orElse(null);
        if (kind == null) {
            throw ApiException.invalid("window", "window must be daily, weekly or seasonal");
        }
        int limit = Bodies.queryInt(ctx, "limit", LeaderboardService.MAX_LIMIT, 1, LeaderboardService.MAX_LIMIT);
        String at = ctx.queryParam("at");
        if (at == null) {
            return service.current(kind, limit, playerId);
        }
        long atMs;
        try {
            atMs = Long.parseLong(at);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("at", "at must be an epoch time in milliseconds");
        }
        if (atMs < 0) {
            throw ApiException.invalid("at", "at must be an epoch time in milliseconds");
        }
        return service.at(kind, atMs, limit, playerId);
    }

    private static void send(Context ctx, Map<String, Object> body) {
        try {
            ctx.contentType("application/json").result(WITH_NULLS.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> body(LeaderboardService.Board board, boolean withMe, boolean withKey) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("window", board.window().wireName());
        if (withKey) {
            out.put("key", board.windowKey());
        }
        out.put("season", board.season());
        out.put("updated_at", board.updatedAtMs());
        List<Map<String, Object>> entries = board.entries().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", r.rank());
            m.put("player_id", r.playerId());
            m.put("score", r.score());
            return m;
        }).toList();
        out.put("entries", entries);
        if (withMe) {
            Map<String, Object> me = null;
            if (board.me() != null) {
                me = new LinkedHashMap<>();
                me.put("rank", board.me().rank());
                me.put("score", board.me().score());
            }
            out.put("me", me);
        }
        return out;
    }
}
