package io.oregrid.store.support;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;

/**
 * What the stores share around JDBC: one connection per call with a retry of a dropped connection,
 * epoch milliseconds ↔ {@code timestamptz}, key arrays.
 */
public final class Jdbc {

    /** Work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Jdbc() {
    }

    /**
     * Runs {@code work} on a pooled connection (closed afterwards). A connection that turns out to be
     * dead (SQLState class 08: the database restarted or the network dropped it while it sat in the
     * pool) is thrown away by HikariCP and the work runs once more on a fresh one; the stores' writes
     * are idempotent, so running one twice is harmless.
     *
     * @param what what is being done, for the error (never values or secrets)
     * @throws StoreException with the {@link SQLException} as its cause
     */
    public static <T> T withConnection(DataSource dataSource, String what, Work<T> work) {
        SQLException first = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                return work.run(c);
            } catch (SQLException e) {
                if (first != null) {
                    e.addSuppressed(first);
                }
                first = e;
                if (e.getSQLState() == null || !e.getSQLState().startsWith("08")) {
                    break;
                }
            }
        }
        throw new StoreException(what + " failed", first);
    }

    /** @return {@code epochMs} as a timestamp (stored as {@code timestamptz}, UTC instant) */
    public static Timestamp ts(long epochMs) {
        return new Timestamp(epochMs);
    }

    /** @return the epoch milliseconds of a {@code timestamptz}, 0 for SQL NULL */
    public static long ms(Timestamp ts) {
        return ts == null ? 0 : ts.getTime();
    }

    /** @return a {@code text[]} of the keys, for {@code WHERE key = ANY(?)} */
    public static Array textArray(Connection c, Collection<String> keys) throws SQLException {
        return c.createArrayOf("text", keys.toArray());
    }
}
