package io.oregrid.grid.player;

/**
 * The answer of {@link CreditCoinProcessor} and of an Idempotency-Key lookup.
 *
 * @param outcome what happened
 * @param record  the credited collect (this call's or the earlier one), null for KEY_REUSED/UNKNOWN
 */
public record CreditResult(Outcome outcome, CollectRecord record) {

    /** Credit outcomes. */
    public enum Outcome {
        /** This call credited the player. */
        CREDITED,
        /** The key was already credited for this coin: the first result, nothing changed. */
        REPLAYED,
        /** The key was already used for another coin (SPEC: 422 IDEMPOTENCY_KEY_REUSED). */
        KEY_REUSED,
        /** (Lookup only) the key has not been credited. */
        UNKNOWN
    }
}
