package io.oregrid.node.game;

import io.oregrid.grid.player.CollectRecord;

/**
 * The answer to a collect (SPEC "Game"): either a credit (first time or replayed) or a refusal.
 *
 * @param status    what happened
 * @param record    the credited collect (for CREDITED and REPLAYED)
 * @param distanceM distance to the coin, metres (for OUT_OF_RANGE)
 * @param retryAfterMs node ms until the per-user limit has a token again (for RATE_LIMITED)
 */
public record CollectOutcome(Status status, CollectRecord record, double distanceM, long retryAfterMs) {

    /** An outcome with no retry delay. */
    public CollectOutcome(Status status, CollectRecord record, double distanceM) {
        this(status, record, distanceM, 0);
    }

    /** Outcomes, each with its SPEC response. */
    public enum Status {
        /** 200. */
        CREDITED,
        /** 200 with {@code Idempotent-Replayed: true}. */
        REPLAYED,
        /** 422 IDEMPOTENCY_KEY_REUSED. */
        KEY_REUSED,
        /** 409 COIN_ALREADY_COLLECTED. */
        ALREADY_COLLECTED,
        /** 404 COIN_NOT_FOUND. */
        NOT_FOUND,
        /** 410 COIN_EXPIRED. */
        EXPIRED,
        /** 422 OUT_OF_RANGE with distance_m. */
        OUT_OF_RANGE,
        /** 429 RATE_LIMIT_EXCEEDED: the per-user request limit had no token; nothing was judged. */
        RATE_LIMITED
    }

    static CollectOutcome of(Status status) {
        return new CollectOutcome(status, null, Double.NaN);
    }
}
