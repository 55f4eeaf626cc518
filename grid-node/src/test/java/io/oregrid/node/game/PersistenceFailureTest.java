package io.oregrid.node.game;

import com.hazelcast.client.test.TestHazelcastFactory;
import com.hazelcast.core.HazelcastInstance;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.cell.CellClaims;
import io.oregrid.grid.cell.CoinClaim;
import io.oregrid.grid.cell.ClaimState;
import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.player.PlayerState;
import io.oregrid.grid.support.Geo;
import io.oregrid.node.persistence.Persistence;
import io.oregrid.store.support.StoreException;
import io.oregrid.store.testing.TcpProxy;
import io.oregrid.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;


import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static com.hazelcast.test.HazelcastTestSupport.generateKeyOwnedBy;
import static com.hazelcast.test.HazelcastTestSupport.waitAllForSafeState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Verifies against a real PostgreSQL behind a proxy that can go down: a credit PostgreSQL cannot
 * take fails (503 at the edge) and leaves no phantom anywhere — not on the primary and not after
 * the primary's member dies — the coin stays pending for that caller and key, location updates go
 * on and their history reaches the table after recovery, and the same members accept writes again
 * without a restart.
 */
class PersistenceFailureTest {
    private final TestDatabase db = new TestDatabase();
    private final TcpProxy proxy = new TcpProxy(TestDatabase.hostPort());
    private final TestHazelcastFactory factory = new TestHazelcastFactory();
    private final GridFixtures fx = new GridFixtures(db.nodeSettings(proxy.hostPort(),
            "DB_TIMEOUT_MS", "500", "HISTORY_FLUSH_INTERVAL_S", "1", "COIN_DENSITY_PER_CELL", "10", "COIN_TTL_S", "86400"));

    @AfterEach
    void tearDown() {
        factory.shutdownAll();
        proxy.close();
        db.close();
    }

    @Test
    void refusedCreditLeavesNoPhantomStaysPendingAndCompletesOnRetry() {
        HazelcastInstance owner = fx.member(factory);
        HazelcastInstance other = fx.member(factory);
        assertClusterSizeEventually(2, owner);
        waitAllForSafeState(owner, other);
        String player = generateKeyOwnedBy(owner);
        CoinService coins = fx.coins(other);
        LocationService location = fx.location(other);

        Coin[] spawned = fx.standAt(other, player, GridFixtures.LAT, GridFixtures.LNG);
        fx.now.addAndGet(60_000);
        location.update(player, player, fx.fixAt(spawned[0].lat(), spawned[0].lng()), 0).toCompletableFuture().join();
        assertThat(coins.collect(player, spawned[0].id(), "k0", 1.0, 1e6, 0).toCompletableFuture().join().status()).isEqualTo(CollectOutcome.Status.CREDITED);
        fx.standAt(other, "rival", spawned[1].lat(), spawned[1].lng());
        assertThat(coins.collect("rival", spawned[2].id(), "r0", 1.0, 1e6, 0).toCompletableFuture().join().status())
                .as("the rival's state is loaded before the outage").isEqualTo(CollectOutcome.Status.CREDITED);

        proxy.down();
        fx.now.addAndGet(60_000);
        long duringOutage = fx.now.get();
        assertThat(location.update(player, player, fx.fixAt(spawned[1].lat(), spawned[1].lng()), 0).toCompletableFuture().join().accepted())
                .as("location updates go on while PostgreSQL is down").isTrue();
        assertThatThrownBy(() -> coins.collect(player, spawned[1].id(), "k1", 1.0, 1e6, 0).toCompletableFuture().join())
                .satisfies(e -> assertThat(StoreException.isCauseOf(e)).as("a store failure: %s", e).isTrue());
        assertThat(coins.inventory(player).balance()).as("loaded state still reads").isEqualTo(spawned[0].value());
        String cell = Geo.cellToken(spawned[1].lat(), spawned[1].lng(), fx.rules.cellLevel());
        CoinClaim pending = other.<String, CellClaims>getMap(GridMaps.COIN_CLAIMS).get(cell).claimOf(spawned[1].id());
        assertThat(pending.state()).isEqualTo(ClaimState.PENDING);
        assertThat(pending.key()).isEqualTo("k1");
        assertThat(coins.collect("rival", spawned[1].id(), "r1", 1.0, 1e6, 0).toCompletableFuture().join().status())
                .isEqualTo(CollectOutcome.Status.ALREADY_COLLECTED);
        assertThat(db.queryLong("SELECT count(*) FROM location_history WHERE recorded_at = to_timestamp("
                + duringOutage / 1000.0 + ")")).as("the fix of the outage waits in the batch").isZero();

        owner.getLifecycleService().terminate(); // Hazelcast would promote a backup that ran the refused credit
        assertClusterSizeEventually(1, other);
        assertThat(Persistence.of(other).orElseThrow().databaseUp()).isFalse();
        proxy.up();
        assertTrueEventually(() -> assertThat(Persistence.of(other).orElseThrow().databaseUp()).isTrue());

        assertThat(other.<String, PlayerState>getMap(GridMaps.PLAYERS).get(player).balance())
                .as("no phantom credit after the owner died").isEqualTo(spawned[0].value());
        CollectOutcome retry = coins.collect(player, spawned[1].id(), "k1", 1.0, 1e6, 0).toCompletableFuture().join();
        assertThat(retry.status()).isEqualTo(CollectOutcome.Status.CREDITED);
        assertThat(retry.record().balanceAfter()).isEqualTo(spawned[0].value() + spawned[1].value());
        assertThat(db.queryLong("SELECT count(*) FROM coin_collections")).isEqualTo(3);
        assertThat(db.queryLong("SELECT balance FROM players WHERE player_id = '" + player + "'"))
                .isEqualTo(spawned[0].value() + spawned[1].value());
        assertTrueEventually(() -> assertThat(db.queryLong(
                "SELECT count(*) FROM location_history WHERE player_id = '" + player + "'"))
                .as("every accepted fix, the one sent during the outage included").isEqualTo(3));
    }
}
