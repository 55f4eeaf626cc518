package io.oregrid.store.motion;

import com.hazelcast.map.MapStore;
import io.oregrid.grid.motion.HistoryFix;
import io.oregrid.grid.motion.LocationHistory;
import io.oregrid.store.support.Jdbc;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Write-behind store of the {@code location-history} map — the batched path of accepted fixes into
 * the append-only, month-partitioned {@code location_history} table. Loaded lazily: a player's
 * newest {@code perPlayer} fixes when first asked for.
 *
 * <p>A map value holds a player's newest fixes in time order, and Hazelcast hands this store the
 * latest value of every player changed since the last flush (write coalescing on) in one
 * {@code storeAll}. One statement inserts, for all those players, the fixes newer than the newest
 * row the player already has; the rows are keyed by (player, recorded_at) and inserted with
 * {@code ON CONFLICT DO NOTHING}. So a value stored twice (a retried batch, a backup's queue flushed
 * after its member died) or an older value arriving after a newer one adds nothing, and a value
 * always appends a gap-free suffix. To keep the statement small this store remembers, per player,
 * the newest time it has written and sends only newer fixes (after a failover the new owner sends a
 * value whole once; the database filter above keeps that exact).
 *
 * <p>Bound: while PostgreSQL is down a player's unflushed fixes wait in their map value, which keeps
 * the newest {@code perPlayer}; an outage longer than that many fixes of one player drops that
 * player's oldest unflushed fixes.
 */
public final class LocationHistoryMapStore implements MapStore<String, LocationHistory> {
    private static final String APPEND = """
            WITH f AS (
                SELECT * FROM unnest(?::text[], ?::timestamptz[], ?::float8[], ?::float8[], ?::float8[], ?::text[])
                    AS f(player_id, recorded_at, lat, lng, accuracy_m, cell_token)),
            newest AS (
                SELECT p.player_id,
                       (SELECT max(h.recorded_at) FROM location_history h WHERE h.player_id = p.player_id) AS at
                FROM (SELECT DISTINCT player_id FROM f) p)
            INSERT INTO location_history (player_id, recorded_at, lat, lng, accuracy_m, cell_token)
            SELECT f.player_id, f.recorded_at, f.lat, f.lng, f.accuracy_m, f.cell_token
            FROM f JOIN newest USING (player_id)
            WHERE newest.at IS NULL OR f.recorded_at > newest.at
            ON CONFLICT DO NOTHING""";
    private static final String NEWEST = """
            SELECT player_id, recorded_at, lat, lng, accuracy_m, cell_token FROM (
                SELECT h.*, row_number() OVER (PARTITION BY player_id ORDER BY recorded_at DESC) AS nth
                FROM location_history h WHERE player_id = ANY(?)) newest
            WHERE nth <= ? ORDER BY player_id, recorded_at""";

    private final DataSource dataSource;
    private final int perPlayer;
    private final Map<String, Long> written = new ConcurrentHashMap<>();

    /**
     * @param perPlayer accepted fixes kept per player in the grid ({@code ORE_HISTORY_PER_PLAYER})
     */
    public LocationHistoryMapStore(DataSource dataSource, int perPlayer) {
        this.dataSource = dataSource;
        this.perPlayer = perPlayer;
    }

    @Override
    public void store(String playerId, LocationHistory history) {
        storeAll(Map.of(playerId, history));
    }

    @Override
    public void storeAll(Map<String, LocationHistory> histories) {
        List<String> players = new ArrayList<>();
        List<HistoryFix> fixes = new ArrayList<>();
        Map<String, Long> newest = new HashMap<>();
        histories.forEach((player, history) -> {
            long after = written.getOrDefault(player, Long.MIN_VALUE);
            for (HistoryFix f : history.fixes()) {
                if (f.timestampMs() > after) {
                    players.add(player);
                    fixes.add(f);
                    newest.merge(player, f.timestampMs(), Math::max);
                }
            }
        });
        if (fixes.isEmpty()) {
            return;
        }
        Jdbc.withConnection(dataSource, "appending " + fixes.size() + " fixes to location_history", c -> {
            try (PreparedStatement ps = c.prepareStatement(APPEND)) {
                ps.setArray(1, c.createArrayOf("text", players.toArray()));
                ps.setArray(2, c.createArrayOf("timestamptz",
                        fixes.stream().map(f -> Jdbc.ts(f.timestampMs())).toArray(Timestamp[]::new)));
                ps.setArray(3, c.createArrayOf("float8", fixes.stream().map(HistoryFix::lat).toArray()));
                ps.setArray(4, c.createArrayOf("float8", fixes.stream().map(HistoryFix::lng).toArray()));
                ps.setArray(5, c.createArrayOf("float8", fixes.stream().map(HistoryFix::accuracyM).toArray()));
                ps.setArray(6, c.createArrayOf("text", fixes.stream().map(HistoryFix::cellToken).toArray()));
                return ps.executeUpdate();
            }
        });
        newest.forEach((player, at) -> written.merge(player, at, Math::max));
    }

    /** History is append-only: a grid entry that goes away never deletes rows. */
    @Override
    public void delete(String playerId) {
        written.remove(playerId);
    }

    /** History is append-only: grid entries that go away never delete rows. */
    @Override
    public void deleteAll(Collection<String> playerIds) {
        playerIds.forEach(written::remove);
    }

    @Override
    public LocationHistory load(String playerId) {
        return loadAll(List.of(playerId)).get(playerId);
    }

    @Override
    public Map<String, LocationHistory> loadAll(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, List<HistoryFix>> fixes = new HashMap<>();
        Jdbc.withConnection(dataSource, "loading the location history of " + keys.size() + " players", c -> {
            try (PreparedStatement ps = c.prepareStatement(NEWEST)) {
                ps.setArray(1, Jdbc.textArray(c, keys));
                ps.setInt(2, perPlayer);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        fixes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new HistoryFix(
                                rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), Jdbc.ms(rs.getTimestamp(2)),
                                rs.getString(6)));
                    }
                }
                return null;
            }
        });
        Map<String, LocationHistory> loaded = new HashMap<>();
        fixes.forEach((id, list) -> {
            loaded.put(id, new LocationHistory(id, list.toArray(HistoryFix[]::new)));
            written.merge(id, list.get(list.size() - 1).timestampMs(), Math::max);
        });
        return loaded;
    }

    /** Lazy: nothing is loaded at start. */
    @Override
    public Iterable<String> loadAllKeys() {
        return null;
    }
}
