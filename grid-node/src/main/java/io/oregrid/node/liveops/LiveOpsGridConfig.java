package io.oregrid.node.liveops;

import com.hazelcast.config.Config;
import com.hazelcast.config.EventJournalConfig;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.MapConfig;
import io.oregrid.grid.GridMaps;
import io.oregrid.node.config.OreConfig;

/**
 * The LiveOps maps on a member: the Idempotency-Key store with its TTL, player state, the
 * accepted-event stream with the event journal its Jet job reads, suspicious events, and the
 * leaderboards the job writes (indexed on the window, which every leaderboard query filters on).
 */
public final class LiveOpsGridConfig {
    /** Accepted events stay in the stream map this long (real time); the journal is what Jet reads, seconds. */
    public static final int EVENTS_RETENTION_S = 7 * 86_400;

    private LiveOpsGridConfig() {
    }

    /** Adds the LiveOps map configurations to {@code config}. */
    public static void apply(Config config, OreConfig ore) {
        config.addMapConfig(new MapConfig(GridMaps.IDEMPOTENCY).setBackupCount(ore.backupCount())
                .setTimeToLiveSeconds(ore.idempotencyTtlS()));
        config.addMapConfig(new MapConfig(GridMaps.LIVEOPS_PLAYERS).setBackupCount(ore.backupCount()));
        config.addMapConfig(new MapConfig(GridMaps.SUSPICIOUS_EVENTS).setBackupCount(ore.backupCount()));
        config.addMapConfig(new MapConfig(GridMaps.LIVEOPS_EVENTS).setBackupCount(ore.backupCount())
                .setTimeToLiveSeconds(EVENTS_RETENTION_S)
                .setEventJournalConfig(new EventJournalConfig().setEnabled(true)
                        .setCapacity(ore.liveOps().journalCapacity())));
        // a score outlives its window by at least a season, then goes (TTL restarts on every update)
        config.addMapConfig(new MapConfig(GridMaps.LEADERBOARDS).setBackupCount(ore.backupCount())
                .setTimeToLiveSeconds((ore.liveOps().seasonLengthDays() + 1) * 86_400)
                .addIndexConfig(new IndexConfig(IndexType.HASH, "window")));
    }
}
