package io.oregrid.store.player;

import io.oregrid.grid.player.CollectLedger;
import io.oregrid.grid.player.CollectRecord;
import io.oregrid.store.support.Jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The collections ledger in PostgreSQL, tables {@code coin_collections} and {@code players}
 * (ARCHITECTURE "Persistence"). Writing a {@link CollectRecord} inserts its row into
 * {@code coin_collections} and, only when that row is new, adds its credit to the player's balance
 * and one to {@code coins_collected} — in one transaction. The balance therefore only ever moves
 * together with a new, unique collection row: a repeated record (a retry, the sweep, a Hazelcast
 * re-run) inserts nothing and changes nothing, and {@code balance = sum(credited)} holds in the
 * database whatever order records arrive in. A row that the UNIQUE constraints refuse for another
 * claim fails with a {@link CollectionConflictException}; a database failure with a
 * {@link io.oregrid.store.support.StoreException}.
 */
public final class SqlCollectLedger implements CollectLedger {
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

    private final DataSource dataSource;

    /** @param dataSource the ledger's pool (a pool of its own, so that a stalled ledger starves no map load) */
    public SqlCollectLedger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void record(String playerId, CollectRecord record) {
        recordAll(Map.of(playerId, record));
    }

    /**
     * Writes one record per player in one transaction on one connection.
     *
     * @param byPlayer player id → the record to write
     * @throws CollectionConflictException when a record clashes with another claim's row (nothing written)
     */
    public void recordAll(Map<String, CollectRecord> byPlayer) {
        if (byPlayer.isEmpty()) {
            return;
        }
        Jdbc.withConnection(dataSource, "recording " + byPlayer.size() + " collection(s)", c -> {
            c.setAutoCommit(false);
            write(c, byPlayer);
            c.commit();
            return null;
        });
    }

    private static void write(Connection c, Map<String, CollectRecord> byPlayer) throws SQLException {
        Set<String> inserted = insertCollections(c, byPlayer);
        try (PreparedStatement add = c.prepareStatement(ADD_TO_PLAYER)) {
            for (Map.Entry<String, CollectRecord> e : byPlayer.entrySet()) {
                CollectRecord r = e.getValue();
                boolean credited = inserted.contains(r.coinId());
                if (!credited) {
                    checkSameClaim(c, e.getKey(), r);
                }
                add.setString(1, e.getKey());
                add.setLong(2, credited ? r.credited() : 0);
                add.setLong(3, credited ? 1 : 0);
                add.addBatch();
            }
            add.executeBatch();
        }
    }

    /** Inserts the records in one statement; @return the coin ids actually inserted (new rows) */
    private static Set<String> insertCollections(Connection c, Map<String, CollectRecord> byPlayer) throws SQLException {
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
        Set<String> inserted = new HashSet<>();
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
