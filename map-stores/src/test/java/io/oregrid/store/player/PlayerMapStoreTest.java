package io.oregrid.store.player;

import io.oregrid.grid.player.CollectRecord;
import io.oregrid.grid.player.PlayerState;
import io.oregrid.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Verifies the players store against a real PostgreSQL: the collections ledger, stale copies, the UNIQUE guards. */
class PlayerMapStoreTest {
    private static final long DAY = 86_400_000L;
    private final TestDatabase db = new TestDatabase();
    private final PlayerMapStore store = new PlayerMapStore(db.migratedPool(), DAY);

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static PlayerState credited(String player, CollectRecord... records) {
        PlayerState s = PlayerState.initial(player);
        for (CollectRecord r : records) {
            s = s.credit(r, 0);
        }
        return s;
    }

    @Test
    void storedPlayerLoadsBackWithBalanceAndKeys() {
        CollectRecord a = new CollectRecord("k1", "coin-a", 10, 10, 1_000);
        CollectRecord b = new CollectRecord("k2", "coin-b", 50, 60, 2_000);
        store.store("p1", credited("p1", a));
        store.store("p1", credited("p1", a, b));
        PlayerState loaded = store.load("p1");
        assertThat(loaded.balance()).isEqualTo(60);
        assertThat(loaded.coinsCollected()).isEqualTo(2);
        assertThat(loaded.recentCollects()).containsExactly(a, b);
        assertThat(store.load("nobody")).isNull();
        assertThat(db.queryLong("SELECT count(*) FROM coin_collections")).isEqualTo(2);
    }

    @Test
    void aStaleCopyFromAnotherMemberCannotOverwriteTheNewerRow() {
        PlayerMapStore otherMember = new PlayerMapStore(db.migratedPool(), DAY);
        CollectRecord a = new CollectRecord("k1", "coin-a", 10, 10, 1_000);
        CollectRecord b = new CollectRecord("k2", "coin-b", 50, 60, 2_000);
        PlayerState stale = credited("p1", a);
        store.store("p1", stale);
        store.store("p1", credited("p1", a, b));
        otherMember.store("p1", stale);
        otherMember.storeAll(Map.of("p1", stale));
        assertThat(store.load("p1").balance()).isEqualTo(60);
        assertThat(db.queryLong("SELECT balance FROM players WHERE player_id = 'p1'"))
                .isEqualTo(db.queryLong("SELECT sum(credited) FROM coin_collections WHERE player_id = 'p1'"));
    }

    @Test
    void theDatabaseRefusesASecondCreditOfACoinOrAKey() {
        store.store("p1", credited("p1", new CollectRecord("k1", "coin-a", 10, 10, 1_000)));
        assertThatThrownBy(() -> store.store("p2", credited("p2", new CollectRecord("k9", "coin-a", 10, 10, 2_000))))
                .isInstanceOfSatisfying(CollectionConflictException.class,
                        e -> assertThat(e.kind()).isEqualTo(CollectionConflictException.Kind.COIN));
        assertThatThrownBy(() -> store.store("p1", credited("p1", new CollectRecord("k1", "coin-b", 10, 20, 2_000))))
                .isInstanceOfSatisfying(CollectionConflictException.class,
                        e -> assertThat(e.kind()).isEqualTo(CollectionConflictException.Kind.KEY));
        assertThat(db.queryLong("SELECT count(*) FROM coin_collections")).isEqualTo(1);
        assertThat(store.loadAll(List.of("p1", "p2"))).containsOnlyKeys("p1");
        assertThat(store.load("p1").balance()).isEqualTo(10);
    }

    @Test
    void storeAllWritesManyPlayersInOneTransaction() {
        Map<String, PlayerState> batch = new java.util.HashMap<>();
        for (int i = 0; i < 200; i++) {
            batch.put("p" + i, credited("p" + i, new CollectRecord("k", "coin-" + i, i, i, 1_000 + i)));
        }
        store.storeAll(batch);
        assertThat(db.queryLong("SELECT count(*) FROM players")).isEqualTo(200);
        assertThat(db.queryLong("SELECT sum(balance) FROM players")).isEqualTo(199 * 200 / 2);
        assertThat(store.loadAll(batch.keySet())).hasSize(200);
    }
}
