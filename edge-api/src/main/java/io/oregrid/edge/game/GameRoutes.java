package io.oregrid.edge.game;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.oregrid.edge.EdgeModule;
import io.oregrid.edge.auth.Principal;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.Bodies;
import io.oregrid.edge.http.ErrorCode;
import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.player.CollectRecord;
import io.oregrid.grid.player.PlayerState;
import io.oregrid.node.game.CoinService;
import io.oregrid.node.game.CollectOutcome;
import io.oregrid.node.game.NearbyCoin;
import io.oregrid.node.game.NoPositionException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,64}");

    private final CoinService coins;
    private final MeterRegistry meters;

    public GameRoutes(CoinService coins, MeterRegistry meters) {
        this.coins = coins;
        this.meters = meters;
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
            Coin c = n.coin();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("lat", c.lat());
            m.put("lng", c.lng());
            m.put("value", c.value());
            m.put("type", c.type().apiName());
            m.put("distance_m", Math.round(n.distanceM() * 100) / 100.0);
            m.put("expires_at", c.expiresAtMs());
            return m;
        }).toList();
        ctx.json(Map.of("coins", out));
    }

    private void collect(Context ctx) {
        Principal caller = Principal.of(ctx);
        String key = ctx.header(IDEMPOTENCY_KEY);
        if (key == null || key.isEmpty()) {
            throw ApiException.of(ErrorCode.IDEMPOTENCY_KEY_MISSING, "Idempotency-Key header is required");
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiException.invalid("Idempotency-Key", "Idempotency-Key must be 1-64 visible ASCII characters");
        }
        String coinId = ctx.pathParam("id");
        CollectOutcome outcome = withPosition(() -> coins.collect(caller.userId(), coinId, key,
                caller.bonusMultiplier(), caller.autoCollectRangeM()));
        meters.counter("ore_coin_collects_total", "outcome", outcome.status().name()).increment();
        switch (outcome.status()) {
            case CREDITED, REPLAYED -> {
                CollectRecord r = outcome.record();
                if (outcome.status() == CollectOutcome.Status.REPLAYED) {
                    ctx.header(REPLAYED, "true");
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("collected", true);
                body.put("coin_id", r.coinId());
                body.put("value", r.credited());
                body.put("balance", r.balanceAfter());
                ctx.json(body);
            }
            case KEY_REUSED -> throw ApiException.of(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was already used for another coin");
            case ALREADY_COLLECTED -> throw ApiException.of(ErrorCode.COIN_ALREADY_COLLECTED, "coin already collected");
            case NOT_FOUND -> throw ApiException.of(ErrorCode.COIN_NOT_FOUND, "no such coin");
            case EXPIRED -> throw ApiException.of(ErrorCode.COIN_EXPIRED, "coin expired");
            case OUT_OF_RANGE -> throw ApiException.of(ErrorCode.OUT_OF_RANGE, "coin is out of collect range")
                    .with("distance_m", Math.round(outcome.distanceM() * 100) / 100.0)
                    .with("range_m", caller.autoCollectRangeM());
        }
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
