package io.oregrid.store.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The member's HikariCP pool of PostgreSQL connections.
 *
 * <p>Sizing: {@code poolSize} connections per member (default 10, {@code ORE_DB_POOL_SIZE}) for the
 * maps' stores and loads (on Hazelcast's map-store offload executor), the write-behind flusher and
 * the health check, plus a pool of half that size for the collections ledger (see
 * {@code Persistence}); 15 per member keeps a 6-member cluster under PostgreSQL's default
 * {@code max_connections} of 100. HikariCP's own advice (connections ≈ cores × 2 + spindles on
 * the database host) caps it from the other side.
 *
 * <p>Timeouts: a caller waits at most {@code timeoutMs} for a connection, and a statement's socket
 * read at most 10 s, so a write during an outage fails (503) instead of holding its thread for long. Inserts sent as a JDBC batch are rewritten into multi-row inserts
 * ({@code reWriteBatchedInserts}).
 */
public final class DataSources {
    /** Longest a statement may wait on the socket, seconds (pgJDBC {@code socketTimeout}). */
    static final int SOCKET_TIMEOUT_S = 10;

    private DataSources() {
    }

    /**
     * Opens the pool; fails at once when the database cannot be reached (a node does not start
     * half-persistent).
     *
     * @param url       JDBC URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/ore}
     * @param user      role name
     * @param password  role password (never logged)
     * @param poolSize  maximum connections
     * @param timeoutMs longest wait for a connection, ms
     * @throws StoreException when no connection can be made
     */
    public static HikariDataSource open(String url, String user, String password, int poolSize, long timeoutMs) {
        return open("ore-postgresql", url, user, password, poolSize, timeoutMs);
    }

    /**
     * {@link #open(String, String, String, int, long)} under a pool name of its own (for a bulkhead
     * such as the collections ledger's pool).
     *
     * @param name the pool's name in logs and metrics
     */
    public static HikariDataSource open(String name, String url, String user, String password, int poolSize,
                                        long timeoutMs) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(name);
        hikari.setJdbcUrl(url);
        hikari.setUsername(user);
        hikari.setPassword(password);
        hikari.setMaximumPoolSize(poolSize);
        hikari.setMinimumIdle(Math.min(2, poolSize));
        hikari.setConnectionTimeout(timeoutMs);
        hikari.setValidationTimeout(Math.min(timeoutMs, 1000));
        hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        hikari.addDataSourceProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_S));
        hikari.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, timeoutMs / 1000)));
        hikari.addDataSourceProperty("ApplicationName", "ore-grid");
        try {
            return new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to PostgreSQL at " + redact(url), e);
        }
    }

    /** @return the URL without its query string (which may carry a password) */
    public static String redact(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
