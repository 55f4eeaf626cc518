package io.oregrid.node.game;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.client.test.TestHazelcastFactory;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.cell.CellClaims;
import io.oregrid.grid.cell.ClaimCoinProcessor;
import io.oregrid.grid.cell.ClaimState;
import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.player.PlayerState;
import io.oregrid.grid.support.Geo;
import io.oregrid.store.testing.Race;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;

/** Verifies "never twice, never lost" for collects racing on a two-member cluster. */
class CollectConcurrencyTest {
    private final TestHazelcastFactory factory = new TestHazelcastFactory();
    private final GridFixtures fx = new GridFixtures(Map.of("COIN_DENSITY_PER_CELL", "5", "SWEEP_GRACE_S", "10",
            "COIN_TTL_S", "86400"));

    @AfterEach
    void tearDown() {
        factory.shutdownAll();
    }


    @Test
    void sixtyFourPlayersRacingForOneCoinCreditExactlyOne() throws Exception {
        HazelcastInstance a = fx.member(factory);
        HazelcastInstance b = fx.member(factory);
        Coin target = fx.standAt(a, "seed", GridFixtures.LAT, GridFixtures.LNG)[0];
        List<String> players = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String p = "player-" + i;
            players.add(p);
            fx.location(i % 2 == 0 ? a : b).update(p, p, fx.fixAt(target.lat(), target.lng()), 0).toCompletableFuture().join();
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<CollectOutcome> outcomes = Race.run(64, () -> {
            int i = next.getAndIncrement();
            return fx.coins(i % 2 == 0 ? a : b).collect(players.get(i), target.id(), "key-" + i, 1.0, 10, 0).toCompletableFuture().join();
        });
        assertThat(outcomes.stream().filter(o -> o.status() == CollectOutcome.Status.CREDITED)).hasSize(1);
        assertThat(outcomes.stream().filter(o -> o.status() == CollectOutcome.Status.ALREADY_COLLECTED)).hasSize(63);
        long credited = players.stream().map(p -> a.<String, PlayerState>getMap(GridMaps.PLAYERS).get(p))
                .filter(s -> s != null).mapToLong(PlayerState::balance).sum();
        assertThat(credited).isEqualTo(target.value());
    }

    @Test
    void fiftyDuplicatesOfOneKeyCreditOnceAndAnswerTheSame() throws Exception {
        HazelcastInstance a = fx.member(factory);
        HazelcastInstance b = fx.member(factory);
        Coin target = fx.standAt(a, "p1", GridFixtures.LAT, GridFixtures.LNG)[0];
        fx.now.addAndGet(60_000);
        fx.location(a).update("p1", "p1", fx.fixAt(target.lat(), target.lng()), 0).toCompletableFuture().join();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<CollectOutcome> outcomes = Race.run(50, () ->
                fx.coins(next.getAndIncrement() % 2 == 0 ? a : b).collect("p1", target.id(), "same-key", 2.0, 10, 0).toCompletableFuture().join());
        assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).isIn(CollectOutcome.Status.CREDITED,
                CollectOutcome.Status.REPLAYED));
        assertThat(outcomes.stream().filter(o -> o.status() == CollectOutcome.Status.CREDITED)).hasSize(1);
        assertThat(outcomes.stream().map(CollectOutcome::record).distinct()).hasSize(1);
        PlayerState state = b.<String, PlayerState>getMap(GridMaps.PLAYERS).get("p1");
        assertThat(state.balance()).isEqualTo(target.value() * 2L);
        assertThat(state.coinsCollected()).isEqualTo(1);
        CollectOutcome later = fx.coins(b).collect("p1", target.id(), "same-key", 2.0, 10, 0).toCompletableFuture().join();
        assertThat(later.status()).isEqualTo(CollectOutcome.Status.REPLAYED);
        assertThat(later.record()).isEqualTo(outcomes.get(0).record());
    }

    @Test
    void claimCutOffBeforeItsCreditIsFinishedOnceBySweepAndRetry() throws Exception {
        HazelcastInstance a = fx.member(factory);
        Coin target = fx.standAt(a, "p1", GridFixtures.LAT, GridFixtures.LNG)[0];
        String cell = Geo.cellToken(target.lat(), target.lng(), fx.rules.cellLevel());
        // the crash: the claim ran, the credit never did
        a.<String, CellClaims>getMap(GridMaps.COIN_CLAIMS).executeOnKey(cell, new ClaimCoinProcessor(target.id(), target,
                "p1", "k1", target.lat(), target.lng(), 1e6, 1.0, fx.now.get(), fx.rules.spawn().density()));
        ClaimSweeper sweeper = fx.game(a).sweeper(fx.clock, 10_000);
        assertThat(sweeper.sweepOnce()).as("too young for the sweep").isZero();
        fx.now.addAndGet(10_000);
        List<Integer> swept = Race.run(4, sweeper::sweepOnce);
        assertThat(swept.stream().mapToInt(Integer::intValue).sum()).isBetween(1, 4);
        assertThat(sweeper.sweepOnce()).isZero();
        PlayerState state = a.<String, PlayerState>getMap(GridMaps.PLAYERS).get("p1");
        assertThat(state.balance()).isEqualTo(target.value());
        assertTrueEventually(() -> assertThat(a.<String, CellClaims>getMap(GridMaps.COIN_CLAIMS).get(cell)
                .claimOf(target.id()).state()).as("closed by the detached mark").isEqualTo(ClaimState.CREDITED));
        // the client's retry with the same key gets the same result
        CollectOutcome retry = fx.coins(a).collect("p1", target.id(), "k1", 1.0, 10, 0).toCompletableFuture().join();
        assertThat(retry.status()).isEqualTo(CollectOutcome.Status.REPLAYED);
        assertThat(retry.record().balanceAfter()).isEqualTo(target.value());
    }

    @Test
    void keyReusedForAnotherCoinLeavesThatCoinCollectable() {
        HazelcastInstance a = fx.member(factory);
        Coin[] coins = fx.standAt(a, "p1", GridFixtures.LAT, GridFixtures.LNG);
        fx.now.addAndGet(60_000);
        fx.location(a).update("p1", "p1", fx.fixAt(coins[0].lat(), coins[0].lng()), 0).toCompletableFuture().join();
        assertThat(fx.coins(a).collect("p1", coins[0].id(), "k1", 1.0, 1e6, 0).toCompletableFuture().join().status()).isEqualTo(CollectOutcome.Status.CREDITED);
        assertThat(fx.coins(a).collect("p1", coins[1].id(), "k1", 1.0, 1e6, 0).toCompletableFuture().join().status()).isEqualTo(CollectOutcome.Status.KEY_REUSED);
        assertThat(fx.coins(a).collect("p1", coins[1].id(), "k2", 1.0, 1e6, 0).toCompletableFuture().join().status()).isEqualTo(CollectOutcome.Status.CREDITED);
    }
}
