package io.oregrid.edge.game;

import io.micrometer.core.instrument.MeterRegistry;
import io.oregrid.edge.auth.Principal;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.ErrorCode;
import io.oregrid.grid.player.CollectRecord;
import io.oregrid.node.game.CoinService;
import io.oregrid.node.game.CollectOutcome;
import io.oregrid.node.game.NoPositionException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One coin collect as every transport runs it (SPEC "Game"), so REST
 * ({@code POST /api/v1/game/coins/{id}/collect} with {@code Idempotency-Key}) and WebSocket
 * ({@code game.action} collect with {@code request_id}) share the idempotent path and the refusals:
 * key missing → 400 IDEMPOTENCY_KEY_MISSING; not 1–64 visible ASCII characters → 400
 * VALIDATION_FAILED; then {@link CoinService#collect} with the caller's {@code bonus_multiplier} and
 * {@code auto_collect_range}: 409 COIN_ALREADY_COLLECTED, 404 COIN_NOT_FOUND, 410 COIN_EXPIRED, 422
 * OUT_OF_RANGE (with {@code distance_m} and {@code range_m}), 422 IDEMPOTENCY_KEY_REUSED, 409
 * NO_POSITION. Outcomes are counted on {@code ore_coin_collects_total{outcome}}.
 */
public final class CoinCollects {
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,64}");

    private final CoinService coins;
    private final MeterRegistry meters;

    public CoinCollects(CoinService coins, MeterRegistry meters) {
        this.coins = coins;
        this.meters = meters;
    }

    /**
     * @param caller   the collecting player
     * @param coinId   the coin
     * @param key      the caller's idempotency key, or null when the request had none
     * @param keyField where the key travels, named in refusals ({@code Idempotency-Key}, {@code request_id})
     * @return a CREDITED or REPLAYED outcome
     * @throws ApiException for every refusal, as above
     */
    public CollectOutcome apply(Principal caller, String coinId, String key, String keyField) {
        if (key == null || key.isEmpty()) {
            throw ApiException.of(ErrorCode.IDEMPOTENCY_KEY_MISSING, keyField + " is required").with("field", keyField);
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiException.invalid(keyField, keyField + " must be 1-64 visible ASCII characters");
        }
        CollectOutcome outcome;
        try {
            outcome = coins.collect(caller.userId(), coinId, key, caller.bonusMultiplier(), caller.autoCollectRangeM());
        } catch (NoPositionException e) {
            throw ApiException.of(ErrorCode.NO_POSITION, e.getMessage());
        }
        meters.counter("ore_coin_collects_total", "outcome", outcome.status().name()).increment();
        return switch (outcome.status()) {
            case CREDITED, REPLAYED -> outcome;
            case KEY_REUSED -> throw ApiException.of(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "this " + keyField + " was already used for another coin");
            case ALREADY_COLLECTED -> throw ApiException.of(ErrorCode.COIN_ALREADY_COLLECTED, "coin already collected");
            case NOT_FOUND -> throw ApiException.of(ErrorCode.COIN_NOT_FOUND, "no such coin");
            case EXPIRED -> throw ApiException.of(ErrorCode.COIN_EXPIRED, "coin expired");
            case OUT_OF_RANGE -> throw ApiException.of(ErrorCode.OUT_OF_RANGE, "coin is out of collect range")
                    .with("distance_m", Math.round(outcome.distanceM() * 100) / 100.0)
                    .with("range_m", caller.autoCollectRangeM());
        };
    }

    /** @return the SPEC's answer to a credit or its replay: {@code {"collected":true,"coin_id","value","balance"}} */
    public static Map<String, Object> body(CollectRecord r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("collected", true);
        body.put("coin_id", r.coinId());
        body.put("value", r.credited());
        body.put("balance", r.balanceAfter());
        return body;
    }
}
