package io.oregrid.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A PostgreSQL schema of a benchmark's own, dropped on {@link #close}: {@code ORE_BENCH_DB_URL} /
 * {@code _USER} / {@code _PASSWORD}, by default the test database that {@code scripts/ensure-postgres.sh}
 * sets up.
 */
public final class BenchDatabase implements AutoCloseable {
    private final String baseUrl = env("ORE_BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/ore_test");
    private final String user = env("ORE_BENCH_DB_USER", "ore");
    private final String password = env("ORE_BENCH_DB_PASSWORD", "ore");
    /** The schema's name ({@code b_} and 12 hex digits). */
    public final String schema = "b_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    /**
     * Creates the schema.
     *
     * @throws SQLException when PostgreSQL cannot be reached (callers print "not measured" with it)
     */
    public BenchDatabase() throws SQLException {
        execute("CREATE SCHEMA " + schema);
    }

    /** @return node settings ({@code ORE_*} keys without the prefix) that persist into this schema */
    public Map<String, String> nodeSettings() {
        return Map.of("DB_URL", baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "DB_USER", user, "DB_PASSWORD", password);
    }

    /** @return the single long that {@code query} returns (table names qualified with {@link #schema}) */
    public long count(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(baseUrl, user, password); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Drops the schema and everything in it. */
    @Override
    public void close() throws SQLException {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    private void execute(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(baseUrl, user, password); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v;
    }
}
