package io.oregrid.store.support;

/**
 * PostgreSQL could not do what a MapStore or MapLoader asked: the database is unreachable, timed
 * out or refused the statement. Always carries the {@link java.sql.SQLException} (or whatever the
 * driver or pool threw) as its cause. Hazelcast hands it to the caller of the map operation whose
 * store failed (write-through), and the edge answers 503 {@code DEPENDENCY_UNAVAILABLE} without the
 * message: SQL text and causes stay in the log.
 */
public class StoreException extends RuntimeException {

    /**
     * @param message what was being done (map and operation; never values or secrets)
     * @param cause   the driver's or pool's exception
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @return whether {@code t} or one of its causes is a {@link StoreException} */
    public static boolean isCauseOf(Throwable t) {
        return Causes.find(t, StoreException.class) != null;
    }
}
