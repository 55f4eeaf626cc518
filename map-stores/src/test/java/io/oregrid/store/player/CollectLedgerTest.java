package io.oregrid.store.player;

import io.oregrid.grid.player.CollectRecord;
import io.oregrid.grid.player.PlayerState;
import io.oregrid.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Verifies the collections ledger and the players loader against a real PostgreSQL: records load
 * back as balance and keys, a repeated record changes nothing (from one caller or many at once),
 * the UNIQUE guards refuse a second credit of a coin or a key.
 */
class CollectLedgerTest {
    private static final long DAY = 86_400_000L;
    private final TestDatabase db = new TestDatabase();
    private final SqlCollectLedger ledger = new SqlCollectLedger(db.migratedPool(), 2);
    private final PlayerMapLoader loader = new PlayerMapLoader(db.migratedPool(), DAY);

    private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(64);

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        ledger.close();
        db.close();
    }

    @Test
    void recordedCreditsLoadBackWithBalanceAndKeys() {
        CollectRecord a = new CollectRecord("k1", "coin-a", 10, 10, 1_000);
        CollectRecord b = new CollectRecord("k2", "coin-b", 50, 60, 2_000);
        ledger.record("p1", a);
        ledger.record("p1", b);
        PlayerState loaded = loader.load("p1");
        assertThat(loaded.balance()).isEqualTo(60);
        assertThat(loaded.coinsCollected()).isEqualTo(2);
        assertThat(loaded.recentCollects()).containsExactly(a, b);
        assertThat(loader.load("nobody")).isNull();
        assertThat(db.queryLong("SELECT count(*) FROM coin_collections")).isEqualTo(2);
    }

    @Test
    void aRepeatedRecordFromManyCallersAtOnceMovesTheBalanceOnce() {
        CollectRecord a = new CollectRecord("k1", "coin-a", 10, 10, 1_000);
        CollectRecord b = new CollectRecord("k2", "coin-b", 50, 60, 2_000);
        ledger.record("p1", a);
        List<CompletableFuture<Void>> racers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            racers.add(CompletableFuture.runAsync(() -> ledger.record("p1", b)));
        }
        racers.forEach(CompletableFuture::join);
        ledger.record("p1", a);
        ledger.recordAll(Map.of("p1", a));
        assertThat(loader.load("p1").balance()).isEqualTo(60);
        assertThat(db.queryLong("SELECT balance FROM players WHERE player_id = 'p1'"))
                .isEqualTo(db.queryLong("SELECT sum(credited) FROM coin_collections WHERE player_id = 'p1'"));
        assertThat(db.queryLong("SELECT coins_collected FROM players WHERE player_id = 'p1'")).isEqualTo(2);
    }

    @Test
    void theDatabaseRefusesASecondCreditOfACoinOrAKey() {
        ledger.record("p1", new CollectRecord("k1", "coin-a", 10, 10, 1_000));
        assertThatThrownBy(() -> ledger.record("p2", new CollectRecord("k9", "coin-a", 10, 10, 2_000)))
                .isInstanceOfSatisfying(CollectionConflictException.class,
                        e -> assertThat(e.kind()).isEqualTo(CollectionConflictException.Kind.COIN));
        assertThatThrownBy(() -> ledger.record("p1", new CollectRecord("k1", "coin-b", 10, 20, 2_000)))
                .isInstanceOfSatisfying(CollectionConflictException.class,
                        e -> assertThat(e.kind()).isEqualTo(CollectionConflictException.Kind.KEY));
        assertThat(db.queryLong("SELECT count(*) FROM coin_collections")).isEqualTo(1);
        assertThat(loader.loadAll(List.of("p1", "p2"))).containsOnlyKeys("p1");
        assertThat(loader.load("p1").balance()).isEqualTo(10);
    }

    @Test
    void concurrentRecordsShareTransactionsAndAConflictFailsOnlyItsOwnCaller() {
        ledger.record("owner", new CollectRecord("k", "taken", 7, 7, 1_000));
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            calls.add(CompletableFuture.runAsync(() -> ledger.record("p" + n,
                    new CollectRecord("k", n == 100 ? "taken" : "coin-" + n, 1, 1, 2_000 + n)), pool));
        }
        int failed = 0;
        for (int i = 0; i < calls.size(); i++) {
            try {
                calls.get(i).join();
            } catch (java.util.concurrent.CompletionException e) {
                assertThat(i).as("only the clashing record fails").isEqualTo(100);
                assertThat(e.getCause()).isInstanceOf(CollectionConflictException.class);
                failed++;
            }
        }
        assertThat(failed).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM coin_collections")).isEqualTo(200);
        assertThat(db.queryLong("SELECT sum(balance) FROM players")).isEqualTo(7 + 199);
        assertThat(db.queryLong("SELECT balance FROM players WHERE player_id = 'owner'")).isEqualTo(7);
    }

    @Test
    void recordAllWritesManyPlayersInOneTransaction() {
        Map<String, CollectRecord> batch = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            batch.put("p" + i, new CollectRecord("k", "coin-" + i, i, i, 1_000 + i));
        }
        ledger.recordAll(batch);
        assertThat(db.queryLong("SELECT count(*) FROM players")).isEqualTo(200);
        assertThat(db.queryLong("SELECT sum(balance) FROM players")).isEqualTo(199 * 200 / 2);
        assertThat(loader.loadAll(batch.keySet())).hasSize(200);
    }
}
