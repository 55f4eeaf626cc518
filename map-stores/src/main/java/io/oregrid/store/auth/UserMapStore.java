package io.oregrid.store.auth;

import io.oregrid.grid.auth.Role;
import io.oregrid.grid.auth.UserRecord;
import io.oregrid.store.support.Jdbc;
import io.oregrid.store.support.SqlMapStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * Write-through store of the {@code users} map (key: lower-cased e-mail), table {@code users}.
 * Loaded eagerly at start: account look-ups by id ({@code Users.byId}) query the map's values, so
 * every account must be in memory.
 */
public final class UserMapStore extends SqlMapStore<UserRecord> {
    private static final String UPSERT = """
            INSERT INTO users (id, email, username, password_hash, role, genesis, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (email) DO UPDATE SET id = EXCLUDED.id, username = EXCLUDED.username,
                password_hash = EXCLUDED.password_hash, role = EXCLUDED.role, genesis = EXCLUDED.genesis,
                created_at = EXCLUDED.created_at""";

    public UserMapStore(DataSource dataSource) {
        super(dataSource, "users", "email", "SELECT email FROM users");
    }

    @Override
    protected String selectSql() {
        return "SELECT id, email, username, password_hash, role, genesis, created_at FROM users";
    }

    @Override
    protected UserRecord read(ResultSet rs) throws SQLException {
        return new UserRecord(rs.getString("id"), rs.getString("email"), rs.getString("username"),
                rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getBoolean("genesis"),
                Jdbc.ms(rs.getTimestamp("created_at")));
    }

    @Override
    protected void write(Connection c, Map<String, UserRecord> entries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (UserRecord u : entries.values()) {
                ps.setString(1, u.id());
                ps.setString(2, u.email());
                ps.setString(3, u.username());
                ps.setString(4, u.passwordHash());
                ps.setString(5, u.role().name());
                ps.setBoolean(6, u.genesis());
                ps.setTimestamp(7, Jdbc.ts(u.createdAtMs()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
