package io.oregrid.node;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import io.oregrid.grid.GridMaps;
import io.oregrid.node.config.ConfigException;
import io.oregrid.node.config.OreConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Verifies the in-memory formats of the grid's maps and the ORE_GRID_IN_MEMORY_FORMAT setting. */
class GridConfigFactoryTest {

    private static Config mapsOf(OreConfig ore) {
        Config config = new Config();
        GridConfigFactory.applyMaps(config, ore);
        return config;
    }

    @Test
    void hotMapsHoldObjectsByDefaultWhileClaimsStayBinaryForTheirIndex() {
        Config config = mapsOf(OreConfig.defaults());
        for (String map : new String[]{GridMaps.PLAYERS, GridMaps.PLAYER_MOTION, GridMaps.LOCATION_HISTORY,
                GridMaps.CELL_PRESENCE}) {
            assertThat(config.getMapConfig(map).getInMemoryFormat()).as(map).isEqualTo(InMemoryFormat.OBJECT);
        }
        assertThat(config.getMapConfig(GridMaps.COIN_CLAIMS).getInMemoryFormat()).isEqualTo(InMemoryFormat.BINARY);
        assertThat(config.getMapConfig(GridMaps.COIN_CLAIMS).getIndexConfigs())
                .anySatisfy(i -> assertThat(i.getAttributes()).containsExactly("oldestPendingAtMs"));
        assertThat(config.getMapConfig(GridMaps.OUTCOMES).getEventJournalConfig().isEnabled()).isTrue();
    }

    @Test
    void binaryCanBeChosenForLessHeap() {
        Config config = mapsOf(OreConfig.defaults().with(Map.of("GRID_IN_MEMORY_FORMAT", "binary")));
        assertThat(config.getMapConfig(GridMaps.LOCATION_HISTORY).getInMemoryFormat()).isEqualTo(InMemoryFormat.BINARY);
        assertThat(OreConfig.defaults().with(Map.of("GRID_IN_MEMORY_FORMAT", "binary")).gridInMemoryFormat())
                .isEqualTo("BINARY");
    }

    @Test
    void anUnknownFormatStopsTheNodeNamingTheVariable() {
        assertThatThrownBy(() -> OreConfig.defaults().with(Map.of("GRID_IN_MEMORY_FORMAT", "NATIVE")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ORE_GRID_IN_MEMORY_FORMAT must be one of OBJECT, BINARY, got 'NATIVE'");
    }
}
