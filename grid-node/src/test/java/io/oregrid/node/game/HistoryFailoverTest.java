package io.oregrid.node.game;

import com.hazelcast.client.test.TestHazelcastFactory;
import com.hazelcast.core.HazelcastInstance;
import io.oregrid.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;


import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static com.hazelcast.test.HazelcastTestSupport.generateKeyOwnedBy;
import static com.hazelcast.test.HazelcastTestSupport.waitAllForSafeState;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies against a real PostgreSQL that killing the member whose write-behind batch holds a
 * player's unflushed history loses no accepted fix: the backup's copy of the queue is flushed by
 * the member that takes over.
 */
class HistoryFailoverTest {
    private static final int FIXES = 6;
    private final TestDatabase db = new TestDatabase();
    private final TestHazelcastFactory factory = new TestHazelcastFactory();
    private final GridFixtures fx = new GridFixtures(db.nodeSettings(null, "HISTORY_FLUSH_INTERVAL_S", "5"));

    @AfterEach
    void tearDown() {
        factory.shutdownAll();
        db.close();
    }

    @Test
    void memberKilledWithAnUnflushedBatchLosesNoAcceptedFix() {
        HazelcastInstance victim = fx.member(factory);
        HazelcastInstance survivor = fx.member(factory);
        HazelcastInstance third = fx.member(factory);
        assertClusterSizeEventually(3, victim);
        waitAllForSafeState(victim, survivor, third);
        String player = generateKeyOwnedBy(victim);
        LocationService location = fx.location(survivor);
        for (int i = 0; i < FIXES; i++) {
            fx.now.addAndGet(60_000);
            assertThat(location.update(player, player, fx.fixAt(GridFixtures.LAT + i * 1e-4, GridFixtures.LNG), 0).toCompletableFuture().join().accepted())
                    .isTrue();
        }
        assertThat(db.queryLong("SELECT count(*) FROM location_history")).as("still in the batch").isZero();
        victim.getLifecycleService().terminate();
        assertClusterSizeEventually(2, survivor);
        assertTrueEventually(() -> assertThat(db.queryLong(
                "SELECT count(*) FROM location_history WHERE player_id = '" + player + "'")).isEqualTo(FIXES));
        assertTrueEventually(() -> assertThat(db.queryLong(
                "SELECT accepted_fixes FROM player_motion WHERE player_id = '" + player + "'")).isEqualTo(FIXES));
    }
}
