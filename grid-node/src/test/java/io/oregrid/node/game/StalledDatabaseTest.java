package io.oregrid.node.game;

import com.hazelcast.client.test.TestHazelcastFactory;
import com.hazelcast.core.HazelcastInstance;
import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.motion.MotionResult;
import io.oregrid.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A collect's database round trip must not hold a partition thread (issue #11 item 7): with
 * PostgreSQL stalled under a table lock, collects wait in the collections ledger while location
 * updates of new players (each a load from PostgreSQL) on every partition go on; released, the
 * collects complete, credited once. Checked by weakening on purpose: with {@code CreditCoinProcessor}
 * not offloaded, the stalled credits hold the partition threads and the walkers' updates time out
 * (seen 2026-12-04);
 * with the earlier write-through store (Hazelcast's map-store offload,
 * one shared pool) the stalled stores took every connection and the walkers' loads failed.
 */
class StalledDatabaseTest {
    private static final int COLLECTORS = 12;
    private static final int WALKERS = 300;

    private final TestDatabase db = new TestDatabase();
    private final TestHazelcastFactory factory = new TestHazelcastFactory();
    private final GridFixtures fx = new GridFixtures(db.nodeSettings(TestDatabase.hostPort(),
            "DB_POOL_SIZE", "10", "COIN_DENSITY_PER_CELL", "10", "COIN_TTL_S", "86400"));

    @AfterEach
    void tearDown() {
        factory.shutdownAll();
        db.close();
    }

    @Test
    void locationUpdatesGoOnWhileCollectsWaitForALockedTable() throws Exception {
        HazelcastInstance member = fx.member(factory);
        CoinService coins = fx.coins(member);
        List<String> collectors = new ArrayList<>();
        List<Coin> targets = new ArrayList<>();
        List<Long> warmed = new ArrayList<>();
        for (int i = 0; i < COLLECTORS; i++) {
            String player = "collector-" + i;
            Coin[] spawned = fx.standAt(member, player, GridFixtures.LAT + i * 0.01, GridFixtures.LNG);
            assertThat(coins.collect(player, spawned[0].id(), "warm", 1.0, 1e6, 0).toCompletableFuture().join().status())
                    .as("the player's state is loaded before the stall").isEqualTo(CollectOutcome.Status.CREDITED);
            collectors.add(player);
            targets.add(spawned[1]);
            warmed.add((long) spawned[0].value());
        }

        List<CompletableFuture<CollectOutcome>> stalled = new ArrayList<>();
        try (Connection lock = DriverManager.getConnection(db.url(), TestDatabase.USER, TestDatabase.PASSWORD)) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("LOCK TABLE coin_collections IN EXCLUSIVE MODE");
            }
            for (int i = 0; i < COLLECTORS; i++) {
                stalled.add(coins.collect(collectors.get(i), targets.get(i).id(), "k", 1.0, 1e6, 0).toCompletableFuture());
            }
            assertTrueEventually(() -> assertThat(waitingOnLocks()).as("the ledger's writes wait for the lock").isPositive());

            LocationService location = fx.location(member);
            List<CompletableFuture<MotionResult>> walks = new ArrayList<>();
            for (int i = 0; i < WALKERS; i++) {
                walks.add(location.update("walker-" + i, "walker-" + i,
                        fx.fixAt(GridFixtures.LAT - i * 1e-4, GridFixtures.LNG), 0).toCompletableFuture());
            }
            for (CompletableFuture<MotionResult> walk : walks) {
                assertThat(walk.get(5, TimeUnit.SECONDS).accepted()).isTrue();
            }
            assertThat(stalled).as("no collect could finish while the table was locked").noneMatch(CompletableFuture::isDone);
            lock.rollback();
        }

        for (int i = 0; i < COLLECTORS; i++) {
            CollectOutcome done = stalled.get(i).get(30, TimeUnit.SECONDS);
            assertThat(done.status()).isEqualTo(CollectOutcome.Status.CREDITED);
            long balance = warmed.get(i) + targets.get(i).value();
            assertThat(done.record().balanceAfter()).isEqualTo(balance);
            assertThat(db.queryLong("SELECT balance FROM players WHERE player_id = '" + collectors.get(i) + "'"))
                    .isEqualTo(balance);
        }
        assertThat(db.queryLong("SELECT count(*) FROM coin_collections")).isEqualTo(2L * COLLECTORS);
    }

    /** @return backends of this database waiting for a lock (asked on a fresh connection: the view is snapshotted per transaction) */
    private long waitingOnLocks() {
        return db.queryLong("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock'");
    }
}
