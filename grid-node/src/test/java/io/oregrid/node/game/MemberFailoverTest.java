package io.oregrid.node.game;

import com.hazelcast.client.test.TestHazelcastFactory;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.PartitionService;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.cell.CellClaims;
import io.oregrid.grid.cell.ClaimState;
import io.oregrid.grid.cell.CoinClaim;
import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.motion.MotionResult;
import io.oregrid.grid.motion.PlayerMotion;
import io.oregrid.grid.player.PlayerState;
import io.oregrid.grid.support.Geo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static com.hazelcast.test.HazelcastTestSupport.generateKeyOwnedBy;
import static com.hazelcast.test.HazelcastTestSupport.waitAllForSafeState;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies that terminating the member that owns a player's and a cell's partitions in the middle of
 * a run loses and doubles nothing: every accepted fix is recorded, every credit is counted once, and
 * the cell's coins on the new owner are the ones the old owner held.
 */
class MemberFailoverTest {
    private final TestHazelcastFactory factory = new TestHazelcastFactory();
    private final GridFixtures fx = new GridFixtures(Map.of("COIN_DENSITY_PER_CELL", "30", "COIN_TTL_S", "86400"));

    @AfterEach
    void tearDown() {
        factory.shutdownAll();
    }

    @Test
    void ownerTerminatedMidRunLosesNothing() throws Exception {
        HazelcastInstance survivorA = fx.member(factory);
        HazelcastInstance survivorB = fx.member(factory);
        HazelcastInstance victim = fx.member(factory);
        assertClusterSizeEventually(3, survivorA);
        waitAllForSafeState(survivorA, survivorB, victim);

        String player = generateKeyOwnedBy(victim);
        double[] spot = cellOwnedBy(victim);
        String cell = Geo.cellToken(spot[0], spot[1], fx.rules.cellLevel());
        LocationService location = fx.location(survivorA);
        CoinService coins = fx.coins(survivorB);

        assertThat(location.update(player, player, fx.fixAt(spot[0], spot[1]), 0).toCompletableFuture().join().accepted()).isTrue();
        Coin[] before = fx.liveCoins(cell);
        assertThat(before).hasSize(30);

        CountDownLatch halfway = new CountDownLatch(1);
        CompletableFuture<long[]> run = CompletableFuture.supplyAsync(() -> {
            long accepted = 1;
            long credited = 0;
            for (int i = 0; i < before.length; i++) {
                if (i == before.length / 2) {
                    halfway.countDown();
                }
                Coin c = before[i];
                fx.now.addAndGet(20_000); // 30 coins in 10 min at walking-to-driving speed; every coin outlives the run
                MotionResult r = location.update(player, player, fx.fixAt(c.lat(), c.lng()), 0).toCompletableFuture().join();
                // a call cut by the termination is retried by Hazelcast on the new owner, which may
                // find the fix already applied and answer REPLAY: the client's 200 either way
                if (r.accepted()) {
                    accepted++;
                }
                CollectOutcome o = coins.collect(player, c.id(), "key-" + i, 1.0, 10, 0).toCompletableFuture().join();
                // CREDITED, or REPLAYED when the call was retried across the termination: one 200 each
                if (o.status() == CollectOutcome.Status.CREDITED || o.status() == CollectOutcome.Status.REPLAYED) {
                    credited += o.record().credited();
                }
                // a client retrying after a timeout: must replay, never credit again
                assertThat(coins.collect(player, c.id(), "key-" + i, 1.0, 10, 0).toCompletableFuture().join().status())
                        .isEqualTo(CollectOutcome.Status.REPLAYED);
            }
            return new long[]{accepted, credited};
        });
        while (!halfway.await(100, TimeUnit.MILLISECONDS)) {
            if (run.isDone()) {
                run.get(); // surfaces the run's failure
            }
        }
        victim.getLifecycleService().terminate();
        long[] totals = run.get(120, TimeUnit.SECONDS);
        assertClusterSizeEventually(2, survivorA);

        PlayerMotion motion = survivorA.<String, PlayerMotion>getMap(GridMaps.PLAYER_MOTION).get(player);
        assertThat(motion.acceptedFixes()).isEqualTo(totals[0]).isEqualTo(before.length + 1L);
        PlayerState state = survivorB.<String, PlayerState>getMap(GridMaps.PLAYERS).get(player);
        long faceValue = Arrays.stream(before).mapToLong(Coin::value).sum();
        assertThat(state.balance()).isEqualTo(totals[1]).isEqualTo(faceValue);
        assertThat(state.coinsCollected()).isEqualTo(before.length);

        assertTrueEventually(() -> {
            CellClaims after = survivorA.<String, CellClaims>getMap(GridMaps.COIN_CLAIMS).get(cell);
            for (Coin c : before) {
                CoinClaim claim = after.claimOf(c.id());
                assertThat(claim).as("claim of " + c.id() + " survived the owner's loss").isNotNull();
                assertThat(claim.playerId()).isEqualTo(player);
                assertThat(claim.credit()).isEqualTo(c.value());
                assertThat(claim.state()).isEqualTo(ClaimState.CREDITED);
            }
        });
    }

    /** Finds a point near the fixture's base whose game cell's partition {@code owner} owns. */
    private double[] cellOwnedBy(HazelcastInstance owner) {
        PartitionService partitions = owner.getPartitionService();
        for (int i = 0; i < 10_000; i++) {
            double lat = GridFixtures.LAT + (i % 100) * 0.003;
            double lng = GridFixtures.LNG + (i / 100) * 0.003;
            String token = Geo.cellToken(lat, lng, fx.rules.cellLevel());
            if (partitions.getPartition(token).getOwner().getUuid().equals(owner.getLocalEndpoint().getUuid())) {
                return new double[]{lat, lng};
            }
        }
        throw new IllegalStateException("no cell owned by the member");
    }
}
