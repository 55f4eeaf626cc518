package io.oregrid.grid.player;

/**
 * The system of record's side of a credit: writes one {@link CollectRecord} of a player durably
 * before the grid applies it (ARCHITECTURE "Persistence": the collection ledger is written beside
 * the credit, off the partition threads). A member with persistence puts its ledger into its user
 * context under {@link #CONTEXT_KEY}; {@link CreditCoinProcessor} finds it there and runs on
 * {@link #EXECUTOR} instead of the partition thread.
 *
 * <p>Contract: idempotent by the record — writing a record that is already there as the same claim
 * (coin, player, Idempotency-Key) changes nothing and succeeds; the balance moves only together
 * with a newly written record.
 */
public interface CollectLedger {
    /** Key of the member's ledger in its user context. */
    String CONTEXT_KEY = "ore.collect-ledger";
    /** Name of the member executor that runs ledgered credits (sized by {@code Persistence}). */
    String EXECUTOR = "ore-collect-ledger";

    /**
     * Writes {@code record} for {@code playerId}, in one transaction with the balance change.
     *
     * @throws RuntimeException the store's failure when the record could not be written (the
     *         database down: a {@code StoreException}; the coin or the key already written for
     *         another claim: a {@code CollectionConflictException}); nothing was written then
     */
    void record(String playerId, CollectRecord record);
}
