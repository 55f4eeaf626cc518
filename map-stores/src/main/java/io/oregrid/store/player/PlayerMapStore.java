package io.oregrid.store.player;

import io.oregrid.grid.player.CollectRecord;
import io.oregrid.grid.player.PlayerState;
import io.oregrid.store.support.Jdbc;
import io.oregrid.store.support.SqlMapStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Write-through store of the {@code players} map: tables {@code players} and
 * {@code coin_collections}. Loaded lazily, one player when first asked for.
 *
 * <p>Storing a {@link PlayerState} inserts its newest {@link CollectRecord} (the credit that changed
 * it) into {@code coin_collections} and, only when that row is new, adds its credit to the player's
 * balance and one to {@code coins_collected} — in one transaction. The balance therefore only ever
 * moves together with a new, unique collection row: a stale or repeated copy of a player (a retry, a
 * second member holding an old value) inserts nothing and changes nothing, and
 * {@code balance = sum(credited)} holds in the database whatever order copies arrive in. A row that
 * the UNIQUE constraints refuse for another claim fails the store with a
 * {@link CollectionConflictException}.
 *
 * <p>Loading rebuilds the state: balance and count from {@code players}, and as the credited
 * Idempotency-Keys the collections made within {@code keepMs} of the player's newest one (the grid
 * forgets older keys itself, by the node clock, on the next credit).
 */
public final class PlayerMapStore extends SqlMapStore<PlayerState> {
    private static final String INSERT_COLLECTIONS = """
            INSERT INTO coin_collections (coin_id, player_id, idempotency_key, credited, balance_after, collected_at)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::timestamptz[])
            ON CONFLICT DO NOTHING
            RETURNING coin_id""";
    private static final String FIND_CLASH = """
            SELECT coin_id, player_id, idempotency_key FROM coin_collections
            WHERE coin_id = ? OR (player_id = ? AND idempotency_key = ?)""";
    private static final String ADD_TO_PLAYER = """
            INSERT INTO players (player_id, balance, coins_collected) VALUES (?, ?, ?)
            ON CONFLICT (player_id) DO UPDATE SET balance = players.balance + EXCLUDED.balance,
                coins_collected = players.coins_collected + EXCLUDED.coins_collected, updated_at = now()""";
    private static final String RECENT = """
            SELECT c.player_id, c.idempotency_key, c.coin_id, c.credited, c.balance_after, c.collected_at
            FROM coin_collections c
            JOIN (SELECT player_id, max(collected_at) AS newest FROM coin_collections
                  WHERE player_id = ANY(?) GROUP BY player_id) n
              ON n.player_id = c.player_id AND c.collected_at >= n.newest - ? * interval '1 millisecond'
            ORDER BY c.player_id, c.collected_at, c.coin_id""";

    private final long keepMs;

    /**
     * @param dataSource the member's pool
     * @param keepMs     how long credited Idempotency-Keys are kept, ms ({@code ORE_IDEMPOTENCY_TTL_S})
     */
    public PlayerMapStore(DataSource dataSource, long keepMs) {
        super(dataSource, "players", "player_id", null);
        this.keepMs = keepMs;
    }

    @Override
    protected String selectSql() {
        return "SELECT player_id, balance, coins_collected FROM players";
    }

    @Override
    protected PlayerState read(ResultSet rs) throws SQLException {
        return new PlayerState(rs.getString("player_id"), rs.getLong("balance"), rs.getLong("coins_collected"),
                new CollectRecord[0]);
    }

    @Override
    public Map<String, PlayerState> loadAll(Collection<String> keys) {
        Map<String, PlayerState> players = super.loadAll(keys);
        if (players.isEmpty()) {
            return players;
        }
        Map<String, List<CollectRecord>> recent = new HashMap<>();
        Jdbc.withConnection(dataSource, "loading the recent collections of " + players.size() + " players", c -> {
            try (PreparedStatement ps = c.prepareStatement(RECENT)) {
                ps.setArray(1, Jdbc.textArray(c, players.keySet()));
                ps.setLong(2, keepMs);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        recent.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new CollectRecord(
                                rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                                Jdbc.ms(rs.getTimestamp(6))));
                    }
                }
                return null;
            }
        });
        Map<String, PlayerState> loaded = new HashMap<>();
        players.forEach((id, p) -> loaded.put(id, new PlayerState(id, p.balance(), p.coinsCollected(),
                recent.getOrDefault(id, List.of()).toArray(CollectRecord[]::new))));
        return loaded;
    }

    @Override
    protected void write(Connection c, Map<String, PlayerState> entries) throws SQLException {
        Map<String, CollectRecord> newest = new HashMap<>();
        entries.forEach((id, state) -> {
            CollectRecord[] recent = state.recentCollects();
            if (recent.length > 0) {
                newest.put(id, recent[recent.length - 1]);
            }
        });
        Set<String> inserted = insertCollections(c, newest);
        try (PreparedStatement add = c.prepareStatement(ADD_TO_PLAYER)) {
            for (String id : entries.keySet()) {
                CollectRecord r = newest.get(id);
                boolean credited = r != null && inserted.contains(r.coinId());
                if (r != null && !credited) {
                    checkSameClaim(c, id, r);
                }
                add.setString(1, id);
                add.setLong(2, credited ? r.credited() : 0);
                add.setLong(3, credited ? 1 : 0);
                add.addBatch();
            }
            add.executeBatch();
        }
    }

    /** Inserts the records in one statement; @return the coin ids actually inserted (new rows) */
    private static Set<String> insertCollections(Connection c, Map<String, CollectRecord> byPlayer) throws SQLException {
        Set<String> inserted = new HashSet<>();
        if (byPlayer.isEmpty()) {
            return inserted;
        }
        int n = byPlayer.size();
        String[] coins = new String[n];
        String[] players = new String[n];
        String[] keys = new String[n];
        Long[] credits = new Long[n];
        Long[] balances = new Long[n];
        Timestamp[] times = new Timestamp[n];
        int i = 0;
        for (Map.Entry<String, CollectRecord> e : byPlayer.entrySet()) {
            CollectRecord r = e.getValue();
            coins[i] = r.coinId();
            players[i] = e.getKey();
            keys[i] = r.key();
            credits[i] = r.credited();
            balances[i] = r.balanceAfter();
            times[i] = Jdbc.ts(r.creditedAtMs());
            i++;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_COLLECTIONS)) {
            ps.setArray(1, c.createArrayOf("text", coins));
            ps.setArray(2, c.createArrayOf("text", players));
            ps.setArray(3, c.createArrayOf("text", keys));
            ps.setArray(4, c.createArrayOf("bigint", credits));
            ps.setArray(5, c.createArrayOf("bigint", balances));
            ps.setArray(6, c.createArrayOf("timestamptz", times));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getString(1));
                }
            }
        }
        return inserted;
    }

    /** A record that was not inserted must already be there as this very claim; anything else is a double credit. */
    private static void checkSameClaim(Connection c, String playerId, CollectRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FIND_CLASH)) {
            ps.setString(1, r.coinId());
            ps.setString(2, playerId);
            ps.setString(3, r.key());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean sameCoin = r.coinId().equals(rs.getString(1));
                    if (!sameCoin || !playerId.equals(rs.getString(2)) || !r.key().equals(rs.getString(3))) {
                        throw new CollectionConflictException(sameCoin ? CollectionConflictException.Kind.COIN
                                : CollectionConflictException.Kind.KEY, r.coinId());
                    }
                }
            }
        }
    }
}
