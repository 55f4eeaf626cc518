package io.oregrid.bench.jmh;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import io.oregrid.grid.GridSerialization;
import io.oregrid.grid.cell.CellPresence;
import io.oregrid.grid.cell.CoinSpawnRules;
import io.oregrid.grid.cell.EnterCellProcessor;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.game.GameRules;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.AbstractMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What one {@link EnterCellProcessor} call costs in the partition thread, with the cell's presence
 * held as Compact bytes ({@code BINARY}) against held as the object ({@code OBJECT}, how the
 * {@code cell-presence} map keeps it): deserialize + process + serialize (explicit serializers)
 * versus process alone. Coins are no longer part of the entry (they are derived), so {@code coins}
 * only sets the game's density and no longer changes the cost; it stays as the parameter the
 * earlier run (40 coins in the cell: 24.8 µs as bytes, 0.27 µs as object) was measured with.
 *
 * <p>The cell: a few players present; the call is a present player's newer fix.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CellProcessorBench {
    private static final double LAT = -10.9393, LNG = -37.0627;

    @Param({"40"})
    public int coins;

    private HazelcastInstance member;
    private SerializationService ss;
    private String token;
    private CellPresence cell;
    private Data cellData;
    private EnterCellProcessor move;

    @Setup(Level.Trial)
    public void setUp() {
        Config config = new Config();
        config.setClusterName("jmh-" + System.nanoTime());
        config.setProperty("hazelcast.logging.type", "none");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().setPort(5990).setPortAutoIncrement(true);
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        GridSerialization.apply(config.getSerializationConfig());
        member = Hazelcast.newHazelcastInstance(config);
        ss = ((SerializationServiceSupport) member).getSerializationService();

        OreConfig ore = OreConfig.defaults().with(Map.of("COIN_DENSITY_PER_CELL", Integer.toString(coins)));
        GameRules rules = GameRules.from(ore);
        CoinSpawnRules spawn = rules.spawn();
        long now = System.currentTimeMillis();
        token = io.oregrid.grid.support.Geo.cellToken(LAT, LNG, rules.cellLevel());
        Map.Entry<String, CellPresence> e = new AbstractMap.SimpleEntry<>(token, null);
        for (int p = 0; p < 5; p++) {
            new EnterCellProcessor("player-" + p, "player" + p, LAT + p * 1e-5, LNG, now, now, spawn.staleMs()).process(e);
        }
        cell = e.getValue();
        cellData = ss.toData(cell);
        move = new EnterCellProcessor("player-0", "player0", LAT + 2e-5, LNG, now + 30_000, now + 30_000, spawn.staleMs());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        member.shutdown();
    }

    /** {@code OBJECT}: the processor runs on the stored object; the new value is stored as it is. */
    @Benchmark
    public Object objectFormat() {
        Map.Entry<String, CellPresence> e = new AbstractMap.SimpleEntry<>(token, cell);
        move.process(e);
        return e.getValue();
    }

    /** {@code BINARY}: the stored bytes are deserialized, processed, and the new value serialized. */
    @Benchmark
    public Object binaryFormat() {
        Map.Entry<String, CellPresence> e = new AbstractMap.SimpleEntry<>(token, ss.toObject(cellData));
        move.process(e);
        return ss.toData(e.getValue());
    }
}
