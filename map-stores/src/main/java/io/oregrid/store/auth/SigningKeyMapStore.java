package io.oregrid.store.auth;

import io.oregrid.grid.auth.SigningKeyRecord;
import io.oregrid.store.support.Jdbc;
import io.oregrid.store.support.SqlMapStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * Write-through store of the {@code signing-keys} map (kid → key, plus the
 * {@link SigningKeyRecord#ACTIVE_POINTER} entry), table {@code signing_keys}. A small reference map,
 * loaded eagerly: the JWKS lists the map's values. Retirement is final: an upsert never un-retires
 * a key. The private keys are never logged (see {@link SigningKeyRecord}).
 */
public final class SigningKeyMapStore extends SqlMapStore<SigningKeyRecord> {
    private static final String UPSERT = """
            INSERT INTO signing_keys (map_key, kid, public_key_der, private_key_der, created_at, active, retired)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (map_key) DO UPDATE SET kid = EXCLUDED.kid, public_key_der = EXCLUDED.public_key_der,
                private_key_der = EXCLUDED.private_key_der, created_at = EXCLUDED.created_at,
                active = EXCLUDED.active,
                retired = EXCLUDED.retired OR (signing_keys.retired AND signing_keys.kid = EXCLUDED.kid)""";

    public SigningKeyMapStore(DataSource dataSource) {
        super(dataSource, "signing_keys", "map_key", "SELECT map_key FROM signing_keys");
    }

    @Override
    protected String selectSql() {
        return "SELECT map_key, kid, public_key_der, private_key_der, created_at, active, retired FROM signing_keys";
    }

    @Override
    protected SigningKeyRecord read(ResultSet rs) throws SQLException {
        return new SigningKeyRecord(rs.getString("kid"), rs.getString("public_key_der"),
                rs.getString("private_key_der"), Jdbc.ms(rs.getTimestamp("created_at")), rs.getBoolean("active"),
                rs.getBoolean("retired"));
    }

    @Override
    protected void write(Connection c, Map<String, SigningKeyRecord> entries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (Map.Entry<String, SigningKeyRecord> e : entries.entrySet()) {
                SigningKeyRecord k = e.getValue();
                ps.setString(1, e.getKey());
                ps.setString(2, k.kid());
                ps.setString(3, k.publicKeyDer());
                ps.setString(4, k.privateKeyDer());
                ps.setTimestamp(5, Jdbc.ts(k.createdAtMs()));
                ps.setBoolean(6, k.active());
                ps.setBoolean(7, k.retired());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
