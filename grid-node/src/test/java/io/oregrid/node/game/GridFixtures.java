package io.oregrid.node.game;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.client.test.TestHazelcastFactory;
import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.cell.CoinField;
import io.oregrid.grid.motion.Fix;
import io.oregrid.grid.motion.MotionResult;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.GridConfigFactory;
import io.oregrid.node.config.OreConfig;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shared set-up for grid tests: members of a mock-network cluster, a controllable clock, and the
 * game services as the composition root wires them ({@link GameServices#create}), one set per member.
 */
final class GridFixtures {
    static final double LAT = -10.9393, LNG = -37.0627;

    final OreConfig config;
    final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    final GameClock clock = now::get;
    final GameRules rules;
    private final Map<HazelcastInstance, GameServices> services = new IdentityHashMap<>();

    /** @param overrides configuration keys; the per-player location limit is raised unless one of them sets it */
    GridFixtures(Map<String, String> overrides) {
        Map<String, String> all = new java.util.HashMap<>(Map.of("LOCATION_MAX_UPDATES_PER_MINUTE", "100000"));
        all.putAll(overrides);
        this.config = OreConfig.defaults().with(all);
        this.rules = GameRules.from(config);
    }

    HazelcastInstance member(TestHazelcastFactory factory) {
        return factory.newHazelcastInstance(GridConfigFactory.memberConfig(config));
    }

    synchronized GameServices game(HazelcastInstance hz) {
        return services.computeIfAbsent(hz, h -> GameServices.create(h, config, clock));
    }

    LocationService location(HazelcastInstance hz) {
        return game(hz).location();
    }

    CoinService coins(HazelcastInstance hz) {
        return game(hz).coins();
    }

    Fix fixAt(double lat, double lng) {
        return new Fix(lat, lng, 5, now.get(), null, null);
    }

    /** Sends {@code fix} for {@code player} (not counted against the per-user limit) and waits for the verdict. */
    static MotionResult move(LocationService location, String player, Fix fix) {
        return location.update(player, player, fix, 0).toCompletableFuture().join();
    }

    /** Puts the player on {@code (lat, lng)} with an accepted fix and returns the live coins of its cell. */
    Coin[] standAt(HazelcastInstance hz, String player, double lat, double lng) {
        MotionResult r = move(location(hz), player, fixAt(lat, lng));
        if (!r.accepted()) {
            throw new IllegalStateException("fix refused: " + r.verdict());
        }
        return liveCoins(r.cellToken());
    }

    /** @return the live coins of {@code cell} now (no claims assumed: a fresh cell) */
    Coin[] liveCoins(String cell) {
        return CoinField.live(epoch -> CoinField.spawnAll(cell, epoch, rules.spawn()), null, rules.spawn(), now.get())
                .toArray(Coin[]::new);
    }
}
