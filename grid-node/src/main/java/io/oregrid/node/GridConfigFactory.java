package io.oregrid.node;

import com.hazelcast.config.Config;
import com.hazelcast.config.EventJournalConfig;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.GridSerialization;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.game.ClaimSweeper;
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
    /** Event-journal capacity of the {@code outcomes} and {@code player-motion} maps, events (whole map). */
    public static final int OUTCOME_JOURNAL_CAPACITY = 1_000_000;

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
        // Partition threads sized to the cores (HotPathConfig); event and I/O threads keep Hazelcast's
        // defaults (event: 5, I/O: 3 in + 3 out), which README "Performance" measures.
        config.setProperty("hazelcast.operation.thread.count", Integer.toString(ore.hotPath().partitionThreads()));

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
     * <p>{@code cell-presence} is {@code OBJECT} too: no listener reads its events (the fan-out travels as
     * deltas on a topic). {@code coin-claims} stays {@code BINARY}: small entries, and its sorted index on
     * {@code oldestPendingAtMs} reads the Compact field directly. {@code outcomes} keeps each accepted
     * outcome for {@code ORE_OUTCOME_TTL_S}; its event journal ({@value #OUTCOME_JOURNAL_CAPACITY} events) is the
     * stream analytics reads.
     */
    public static void applyMaps(Config config, OreConfig ore) {
        InMemoryFormat hot = InMemoryFormat.valueOf(ore.gridInMemoryFormat());
        for (String name : new String[]{GridMaps.PLAYERS, GridMaps.PLAYER_MOTION, GridMaps.LOCATION_HISTORY,
                GridMaps.CELL_PRESENCE}) {
            config.addMapConfig(new MapConfig(name).setBackupCount(ore.backupCount()).setInMemoryFormat(hot));
        }
        // the journal of the small motion entries is the stream of accepted fixes (FixOutcomes)
        config.getMapConfig(GridMaps.PLAYER_MOTION)
                .setEventJournalConfig(new EventJournalConfig().setEnabled(true).setCapacity(OUTCOME_JOURNAL_CAPACITY));
        config.addMapConfig(new MapConfig(GridMaps.COIN_CLAIMS).setBackupCount(ore.backupCount())
                .addIndexConfig(new IndexConfig(IndexType.SORTED, ClaimSweeper.PENDING_INDEX)));
        config.addMapConfig(new MapConfig(GridMaps.OUTCOMES).setBackupCount(ore.backupCount())
                .setTimeToLiveSeconds(ore.hotPath().outcomeTtlS())
                .setEventJournalConfig(new EventJournalConfig().setEnabled(true).setCapacity(OUTCOME_JOURNAL_CAPACITY)));
        for (String name : new String[]{GridMaps.USERS, GridMaps.USERNAMES, GridMaps.REFRESH_TOKENS,
                GridMaps.SIGNING_KEYS, GridMaps.RATE_LIMITS, GridMaps.CHAT_RINGS}) {
            config.addMapConfig(new MapConfig(name).setBackupCount(ore.backupCount()));
        }
        RateLimitGridConfig.apply(config);
        LiveOpsGridConfig.apply(config, ore);
    }
}
