package io.oregrid.node;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.GridSerialization;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.persistence.Persistence;
import io.oregrid.node.liveops.LiveOpsGridConfig;
import io.oregrid.node.ratelimit.RateLimitGridConfig;

/**
 * Builds a member's Hazelcast {@link Config} from the node configuration: cluster name, discovery
 * (TCP-IP member list, or none when standalone), map settings and Jet, and — when
 * {@code ORE_DB_URL} is set — the PostgreSQL map stores ({@link Persistence}: building the config
 * then opens the member's pool and migrates the schema; the member's shutdown closes the pool).
 */
public final class GridConfigFactory {

    private GridConfigFactory() {
    }

    /**
     * @param ore the node configuration
     * @return a member config; tests may adjust it further (e.g. for mock networking)
     */
    public static Config memberConfig(OreConfig ore) {
        Config config = new Config();
        config.setClusterName(ore.clusterName());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.getJetConfig().setEnabled(true);

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(ore.memberPort()).setPortAutoIncrement(true);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        if (ore.members().isEmpty()) {
            join.getTcpIpConfig().setEnabled(false);
        } else {
            join.getTcpIpConfig().setEnabled(true).setMembers(ore.members());
        }

        applyMaps(config, ore);
        if (ore.persistenceEnabled()) {
            Persistence.open(ore).applyTo(config, ore); // pool + Flyway now, before any map is used
        }
        GridSerialization.apply(config.getSerializationConfig());
        return config;
    }

    /**
     * Map settings shared by real and test members: backups, and the in-memory format of the
     * per-player maps that every location update and collect runs EntryProcessors on
     * ({@code ORE_GRID_IN_MEMORY_FORMAT}, default {@code OBJECT}). With {@code OBJECT} a processor
     * receives the stored record itself and its new value is stored as it is; with {@code BINARY}
     * each call deserializes and re-serializes the whole value — for {@code location-history} up to
     * {@code ORE_HISTORY_PER_PLAYER} fixes per accepted fix. Values are immutable records, so no
     * processor can change a stored object in place.
     *
     * <p>{@code cells} stays {@code BINARY}: for an {@code OBJECT} map Hazelcast publishes update
     * events without the old value (hazelcast/hazelcast#8364, {@code EntryOperator.getOrNullOldValue}),
     * and the realtime edge diffs a cell's old and new value ({@code WorldEvents}). The profile of a
     * location update puts most of its CPU in that cell's Compact serialization (README "Performance").
     */
    public static void applyMaps(Config config, OreConfig ore) {
        InMemoryFormat perPlayer = InMemoryFormat.valueOf(ore.gridInMemoryFormat());
        for (String name : new String[]{GridMaps.PLAYERS, GridMaps.PLAYER_MOTION, GridMaps.LOCATION_HISTORY}) {
            config.addMapConfig(new MapConfig(name).setBackupCount(ore.backupCount()).setInMemoryFormat(perPlayer));
        }
        for (String name : new String[]{GridMaps.CELLS, GridMaps.USERS, GridMaps.USERNAMES, GridMaps.REFRESH_TOKENS,
                GridMaps.SIGNING_KEYS, GridMaps.RATE_LIMITS, GridMaps.CHAT_RINGS}) {
            config.addMapConfig(new MapConfig(name).setBackupCount(ore.backupCount()));
        }
        RateLimitGridConfig.apply(config);
        LiveOpsGridConfig.apply(config, ore);
    }
}
