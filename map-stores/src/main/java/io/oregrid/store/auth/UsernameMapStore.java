package io.oregrid.store.auth;

import io.oregrid.store.support.SqlMapStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * Write-through store of the {@code usernames} map (lower-cased username → user id), table
 * {@code usernames}. Lazy: a claim ({@code putIfAbsent}) loads its key first, which is all that
 * uniqueness needs.
 */
public final class UsernameMapStore extends SqlMapStore<String> {
    private static final String UPSERT = """
            INSERT INTO usernames (username_key, user_id) VALUES (?, ?)
            ON CONFLICT (username_key) DO UPDATE SET user_id = EXCLUDED.user_id""";

    public UsernameMapStore(DataSource dataSource) {
        super(dataSource, "usernames", "username_key", null);
    }

    @Override
    protected String selectSql() {
        return "SELECT username_key, user_id FROM usernames";
    }

    @Override
    protected String read(ResultSet rs) throws SQLException {
        return rs.getString("user_id");
    }

    @Override
    protected void write(Connection c, Map<String, String> entries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
