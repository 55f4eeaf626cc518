package io.oregrid.store.support;

import com.hazelcast.map.MapLoader;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link MapLoader} over one table whose text primary key is the map key: one try-with-resources
 * per call (a dropped connection is retried once, see {@link Jdbc#withConnection}), keys loaded in one statement ({@code WHERE key = ANY(?)}), every {@link SQLException}
 * wrapped with its cause in a {@link StoreException}.
 *
 * <p>Eager maps list their keys from {@link #loadAllKeys()} and Hazelcast loads them all when the
 * map is first touched on a member; lazy maps return {@code null} there, so an entry is loaded by
 * key the first time it is asked for.
 *
 * @param <V> the map's value type
 */
public abstract class SqlMapLoader<V> implements MapLoader<String, V> {
    protected final DataSource dataSource;
    protected final String table;
    protected final String keyColumn;
    private final String allKeysSql;

    /**
     * @param dataSource the member's pool
     * @param table      table name
     * @param keyColumn  its text primary key, the map key
     * @param allKeysSql statement listing every key to load eagerly, or null for a lazy map
     */
    protected SqlMapLoader(DataSource dataSource, String table, String keyColumn, String allKeysSql) {
        this.dataSource = dataSource;
        this.table = table;
        this.keyColumn = keyColumn;
        this.allKeysSql = allKeysSql;
    }

    /**
     * @return {@code SELECT <columns> FROM ...} without a WHERE clause; must select {@link #keyColumn}
     */
    protected abstract String selectSql();

    /** Reads the value of the current row. */
    protected abstract V read(ResultSet rs) throws SQLException;

    @Override
    public V load(String key) {
        return loadAll(List.of(key)).get(key);
    }

    @Override
    public Map<String, V> loadAll(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return Jdbc.withConnection(dataSource, "loading " + keys.size() + " entries from " + table, c -> {
            try (PreparedStatement ps = c.prepareStatement(selectSql() + " WHERE " + keyColumn + " = ANY(?)")) {
                ps.setArray(1, Jdbc.textArray(c, keys));
                Map<String, V> found = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(keyColumn), read(rs));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public Iterable<String> loadAllKeys() {
        if (allKeysSql == null) {
            return null;
        }
        return Jdbc.withConnection(dataSource, "listing the keys of " + table, c -> {
            try (PreparedStatement ps = c.prepareStatement(allKeysSql); ResultSet rs = ps.executeQuery()) {
                List<String> keys = new ArrayList<>();
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
                return keys;
            }
        });
    }
}
