package io.oregrid.node.game;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.client.test.TestHazelcastFactory;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.cell.CellState;
import io.oregrid.grid.cell.Coin;
import io.oregrid.grid.motion.Fix;
import io.oregrid.grid.support.GameClock;
import io.oregrid.node.GridConfigFactory;
import io.oregrid.node.config.OreConfig;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Shared set-up for grid tests: members of a mock-network cluster, a controllable clock, services. */
final class GridFixtures {
    static final double LAT = -10.9393, LNG = -37.0627;

    final OreConfig config;
    final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    final GameClock clock = now::get;
    final GameRules rules;

    GridFixtures(Map<String, String> overrides) {
        this.config = OreConfig.defaults().with(overrides);
        this.rules = GameRules.from(config);
    }

    HazelcastInstance member(TestHazelcastFactory factory) {
        return factory.newHazelcastInstance(GridConfigFactory.memberConfig(config));
    }

    LocationService location(HazelcastInstance hz) {
        return new LocationService(hz, rules, clock, config.historyPerPlayer());
    }

    CoinService coins(HazelcastInstance hz) {
        return new CoinService(hz, location(hz), rules, clock);
    }

    Fix fixAt(double lat, double lng) {
        return new Fix(lat, lng, 5, now.get(), null, null);
    }

    /** Puts the player on {@code (lat, lng)} with an accepted fix and returns the cell's coins. */
    Coin[] standAt(HazelcastInstance hz, String player, double lat, double lng) {
        var r = location(hz).update(player, player, fixAt(lat, lng));
        if (!r.accepted()) {
            throw new IllegalStateException("fix refused: " + r.verdict());
        }
        CellState cell = hz.<String, CellState>getMap(GridMaps.CELLS).get(r.cellToken());
        return cell.coins();
    }
}
