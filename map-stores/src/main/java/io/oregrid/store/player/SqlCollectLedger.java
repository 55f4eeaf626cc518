package io.oregrid.store.player;

import io.oregrid.grid.player.CollectLedger;
import io.oregrid.grid.player.CollectRecord;
import io.oregrid.store.support.Causes;
import io.oregrid.store.support.Jdbc;
import io.oregrid.store.support.StoreException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

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
 *
 * <p>Group commit: {@link #record} hands its record to one of {@code writers} writer threads (one
 * connection each) and waits; a writer takes every record waiting, up to {@link #MAX_BATCH}, and
 * writes them in one transaction — one multi-row insert, one batch of balance upserts, one commit —
 * so that under load PostgreSQL does one commit per batch, not per collect. When a batch fails on a
 * conflict, its records are written again one per transaction, so that the conflict fails only the
 * record that clashes; any other failure (the database down) fails the whole batch.
 */
public final class SqlCollectLedger implements CollectLedger, AutoCloseable {
    /** Most records in one transaction. */
    static final int MAX_BATCH = 256;
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
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final ExecutorService writers;

    /** One record waiting for its transaction. */
    private record Pending(String playerId, CollectRecord record, CompletableFuture<Void> written) {
    }

    /**
     * @param dataSource the ledger's pool (a pool of its own, so that a stalled ledger starves no map load)
     * @param writers    writer threads, at most the pool's size (each holds one connection while it writes)
     */
    public SqlCollectLedger(DataSource dataSource, int writers) {
        this.dataSource = dataSource;
        this.writers = Executors.newFixedThreadPool(writers, r -> {
            Thread t = new Thread(r, "ore-ledger-writer");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < writers; i++) {
            this.writers.execute(this::writeWhileOpen);
        }
    }

    /** Waits until {@code record} is written (committed with the batch it joined). */
    @Override
    public void record(String playerId, CollectRecord record) {
        Pending p = new Pending(playerId, record, new CompletableFuture<>());
        waiting.add(p);
        try {
            p.written().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void writeWhileOpen() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        try {
            while (true) {
                batch.add(waiting.take());
                waiting.drainTo(batch, MAX_BATCH - 1);
                write(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes {@code batch} in one transaction; on failure each record alone, so each gets its own outcome. */
    private void write(List<Pending> batch) {
        try {
            transaction(batch);
            batch.forEach(p -> p.written().complete(null));
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1 || CollectionConflictException.in(batchFailed) == null) {
                batch.forEach(p -> p.written().completeExceptionally(batchFailed)); // the database's failure: all alike
                return;
            }
            for (Pending p : batch) {
                try {
                    transaction(List.of(p));
                    p.written().complete(null);
                } catch (RuntimeException e) {
                    p.written().completeExceptionally(e);
                }
            }
        }
    }

    /**
     * One transaction of {@code records}, tried a second time when the first connection turned out
     * broken (SQLSTATE class 08: a connection cut during an outage that the pool still held). Safe
     * even when the lost answer was a commit's: writing the same records again changes nothing.
     */
    private void transaction(List<Pending> records) {
        try {
            once(records);
        } catch (StoreException e) {
            if (!brokenConnection(e)) {
                throw e;
            }
            once(records);
        }
    }

    private void once(List<Pending> records) {
        Jdbc.withConnection(dataSource, "recording " + records.size() + " collection(s)", c -> {
            c.setAutoCommit(false);
            write(c, records);
            c.commit();
            return null;
        });
    }

    private static boolean brokenConnection(Throwable t) {
        return Causes.any(t, c -> c instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith("08"));
    }

    /** Stops the writers; records still waiting fail. */
    @Override
    public void close() {
        writers.shutdownNow();
        for (Pending p; (p = waiting.poll()) != null; ) {
            p.written().completeExceptionally(new StoreException("the collections ledger is closed", null));
        }
    }

    /**
     * Writes one record per player in one transaction on one connection, on the caller's thread
     * (the writers' transaction without the queue; for tests).
     *
     * @param byPlayer player id → the record to write
     * @throws CollectionConflictException when a record clashes with another claim's row (nothing written)
     */
    void recordAll(Map<String, CollectRecord> byPlayer) {
        if (byPlayer.isEmpty()) {
            return;
        }
        List<Pending> records = new ArrayList<>();
        byPlayer.forEach((player, r) -> records.add(new Pending(player, r, null)));
        transaction(records);
    }

    /**
     * The batch's statements. Rows are taken in key order (coins by id, players by id), so that two
     * writers whose batches overlap (a re-run) wait for each other instead of deadlocking; a player's
     * additions are summed first (one upsert may not touch a row twice).
     */
    private static void write(Connection c, List<Pending> records) throws SQLException {
        List<Pending> byCoin = new ArrayList<>(records);
        byCoin.sort(Comparator.comparing((Pending p) -> p.record().coinId()));
        Set<String> inserted = insertCollections(c, byCoin);
        Map<String, long[]> additions = new TreeMap<>();
        for (Pending p : byCoin) {
            CollectRecord r = p.record();
            // a coin twice in one batch (a re-run) is credited by its first record only
            boolean credited = inserted.remove(r.coinId());
            if (!credited) {
                checkSameClaim(c, p.playerId(), r);
            }
            long[] add = additions.computeIfAbsent(p.playerId(), k -> new long[2]);
            add[0] += credited ? r.credited() : 0;
            add[1] += credited ? 1 : 0;
        }
        try (PreparedStatement add = c.prepareStatement(ADD_TO_PLAYER)) {
            for (Map.Entry<String, long[]> e : additions.entrySet()) {
                add.setString(1, e.getKey());
                add.setLong(2, e.getValue()[0]);
                add.setLong(3, e.getValue()[1]);
                add.addBatch();
            }
            add.executeBatch();
        }
    }

    /** Inserts the records in one statement; @return the coin ids actually inserted (new rows) */
    private static Set<String> insertCollections(Connection c, List<Pending> records) throws SQLException {
        int n = records.size();
        String[] coins = new String[n];
        String[] players = new String[n];
        String[] keys = new String[n];
        Long[] credits = new Long[n];
        Long[] balances = new Long[n];
        Timestamp[] times = new Timestamp[n];
        int i = 0;
        for (Pending p : records) {
            CollectRecord r = p.record();
            coins[i] = r.coinId();
            players[i] = p.playerId();
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
