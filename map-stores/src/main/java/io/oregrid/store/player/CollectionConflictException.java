package io.oregrid.store.player;

import io.oregrid.store.support.Causes;

/**
 * PostgreSQL refused a credit because {@code coin_collections} already holds the coin for another
 * claim, or the player's Idempotency-Key for another coin: the database's last guard against a
 * double credit. Happens when the grid no longer knows about the earlier credit, e.g. a coin of the
 * current spawn epoch re-spawned with the same id after a full-cluster restart rebuilt its cell.
 */
public final class CollectionConflictException extends RuntimeException {

    /** Which UNIQUE constraint refused the row. */
    public enum Kind {
        /** The coin was already credited (to anyone, with another key). */
        COIN,
        /** The player's Idempotency-Key was already used for another coin. */
        KEY
    }

    private final Kind kind;

    /**
     * @param kind   the constraint
     * @param coinId the coin of the refused credit
     */
    public CollectionConflictException(Kind kind, String coinId) {
        super("coin_collections already holds " + (kind == Kind.COIN ? "coin " + coinId : "the key of coin " + coinId)
                + " for another credit");
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** @return the conflict in {@code t} or its causes, or null */
    public static CollectionConflictException in(Throwable t) {
        return Causes.find(t, CollectionConflictException.class);
    }
}
