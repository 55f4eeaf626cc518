package io.oregrid.node.game;

import com.hazelcast.client.test.TestHazelcastFactory;
import com.hazelcast.core.HazelcastInstance;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.auth.Role;
import io.oregrid.grid.auth.SigningKeyRecord;
import io.oregrid.grid.auth.UserRecord;
import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.player.PlayerState;
import io.oregrid.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies against a real PostgreSQL that a full-cluster restart — every member killed in the
 * middle of a concurrent collect run, new members started — loses and doubles nothing: every
 * collect answered as credited has its row, no coin or key has two, every balance equals the sum of
 * its collections (in PostgreSQL and in the new grid), credited keys still replay, and accounts
 * and signing keys are back.
 */
class ClusterRestartTest {
    private static final int PLAYERS = 6;
    private final TestDatabase db = new TestDatabase();
    private final TestHazelcastFactory factory = new TestHazelcastFactory();
    private final GridFixtures fx = new GridFixtures(db.nodeSettings(null,
            "HISTORY_FLUSH_INTERVAL_S", "1", "COIN_DENSITY_PER_CELL", "60", "COIN_TTL_S", "86400"));

    /** A collect answered as credited (the 200 of the API). */
    private record Credited(String player, String coin, String key, long balanceAfter) {
    }

    @AfterEach
    void tearDown() {
        factory.shutdownAll();
        db.close();
    }

    @Test
    void killingEveryMemberMidRunLosesAndDoublesNothing() throws Exception {
        HazelcastInstance a = fx.member(factory);
        HazelcastInstance b = fx.member(factory);
        assertClusterSizeEventually(2, a);
        UserRecord user = new UserRecord("u-1", "alice@example.org", "alice", "$2a$04$hash", Role.ADMIN, true, 1_000);
        a.<String, UserRecord>getMap(GridMaps.USERS).putIfAbsent(user.email(), user);
        SigningKeyRecord key = new SigningKeyRecord("kid-1", "pub", "priv", 1_000, true, false);
        b.<String, SigningKeyRecord>getMap(GridMaps.SIGNING_KEYS).putIfAbsent(SigningKeyRecord.ACTIVE_POINTER, key);
        b.<String, SigningKeyRecord>getMap(GridMaps.SIGNING_KEYS).set(key.kid(), key);

        Coin[] coins = fx.standAt(a, "p0", GridFixtures.LAT, GridFixtures.LNG);
        for (int p = 1; p < PLAYERS; p++) {
            fx.standAt(p % 2 == 0 ? a : b, "p" + p, GridFixtures.LAT, GridFixtures.LNG);
        }
        assertTrueEventually(() -> assertThat(db.queryLong("SELECT count(*) FROM player_motion")).isEqualTo(PLAYERS));

        ConcurrentLinkedQueue<Credited> ok = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch halfway = new CountDownLatch(coins.length / 2);
        ExecutorService pool = Executors.newFixedThreadPool(PLAYERS);
        List<Future<?>> runs = new ArrayList<>();
        for (int p = 0; p < PLAYERS; p++) {
            String player = "p" + p;
            CoinService service = fx.coins(p % 2 == 0 ? a : b);
            runs.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < coins.length; i = next.getAndIncrement()) {
                    String k = player + "-key-" + i;
                    try {
                        CollectOutcome o = service.collect(player, coins[i].id(), k, 1.0, 1e6, 0).toCompletableFuture().join();
                        if (o.status() == CollectOutcome.Status.CREDITED || o.status() == CollectOutcome.Status.REPLAYED) {
                            ok.add(new Credited(player, coins[i].id(), k, o.record().balanceAfter()));
                        }
                    } catch (RuntimeException e) {
                        return; // the cluster died under this call: no 200 was given
                    } finally {
                        halfway.countDown();
                    }
                }
            }));
        }
        assertThat(halfway.await(60, TimeUnit.SECONDS)).isTrue();
        a.getLifecycleService().terminate();
        b.getLifecycleService().terminate();
        for (Future<?> run : runs) {
            run.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(ok).hasSizeGreaterThanOrEqualTo(coins.length / 2 - PLAYERS);

        HazelcastInstance c = fx.member(factory);
        HazelcastInstance d = fx.member(factory);
        assertClusterSizeEventually(2, c);
        for (Credited credited : ok) {
            assertThat(db.queryLong("SELECT count(*) FROM coin_collections WHERE coin_id = '" + credited.coin()
                    + "' AND player_id = '" + credited.player() + "' AND idempotency_key = '" + credited.key() + "'"))
                    .as("row of %s", credited).isEqualTo(1);
        }
        assertThat(db.queryLong("SELECT count(*) - count(DISTINCT (player_id, idempotency_key)) FROM coin_collections")).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM players p WHERE balance <> (SELECT coalesce(sum(credited), 0)"
                + " FROM coin_collections c WHERE c.player_id = p.player_id)")).isZero();
        for (int p = 0; p < PLAYERS; p++) {
            String player = "p" + p;
            long sum = db.queryLong("SELECT coalesce(sum(credited), 0) FROM coin_collections WHERE player_id = '" + player + "'");
            PlayerState state = d.<String, PlayerState>getMap(GridMaps.PLAYERS).get(player);
            assertThat(state == null ? 0 : state.balance()).as("grid balance of %s", player).isEqualTo(sum);
        }
        Credited first = ok.peek();
        CollectOutcome replay = fx.coins(c).collect(first.player(), first.coin(), first.key(), 1.0, 1e6, 0).toCompletableFuture().join();
        assertThat(replay.status()).isEqualTo(CollectOutcome.Status.REPLAYED);
        assertThat(c.<String, UserRecord>getMap(GridMaps.USERS).get(user.email())).isEqualTo(user);
        assertThat(d.<String, SigningKeyRecord>getMap(GridMaps.SIGNING_KEYS).get(SigningKeyRecord.ACTIVE_POINTER))
                .isEqualTo(key);
        assertThat(d.<String, SigningKeyRecord>getMap(GridMaps.SIGNING_KEYS).values()).hasSize(2);
    }
}
