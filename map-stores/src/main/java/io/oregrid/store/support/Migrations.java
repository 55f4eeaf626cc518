package io.oregrid.store.support;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The schema, owned by the Flyway migrations in {@code db/migration} of this module. Run at node
 * start before any map is used; members starting together serialise on Flyway's own lock (a
 * PostgreSQL advisory lock), so the second finds the schema migrated.
 */
public final class Migrations {
    /** Months of {@code location_history} partitions prepared ahead of the current one. */
    public static final int HISTORY_MONTHS_AHEAD = 3;

    private Migrations() {
    }

    /**
     * Migrates the schema of the connection's current schema to the newest version and makes sure
     * the location-history partitions of this month and the next {@link #HISTORY_MONTHS_AHEAD} exist.
     *
     * @return how many migrations ran now
     * @throws StoreException when the database refuses
     */
    public static int migrate(DataSource dataSource) {
        MigrateResult result;
        try {
            result = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            throw new StoreException("schema migration failed", e);
        }
        ensureHistoryPartitions(dataSource, YearMonth.now(ZoneOffset.UTC), HISTORY_MONTHS_AHEAD);
        return result.migrationsExecuted;
    }

    /**
     * Creates the monthly {@code location_history} partitions from {@code from} to
     * {@code from + monthsAhead} that are missing (rows outside them land in the DEFAULT partition).
     */
    public static void ensureHistoryPartitions(DataSource dataSource, YearMonth from, int monthsAhead) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT ore_ensure_history_partitions(?, ?)")) {
            ps.setObject(1, from.atDay(1));
            ps.setInt(2, monthsAhead);
            ps.execute();
        } catch (SQLException e) {
            throw new StoreException("cannot create location_history partitions", e);
        }
    }
}
