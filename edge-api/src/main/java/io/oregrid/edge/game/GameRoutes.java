package io.oregrid.edge.game;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.oregrid.edge.EdgeModule;
import io.oregrid.edge.auth.Principal;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.Bodies;
import io.oregrid.edge.http.ErrorCode;
import io.oregrid.grid.player.PlayerState;
import io.oregrid.node.game.CoinService;
import io.oregrid.node.game.CollectOutcome;
import io.oregrid.node.game.NearbyCoin;
import io.oregrid.node.game.NoPositionException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coins and inventory (SPEC "Game"): {@code GET /api/v1/game/coins/nearby},
 * {@code POST /api/v1/game/coins/{id}/collect} (Idempotency-Key required) and
 * {@code GET /api/v1/game/inventory}.
 */
public final class GameRoutes implements EdgeModule {
    /** Header carrying the caller's idempotency key (draft-ietf-httpapi-idempotency-key-header). */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Set to {@code true} on a response replayed from an earlier success. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private final CoinService coins;
    private final CoinCollects collects;

    /**
     * @param coins    nearby coins and inventory
     * @param collects the collect shared with the WebSocket edge
     */
    public GameRoutes(CoinService coins, CoinCollects collects) {
        this.coins = coins;
        this.collects = collects;
    }

    @Override
    public void routes(RoutesConfig routes) {
        routes.get("/api/v1/game/coins/nearby", this::nearby);
        routes.post("/api/v1/game/coins/{id}/collect", this::collect);
        routes.get("/api/v1/game/inventory", this::inventory);
    }

    private void nearby(Context ctx) {
        Principal caller = Principal.of(ctx);
        int radius = Bodies.queryInt(ctx, "radius", 100, 1, 500);
        List<NearbyCoin> found = withPosition(() -> coins.nearby(caller.userId(), radius));
        List<Map<String, Object>> out = found.stream().map(n -> {
            Map<String, Object> m = CoinJson.of(n.coin());
            m.put("distance_m", Math.round(n.distanceM() * 100) / 100.0);
            return m;
        }).toList();
        ctx.json(Map.of("coins", out));
    }

    private void collect(Context ctx) {
        CollectOutcome outcome = collects.apply(Principal.of(ctx), ctx.pathParam("id"), ctx.header(IDEMPOTENCY_KEY),
                IDEMPOTENCY_KEY);
        if (outcome.status() == CollectOutcome.Status.REPLAYED) {
            ctx.header(REPLAYED, "true");
        }
        ctx.json(CoinCollects.body(outcome.record()));
    }

    private void inventory(Context ctx) {
        PlayerState state = coins.inventory(Principal.of(ctx).userId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("balance", state.balance());
        body.put("coins_collected", state.coinsCollected());
        body.put("items", List.of());
        body.put("pickaxes", List.of());
        ctx.json(body);
    }

    private static <T> T withPosition(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (NoPositionException e) {
            throw ApiException.of(ErrorCode.NO_POSITION, e.getMessage());
        }
    }
}
