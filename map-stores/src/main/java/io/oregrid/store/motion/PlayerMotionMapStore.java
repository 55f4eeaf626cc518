package io.oregrid.store.motion;

import io.oregrid.grid.motion.Fix;
import io.oregrid.grid.motion.PlayerMotion;
import io.oregrid.store.support.Jdbc;
import io.oregrid.store.support.SqlMapStore;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Map;

/**
 * Write-behind store of the {@code player-motion} map, table {@code player_motion}: the batched
 * path keeps PostgreSQL off the location hot path. Loaded lazily, one player when first asked for.
 * The accepted fixes themselves reach {@code location_history} through {@link LocationHistoryMapStore}.
 *
 * <p>Hazelcast hands this store the latest value of every player changed since the last flush
 * (write coalescing on) in one {@code storeAll}, written as one JDBC batch. A write-behind queue is
 * retried (failed entries again after recovery, possibly after newer ones) and replayed by a
 * promoted backup, so the upsert is order-free: a row carries {@link #version}, which grows with
 * every change, and only replaces an older version.
 */
public final class PlayerMotionMapStore extends SqlMapStore<PlayerMotion> {
    private static final String COLUMNS = "player_id, version, last_lat, last_lng, last_accuracy_m, last_recorded_at,"
            + " last_speed_ms, last_heading_deg, cell_token, segment_speed_ms, accepted_fixes, violations, reputation,"
            + " refused_lat, refused_lng, refused_accuracy_m, refused_recorded_at, refused_speed_ms, refused_heading_deg,"
            + " last_refusal_at";
    private static final String UPSERT = "INSERT INTO player_motion (" + COLUMNS + ") VALUES ("
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (player_id) DO UPDATE SET "
            + Arrays.stream(COLUMNS.split(",\\s*")).skip(1).map(col -> col + " = EXCLUDED." + col)
                    .reduce((a, b) -> a + ", " + b).orElseThrow()
            + " WHERE player_motion.version < EXCLUDED.version";

    public PlayerMotionMapStore(DataSource dataSource) {
        super(dataSource, "player_motion", "player_id", null);
    }

    /** @return a number that grows with every change of {@code m}: accepted fixes plus refusals */
    public static long version(PlayerMotion m) {
        return m.acceptedFixes() + Arrays.stream(m.violations()).asLongStream().sum();
    }

    @Override
    protected String selectSql() {
        return "SELECT " + COLUMNS + " FROM player_motion";
    }

    @Override
    protected PlayerMotion read(ResultSet rs) throws SQLException {
        Array violations = rs.getArray("violations");
        Integer[] counts = (Integer[]) violations.getArray();
        return new PlayerMotion(rs.getString("player_id"), fix(rs, "last"), rs.getString("cell_token"),
                rs.getDouble("segment_speed_ms"), rs.getLong("accepted_fixes"),
                Arrays.stream(counts).mapToInt(Integer::intValue).toArray(), rs.getInt("reputation"),
                fix(rs, "refused"), Jdbc.ms(rs.getTimestamp("last_refusal_at")));
    }

    @Override
    protected void write(Connection c, Map<String, PlayerMotion> entries) throws SQLException {
        try (PreparedStatement motion = c.prepareStatement(UPSERT)) {
            for (Map.Entry<String, PlayerMotion> e : entries.entrySet()) {
                PlayerMotion m = e.getValue();
                int i = 1;
                motion.setString(i++, e.getKey());
                motion.setLong(i++, version(m));
                i = setFix(motion, i, m.lastFix());
                motion.setString(i++, m.cellToken());
                motion.setDouble(i++, m.lastSpeedMs());
                motion.setLong(i++, m.acceptedFixes());
                motion.setArray(i++, c.createArrayOf("integer", Arrays.stream(m.violations()).boxed().toArray()));
                motion.setInt(i++, m.reputation());
                i = setFix(motion, i, m.lastRefusedFix());
                motion.setTimestamp(i, m.lastRefusalAtMs() == 0 ? null : Jdbc.ts(m.lastRefusalAtMs()));
                motion.addBatch();
            }
            motion.executeBatch();
        }
    }

    /** Sets the six columns of a fix (lat, lng, accuracy_m, recorded_at, speed_ms, heading_deg); @return the next index */
    private static int setFix(PreparedStatement ps, int i, Fix f) throws SQLException {
        ps.setObject(i, f == null ? null : f.lat(), Types.DOUBLE);
        ps.setObject(i + 1, f == null ? null : f.lng(), Types.DOUBLE);
        ps.setObject(i + 2, f == null ? null : f.accuracyM(), Types.DOUBLE);
        ps.setTimestamp(i + 3, f == null ? null : Jdbc.ts(f.timestampMs()));
        ps.setObject(i + 4, f == null ? null : f.speedMs(), Types.DOUBLE);
        ps.setObject(i + 5, f == null ? null : f.headingDeg(), Types.DOUBLE);
        return i + 6;
    }

    private static Fix fix(ResultSet rs, String prefix) throws SQLException {
        if (rs.getTimestamp(prefix + "_recorded_at") == null) {
            return null;
        }
        return new Fix(rs.getDouble(prefix + "_lat"), rs.getDouble(prefix + "_lng"), rs.getDouble(prefix + "_accuracy_m"),
                Jdbc.ms(rs.getTimestamp(prefix + "_recorded_at")), (Double) rs.getObject(prefix + "_speed_ms"),
                (Double) rs.getObject(prefix + "_heading_deg"));
    }
}
