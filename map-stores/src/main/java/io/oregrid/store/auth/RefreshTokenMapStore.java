package io.oregrid.store.auth;

import io.oregrid.grid.auth.RefreshTokenRecord;
import io.oregrid.grid.auth.RefreshTokenState;
import io.oregrid.store.support.Jdbc;
import io.oregrid.store.support.SqlMapStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * Write-through store of the {@code refresh-tokens} map (key: hex SHA-256 of the token), table
 * {@code refresh_tokens}. Loaded eagerly (tokens not yet expired by wall-clock time): revoking a
 * family queries the map's values by {@code familyId}, so every live token of a family must be in
 * memory. A token's state only moves forward (ACTIVE → ROTATED → REVOKED), and an upsert never
 * moves it back, so an older copy cannot resurrect a revoked token.
 *
 * <p>Entries loaded at start carry no TTL (the grid's TTL is set when a token is issued); the edge
 * refuses an expired token by its {@code expiresAtMs} either way.
 */
public final class RefreshTokenMapStore extends SqlMapStore<RefreshTokenRecord> {
    private static final String RANK = "CASE %s WHEN 'ACTIVE' THEN 0 WHEN 'ROTATED' THEN 1 ELSE 2 END";
    private static final String UPSERT = """
            INSERT INTO refresh_tokens (token_hash, user_id, user_email, family_id, issued_at, expires_at, state,
                successor_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (token_hash) DO UPDATE SET state = EXCLUDED.state, successor_hash = EXCLUDED.successor_hash
            WHERE\s""" + RANK.formatted("refresh_tokens.state") + " <= " + RANK.formatted("EXCLUDED.state");

    public RefreshTokenMapStore(DataSource dataSource) {
        super(dataSource, "refresh_tokens", "token_hash", "SELECT token_hash FROM refresh_tokens WHERE expires_at > now()");
    }

    @Override
    protected String selectSql() {
        return "SELECT token_hash, user_id, user_email, family_id, issued_at, expires_at, state, successor_hash"
                + " FROM refresh_tokens";
    }

    @Override
    protected RefreshTokenRecord read(ResultSet rs) throws SQLException {
        return new RefreshTokenRecord(rs.getString("user_id"), rs.getString("user_email"), rs.getString("family_id"),
                Jdbc.ms(rs.getTimestamp("issued_at")), Jdbc.ms(rs.getTimestamp("expires_at")),
                RefreshTokenState.valueOf(rs.getString("state")), rs.getString("successor_hash"));
    }

    @Override
    protected void write(Connection c, Map<String, RefreshTokenRecord> entries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (Map.Entry<String, RefreshTokenRecord> e : entries.entrySet()) {
                RefreshTokenRecord t = e.getValue();
                ps.setString(1, e.getKey());
                ps.setString(2, t.userId());
                ps.setString(3, t.userEmail());
                ps.setString(4, t.familyId());
                ps.setTimestamp(5, Jdbc.ts(t.issuedAtMs()));
                ps.setTimestamp(6, Jdbc.ts(t.expiresAtMs()));
                ps.setString(7, t.state().name());
                ps.setString(8, t.successorHash());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
