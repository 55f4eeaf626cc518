package io.oregrid.store.motion;

import io.oregrid.grid.motion.Fix;
import io.oregrid.grid.motion.HistoryFix;
import io.oregrid.grid.motion.LocationHistory;
import io.oregrid.grid.motion.MovementReason;
import io.oregrid.grid.motion.PlayerMotion;
import io.oregrid.store.support.Migrations;
import io.oregrid.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies the batched motion and history stores against a real PostgreSQL: no stale overwrite, idempotent rows, partitions. */
class PlayerMotionMapStoreTest {
    private final TestDatabase db = new TestDatabase();
    private final PlayerMotionMapStore store = new PlayerMotionMapStore(db.migratedPool());

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void anOlderCopyNeverOverwritesTheNewerRow() {
        PlayerMotion m = PlayerMotion.initial("p1");
        PlayerMotion[] versions = new PlayerMotion[5];
        for (int i = 0; i < 5; i++) {
            m = m.accept(new Fix(-10.9 + i * 1e-4, -37.0, 8, 1_700_000_000_000L + i * 30_000, 1.5, null), "cell", 1.2, null);
            versions[i] = m;
        }
        m = m.refuse(new Fix(0, 0, 8, 1_700_000_200_000L, null, null), MovementReason.SPEED_EXCEEDED, 1_700_000_200_500L);
        store.store("p1", m);
        PlayerMotionMapStore otherMember = new PlayerMotionMapStore(db.migratedPool());
        for (int i = 4; i >= 0; i--) {
            otherMember.store("p1", versions[i]); // a retried queue replays older values after the newest
        }
        otherMember.storeAll(Map.of("p1", versions[2]));
        PlayerMotion loaded = store.load("p1");
        assertThat(loaded.acceptedFixes()).isEqualTo(5);
        assertThat(loaded.violations(MovementReason.SPEED_EXCEEDED)).isEqualTo(1);
        assertThat(loaded.lastFix()).isEqualTo(m.lastFix());
        assertThat(loaded.lastRefusedFix()).isEqualTo(m.lastRefusedFix());
        assertThat(loaded.reputation()).isEqualTo(m.reputation());
        assertThat(store.load("nobody")).isNull();
    }

    @Test
    void everyFixIsOneHistoryRowWhateverTheOrderAndRepeatsOfTheBatches() {
        LocationHistoryMapStore history = new LocationHistoryMapStore(db.migratedPool(), 3);
        LocationHistoryMapStore otherMember = new LocationHistoryMapStore(db.migratedPool(), 3);
        HistoryFix[] fixes = new HistoryFix[6];
        for (int i = 0; i < fixes.length; i++) {
            fixes[i] = new HistoryFix(-10.9 + i * 1e-4, -37.0, 8, 1_700_000_000_000L + i * 30_000, "cell");
        }
        history.store("p1", new LocationHistory("p1", Arrays.copyOf(fixes, 2)));
        otherMember.store("p1", new LocationHistory("p1", Arrays.copyOf(fixes, 4)));
        history.storeAll(Map.of("p1", new LocationHistory("p1", Arrays.copyOf(fixes, 6)),
                "p2", new LocationHistory("p2", Arrays.copyOf(fixes, 1))));
        otherMember.store("p1", new LocationHistory("p1", Arrays.copyOf(fixes, 3)));
        assertThat(db.queryLong("SELECT count(*) FROM location_history WHERE player_id = 'p1'")).isEqualTo(6);
        assertThat(db.queryLong("SELECT count(*) FROM location_history")).isEqualTo(7);
        LocationHistory loaded = new LocationHistoryMapStore(db.migratedPool(), 3).load("p1");
        assertThat(loaded.fixes()).containsExactly(fixes[3], fixes[4], fixes[5]);
    }

    @Test
    void historyIsPartitionedByMonthWithADefaultForOtherMonths() {
        Migrations.ensureHistoryPartitions(db.migratedPool(), YearMonth.of(2031, 1), 1);
        LocationHistoryMapStore history = new LocationHistoryMapStore(db.migratedPool(), 10);
        long feb2031 = java.time.Instant.parse("2031-02-03T04:05:06Z").toEpochMilli();
        history.store("p1", new LocationHistory("p1", new HistoryFix[]{new HistoryFix(1, 2, 8, feb2031, "c")}));
        history.store("p2", new LocationHistory("p2", new HistoryFix[]{new HistoryFix(1, 2, 8, 1_000, "c")}));
        assertThat(db.queryLong("SELECT count(*) FROM location_history_y2031m02")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM location_history_default")).isEqualTo(1);
    }
}
