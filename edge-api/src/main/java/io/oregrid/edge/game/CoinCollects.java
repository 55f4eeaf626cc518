package io.oregrid.edge.game;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.oregrid.edge.auth.Principal;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.ErrorCode;
import io.oregrid.edge.ratelimit.RateLimiter;
import io.oregrid.grid.player.CollectRecord;
import io.oregrid.node.game.CoinService;
import io.oregrid.node.game.CollectOutcome;
import io.oregrid.node.game.NoPositionException;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
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
    private final RateLimiter limiter;
    private final Map<CollectOutcome.Status, Counter> counters = new EnumMap<>(CollectOutcome.Status.class);

    public CoinCollects(CoinService coins, RateLimiter limiter, MeterRegistry meters) {
        this.coins = coins;
        this.limiter = limiter;
        for (CollectOutcome.Status status : CollectOutcome.Status.values()) {
            counters.put(status, meters.counter("ore_coin_collects_total", "outcome", status.name()));
        }
    }

    /**
     * @param caller   the collecting player
     * @param coinId   the coin
     * @param key      the caller's idempotency key, or null when the request had none
     * @param keyField where the key travels, named in refusals ({@code Idempotency-Key}, {@code request_id})
     * @param countsAsRequest whether the collect takes the caller's per-user request token (REST: yes, in the
     *                 collect's first grid operation; WebSocket messages: no)
     * @return a CREDITED or REPLAYED outcome, completing on the grid's continuation executor; exceptionally with an
     *         {@link ApiException} for every refusal, as above, and 429 RATE_LIMIT_EXCEEDED
     * @throws ApiException (at once) for a missing or malformed key
     */
    public CompletionStage<CollectOutcome> apply(Principal caller, String coinId, String key, String keyField,
                                                 boolean countsAsRequest) {
        if (key == null || key.isEmpty()) {
            takeTokenOfRefused(caller, countsAsRequest);
            throw ApiException.of(ErrorCode.IDEMPOTENCY_KEY_MISSING, keyField + " is required").with("field", keyField);
        }
        if (!KEY.matcher(key).matches()) {
            takeTokenOfRefused(caller, countsAsRequest);
            throw ApiException.invalid(keyField, keyField + " must be 1-64 visible ASCII characters");
        }
        return coins.collect(caller.userId(), coinId, key, caller.bonusMultiplier(), caller.autoCollectRangeM(),
                countsAsRequest ? limiter.perMinute(caller) : 0).handle((outcome, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        if (cause instanceof NoPositionException e) {
                            throw ApiException.of(ErrorCode.NO_POSITION, e.getMessage());
                        }
                        throw failure instanceof CompletionException c ? c : new CompletionException(failure);
                    }
                    return judged(caller, keyField, outcome);
                });
    }

    private CollectOutcome judged(Principal caller, String keyField, CollectOutcome outcome) {
        counters.get(outcome.status()).increment();
        return switch (outcome.status()) {
            case CREDITED, REPLAYED -> outcome;
            case RATE_LIMITED -> throw limiter.userRefusal(caller, outcome.retryAfterMs());
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

    /** A request refused before the grid still takes its per-user token (429 wins over the refusal). */
    private void takeTokenOfRefused(Principal caller, boolean countsAsRequest) {
        if (countsAsRequest) {
            limiter.takeUser(caller);
        }
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
