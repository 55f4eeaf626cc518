package io.oregrid.store.support;

import com.hazelcast.map.MapStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A {@link MapStore} over one table (see {@link SqlMapLoader} for loading): {@code store} is
 * {@code storeAll} of one entry, and {@code storeAll} writes every entry in one transaction on one
 * connection, as JDBC batches or array statements (no statement per entry). A failure rolls the
 * transaction back (HikariCP rolls back a connection returned with uncommitted work) and surfaces
 * as a {@link StoreException} with the driver's exception as its cause, so Hazelcast hands it to
 * the caller of a write-through operation and retries a write-behind batch.
 *
 * @param <V> the map's value type
 */
public abstract class SqlMapStore<V> extends SqlMapLoader<V> implements MapStore<String, V> {

    protected SqlMapStore(DataSource dataSource, String table, String keyColumn, String allKeysSql) {
        super(dataSource, table, keyColumn, allKeysSql);
    }

    /** Writes {@code entries} (upserts) on {@code c}, inside the caller's transaction. */
    protected abstract void write(Connection c, Map<String, V> entries) throws SQLException;

    @Override
    public void store(String key, V value) {
        storeAll(Map.of(key, value));
    }

    @Override
    public void storeAll(Map<String, V> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Jdbc.withConnection(dataSource, "storing " + entries.size() + " entries into " + table, c -> {
            c.setAutoCommit(false);
            write(c, entries);
            c.commit();
            return null;
        });
    }

    @Override
    public void delete(String key) {
        deleteAll(List.of(key));
    }

    @Override
    public void deleteAll(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        Jdbc.withConnection(dataSource, "deleting " + keys.size() + " entries from " + table, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE " + keyColumn + " = ANY(?)")) {
                ps.setArray(1, Jdbc.textArray(c, keys));
                return ps.executeUpdate();
            }
        });
    }
}
