package io.oregrid.edge.game;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
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
import java.util.concurrent.CompletionStage;
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

    private static final String COINS = "/api/v1/game/coins/";
    private static final String COLLECT = "/collect";

    private final CoinService coins;
    private final CoinCollects collects;

    /**
     * @return whether {@code ctx} is a collect, whose first grid operation takes the caller's per-user request
     *         token itself (so the before-filter does not take a second one)
     */
    public static boolean takesOwnRequestToken(Context ctx) {
        String path = ctx.path();
        return ctx.method() == HandlerType.POST && path.startsWith(COINS) && path.endsWith(COLLECT)
                && path.indexOf('/', COINS.length()) == path.length() - COLLECT.length();
    }

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

    /** Returns the grid's stage to Jetty: the request thread never parks on the grid (ARCHITECTURE "Cost rules"). */
    private void collect(Context ctx) {
        CompletionStage<CollectOutcome> result = collects.apply(Principal.of(ctx), ctx.pathParam("id"),
                ctx.header(IDEMPOTENCY_KEY), IDEMPOTENCY_KEY, true);
        ctx.future(() -> result.thenAccept(outcome -> {
            if (outcome.status() == CollectOutcome.Status.REPLAYED) {
                ctx.header(REPLAYED, "true");
            }
            ctx.json(CoinCollects.body(outcome.record()));
        }).toCompletableFuture());
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
