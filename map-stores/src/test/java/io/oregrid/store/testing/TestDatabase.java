package io.oregrid.store.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.oregrid.store.support.DataSources;
import io.oregrid.store.support.Migrations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A schema of its own in the test PostgreSQL for one test (so tests never see each other's rows),
 * dropped on close. The server is the one {@code scripts/ensure-postgres.sh} prepares, or the one
 * {@code ORE_TEST_DB_URL} / {@code ORE_TEST_DB_USER} / {@code ORE_TEST_DB_PASSWORD} point at.
 */
public final class TestDatabase implements AutoCloseable {
    /** Base URL of the test database (no query string). */
    public static final String BASE_URL = env("ORE_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/ore_test");
    public static final String USER = env("ORE_TEST_DB_USER", "ore");
    public static final String PASSWORD = env("ORE_TEST_DB_PASSWORD", "ore");

    public final String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private HikariDataSource pool;

    public TestDatabase() {
        execute("CREATE SCHEMA " + schema);
    }

    /** @return the JDBC URL of this test's schema, through {@code host:port} (e.g. a {@link TcpProxy}) when given */
    public String url(String hostPort) {
        String url = hostPort == null ? BASE_URL : BASE_URL.replaceFirst("//[^/]+/", "//" + hostPort + "/");
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** @return the JDBC URL of this test's schema */
    public String url() {
        return url(null);
    }

    /**
     * Node settings ({@code ORE_*} keys without the prefix) for a node persisting into this schema,
     * through {@code hostPort} when not null, with a small pool, plus {@code more} name/value pairs.
     */
    public Map<String, String> nodeSettings(String hostPort, String... more) {
        Map<String, String> settings = new HashMap<>(Map.of("DB_URL", url(hostPort), "DB_USER", USER,
                "DB_PASSWORD", PASSWORD, "DB_POOL_SIZE", "4"));
        for (int i = 0; i + 1 < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        return settings;
    }

    /** @return host:port of the test server, for a {@link TcpProxy} in front of it */
    public static String hostPort() {
        return BASE_URL.replaceFirst("^jdbc:postgresql://([^/]+)/.*$", "$1");
    }

    /** @return a small pool on this schema, migrated (opened once, closed with this object) */
    public synchronized HikariDataSource migratedPool() {
        if (pool == null) {
            pool = DataSources.open(url(), USER, PASSWORD, 4, 5000);
            Migrations.migrate(pool);
        }
        return pool;
    }

    /**
     * @return the single long of {@code sql} (e.g. {@code SELECT count(*) FROM ...}) in this schema
     * @throws AssertionError when the query returns no row (so that {@code assertTrueEventually} asks again)
     */
    public long queryLong(String sql) {
        try (Connection c = DriverManager.getConnection(url(), USER, PASSWORD);
             PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new AssertionError("no row yet: " + sql);
            }
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed: " + sql, e);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(BASE_URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database " + BASE_URL + " not usable (see README \"Tests\"): " + sql, e);
        }
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v;
    }
}
