package io.oregrid.node.persistence;

import com.hazelcast.config.Config;
import com.hazelcast.config.ExecutorConfig;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleListener;
import com.hazelcast.map.IMap;
import com.zaxxer.hikari.HikariDataSource;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.player.CollectLedger;
import io.oregrid.node.config.OreConfig;
import io.oregrid.store.auth.RefreshTokenMapStore;
import io.oregrid.store.auth.SigningKeyMapStore;
import io.oregrid.store.auth.UserMapStore;
import io.oregrid.store.auth.UsernameMapStore;
import io.oregrid.store.motion.LocationHistoryMapStore;
import io.oregrid.store.motion.PlayerMotionMapStore;
import io.oregrid.store.player.PlayerMapLoader;
import io.oregrid.store.player.SqlCollectLedger;
import io.oregrid.store.support.DataSources;
import io.oregrid.store.support.Migrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * PostgreSQL persistence of one member (ARCHITECTURE "Persistence"): opens the member's pool,
 * migrates the schema before any map is used, attaches the MapStores to the maps and closes the
 * pool when the member shuts down. Reachable from the member through its user context
 * ({@link #of}) for the health check.
 *
 * <p>Which map goes which way:
 * <ul>
 *   <li>ledger first, loaded lazily: {@code players} (balances + collections). A credit is written
 *       to {@code coin_collections}/{@code players} by {@link SqlCollectLedger} before the grid applies
 *       it, inside {@code CreditCoinProcessor}, which Hazelcast runs on the {@link CollectLedger#EXECUTOR}
 *       threads with the player's key locked (an {@code Offloadable} processor); the ledger group-commits
 *       the records waiting at once. The ledger has a pool of its own ({@link #ledgerConnections}): a stalled or refusing database holds ledger threads
 *       and ledger connections only — never a partition thread, never a connection a map load needs;
 *       a full ledger queue fails the collect (503). The map itself has only a loader;</li>
 *   <li>write-through, lazy: {@code usernames};</li>
 *   <li>write-through, eager: {@code users}, {@code refresh-tokens}, {@code signing-keys};</li>
 *   <li>batched (write-behind every {@code ORE_HISTORY_FLUSH_INTERVAL_S}, backed up):
 *       {@code player-motion} and {@code location-history} (which appends every accepted fix to the
 *       {@code location_history} table), both loaded lazily;</li>
 *   <li>not persisted: {@code cells} (claims are in {@code coin_collections}), {@code rate-limits}.</li>
 * </ul>
 *
 * <p>Every MapStore runs on Hazelcast's map-store offload executor ({@code MapStoreConfig.setOffload},
 * set explicitly), not on the partition thread.
 *
 * <p>Write-through maps, and {@code players}, keep <b>no backup replica</b>. Hazelcast 5.6 leaves the primary's value
 * unchanged when a write-through store fails inside an EntryProcessor, but still runs the processor
 * on the backup replica (verified by {@code PersistenceFailureTest} in grid-node): after a failover the value
 * PostgreSQL refused would appear. Without a backup the only copies are the primary's and the
 * database's, both unchanged; after a member crash its entries are loaded again from PostgreSQL
 * (lazily by key; the eager maps reload their lost keys when a partition-lost event says so).
 */
public final class Persistence implements AutoCloseable {
    /** Key of this object in the member's user context. */
    public static final String CONTEXT_KEY = "ore.persistence";
    /** Entries per {@code storeAll} call of the batched path. */
    static final int WRITE_BATCH_SIZE = 1000;
    /** Ledgered credits that may wait for a ledger thread per member; beyond it a collect fails at once (503). */
    static final int LEDGER_QUEUE = 4096;
    /**
     * Threads of the {@link CollectLedger#EXECUTOR}: each waits, parked, while its credit's record is in
     * a group commit, so they bound the batch size the ledger's writers can form, not the CPU used.
     */
    static final int LEDGER_THREADS = 128;
    private static final Logger LOG = LoggerFactory.getLogger(Persistence.class);

    private final HikariDataSource pool;
    private final HikariDataSource ledgerPool;
    private final SqlCollectLedger ledger;

    private Persistence(HikariDataSource pool, HikariDataSource ledgerPool) {
        this.pool = pool;
        this.ledgerPool = ledgerPool;
        this.ledger = new SqlCollectLedger(ledgerPool, ledgerPool.getMaximumPoolSize());
    }

    /**
     * @return connections (and threads) of the collections ledger's writers: half the member's pool size,
     *         at least 2 — a member holds {@code ORE_DB_POOL_SIZE} + this many connections
     */
    static int ledgerConnections(OreConfig ore) {
        return Math.max(2, ore.dbPoolSize() / 2);
    }

    /**
     * Opens the pool and migrates the schema (Flyway's lock serialises members starting together).
     *
     * @throws io.oregrid.store.support.StoreException when PostgreSQL cannot be reached or migrated
     */
    public static Persistence open(OreConfig ore) {
        HikariDataSource pool = DataSources.open(ore.dbUrl(), ore.dbUser(), ore.dbPassword(), ore.dbPoolSize(),
                ore.dbTimeoutMs());
        HikariDataSource ledgerPool = null;
        try {
            int ran = Migrations.migrate(pool);
            ledgerPool = DataSources.open("ore-postgresql-ledger", ore.dbUrl(), ore.dbUser(), ore.dbPassword(),
                    ledgerConnections(ore), ore.dbTimeoutMs());
            LOG.info("PostgreSQL at {}: schema up to date ({} migration(s) applied now), pools of {} + {} (ledger)"
                    + " connections", DataSources.redact(ore.dbUrl()), ran, ore.dbPoolSize(), ledgerConnections(ore));
            return new Persistence(pool, ledgerPool);
        } catch (RuntimeException e) {
            pool.close();
            if (ledgerPool != null) {
                ledgerPool.close();
            }
            throw e;
        }
    }

    /** @return the persistence of a member started with {@link #applyTo}, if any */
    public static Optional<Persistence> of(HazelcastInstance member) {
        return Optional.ofNullable((Persistence) member.getUserContext().get(CONTEXT_KEY));
    }

    /**
     * Attaches the stores to the maps already configured in {@code config} and closes the pool when
     * the member shuts down (after its last write-behind flush).
     */
    public void applyTo(Config config, OreConfig ore) {
        config.getUserContext().put(CONTEXT_KEY, this);
        config.addListenerConfig(new ListenerConfig((LifecycleListener) this::onLifecycle));
        config.getUserContext().put(CollectLedger.CONTEXT_KEY, ledger);
        config.addExecutorConfig(new ExecutorConfig(CollectLedger.EXECUTOR).setPoolSize(LEDGER_THREADS)
                .setQueueCapacity(LEDGER_QUEUE).setStatisticsEnabled(true));
        withoutBackup(config, GridMaps.PLAYERS, new PlayerMapLoader(pool, ore.idempotencyTtlS() * 1000L), false);
        withoutBackup(config, GridMaps.USERNAMES, new UsernameMapStore(pool), false);
        withoutBackup(config, GridMaps.USERS, new UserMapStore(pool), true);
        withoutBackup(config, GridMaps.REFRESH_TOKENS, new RefreshTokenMapStore(pool), true);
        withoutBackup(config, GridMaps.SIGNING_KEYS, new SigningKeyMapStore(pool), true);
        batched(config, GridMaps.PLAYER_MOTION, new PlayerMotionMapStore(pool), ore);
        batched(config, GridMaps.LOCATION_HISTORY, new LocationHistoryMapStore(pool, ore.historyPerPlayer()), ore);
    }

    /**
     * Write-behind every {@code ORE_HISTORY_FLUSH_INTERVAL_S}, the latest value per key (coalescing),
     * in batches of {@link #WRITE_BATCH_SIZE}; the map keeps its backups, which hold a copy of the
     * queue, so a member's death loses none of it.
     */
    private static void batched(Config config, String map, Object store, OreConfig ore) {
        config.getMapConfig(map).setMapStoreConfig(store(store, false)
                .setWriteDelaySeconds(ore.historyFlushIntervalS())
                .setWriteCoalescing(true)
                .setWriteBatchSize(WRITE_BATCH_SIZE));
    }

    /**
     * No backup replica (see the class comment), stored at once: write-through when {@code store} is
     * a {@code MapStore}, loading only when it is a {@code MapLoader} ({@code players}).
     */
    private static void withoutBackup(Config config, String map, Object store, boolean eager) {
        config.getMapConfig(map).setBackupCount(0).setAsyncBackupCount(0)
                .setMapStoreConfig(store(store, eager).setWriteDelaySeconds(0));
    }

    /** A store or loader run on Hazelcast's map-store offload executor, loaded eagerly or lazily. */
    private static MapStoreConfig store(Object implementation, boolean eager) {
        return new MapStoreConfig().setEnabled(true).setOffload(true).setImplementation(implementation)
                .setInitialLoadMode(eager ? MapStoreConfig.InitialLoadMode.EAGER : MapStoreConfig.InitialLoadMode.LAZY);
    }

    /**
     * Makes the eager write-through maps load again the keys a crashed member took with it (they
     * have no backup replica). Call once per member after it started.
     */
    public void reloadLostPartitions(HazelcastInstance member) {
        for (String name : List.of(GridMaps.USERS, GridMaps.REFRESH_TOKENS, GridMaps.SIGNING_KEYS)) {
            IMap<Object, Object> map = member.getMap(name);
            map.addPartitionLostListener(event -> CompletableFuture.runAsync(() -> {
                LOG.warn("map {} lost partition {} with a member; loading its keys again from PostgreSQL",
                        name, event.getPartitionId());
                map.loadAll(false);
            }));
        }
    }

    /**
     * A cheap {@code SELECT 1} through the pool with a 1 s statement timeout.
     *
     * @return whether PostgreSQL answered
     */
    public boolean databaseUp() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            s.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            LOG.debug("database health check failed: {}", e.toString());
            return false;
        }
    }

    /** @return the member's pool (tests and the benchmark read row counts through it) */
    public javax.sql.DataSource dataSource() {
        return pool;
    }

    private void onLifecycle(LifecycleEvent event) {
        if (event.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
            close();
        }
    }

    /** Closes the pools (idempotent). */
    @Override
    public void close() {
        ledger.close();
        ledgerPool.close();
        pool.close();
    }
}
