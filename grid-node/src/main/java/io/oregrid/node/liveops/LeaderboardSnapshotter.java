package io.oregrid.node.liveops;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.leaderboard.LeaderboardScore;
import io.oregrid.grid.support.GameClock;
import io.oregrid.jet.leaderboard.LeaderboardWindows;
import io.oregrid.store.support.Jdbc;
import io.oregrid.store.support.StoreException;
import io.oregrid.node.grid.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Copies the {@code leaderboards} map to the PostgreSQL table {@code leaderboard_snapshots} (issue
 * #6), so past windows stay readable: every {@code ORE_LEADERBOARD_SNAPSHOT_INTERVAL_S} the current
 * and the previous window of each kind, and, checked every second, a window of a kind as soon as the
 * node clock left it (rollover). Each window is written in one JDBC batch in one transaction, with
 * its ranks ({@link RankedWindow#RANKING}).
 *
 * <p>Every member runs one, but only the oldest member writes. Writes are idempotent: the upsert
 * replaces a row only with a value that counted as many or more events, so two members writing
 * during a membership change, or a stale copy, never move a score back. The previous windows are
 * written again at every interval, which catches events the Jet job added to a window after its
 * rollover snapshot and a rollover missed because the oldest member changed at that moment.
 */
public final class LeaderboardSnapshotter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderboardSnapshotter.class);
    /** How often the node clock is compared with the windows for a rollover, ms. */
    static final long ROLLOVER_CHECK_MS = 1_000;
    static final String UPSERT = "INSERT INTO leaderboard_snapshots"
            + " (window_key, player_id, score, reached_at, events, rank, snapshot_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (window_key, player_id) DO UPDATE SET score = EXCLUDED.score,"
            + " reached_at = EXCLUDED.reached_at, events = EXCLUDED.events, rank = EXCLUDED.rank,"
            + " snapshot_at = EXCLUDED.snapshot_at WHERE leaderboard_snapshots.events <= EXCLUDED.events";

    private final HazelcastInstance hz;
    private final IMap<String, LeaderboardScore> boards;
    private final DataSource dataSource;
    private final GameClock clock;
    private final LeaderboardWindows windows;
    private final Map<LeaderboardWindows.Kind, String> lastSeen = new EnumMap<>(LeaderboardWindows.Kind.class);
    private ScheduledExecutorService scheduler;

    public LeaderboardSnapshotter(HazelcastInstance hz, DataSource dataSource, GameClock clock, LiveOpsConfig config) {
        this.hz = hz;
        this.boards = hz.getMap(GridMaps.LEADERBOARDS);
        this.dataSource = dataSource;
        this.clock = clock;
        this.windows = LeaderboardJob.windows(config);
        long now = clock.nowMs();
        for (LeaderboardWindows.Kind kind : LeaderboardWindows.Kind.values()) {
            lastSeen.put(kind, windows.of(kind, now).key());
        }
    }

    /** Starts the schedule: a snapshot every {@code intervalS} seconds, the rollover check every second. */
    public synchronized LeaderboardSnapshotter start(int intervalS) {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("ore-leaderboard-snapshots"));
            scheduler.scheduleWithFixedDelay(() -> guarded(this::checkRollover), ROLLOVER_CHECK_MS, ROLLOVER_CHECK_MS,
                    TimeUnit.MILLISECONDS);
            scheduler.scheduleWithFixedDelay(() -> guarded(this::snapshotScheduled), intervalS, intervalS, TimeUnit.SECONDS);
        }
        return this;
    }

    private void guarded(Runnable work) {
        try {
            if (hz.getLifecycleService().isRunning() && isOldestMember()) {
                work.run();
            }
        } catch (RuntimeException e) {
            // PostgreSQL down or the member shutting down: the next run writes the same windows again.
            LOG.warn("leaderboard snapshot failed (retried at the next run): {}", e.toString());
        }
    }

    private boolean isOldestMember() {
        return hz.getCluster().getMembers().iterator().next().localMember();
    }

    /**
     * Writes the window of each kind the node clock has left since the last check.
     *
     * @return the keys of the windows written
     */
    synchronized List<String> checkRollover() {
        long now = clock.nowMs();
        List<String> written = new ArrayList<>();
        for (LeaderboardWindows.Kind kind : LeaderboardWindows.Kind.values()) {
            String current = windows.of(kind, now).key();
            String seen = lastSeen.put(kind, current);
            if (seen != null && !seen.equals(current)) {
                int rows = snapshot(seen);
                LOG.info("leaderboard window {} ended: {} row(s) snapshotted to PostgreSQL", seen, rows);
                written.add(seen);
            }
        }
        return written;
    }

    /**
     * Writes the current and the previous window of each kind.
     *
     * @return the keys of the windows written
     */
    synchronized List<String> snapshotScheduled() {
        long now = clock.nowMs();
        Set<String> keys = new LinkedHashSet<>();
        for (LeaderboardWindows.Kind kind : LeaderboardWindows.Kind.values()) {
            LeaderboardWindows.Window current = windows.of(kind, now);
            keys.add(current.key());
            keys.add(windows.of(kind, startMs(current) - 1).key());
        }
        for (String key : keys) {
            snapshot(key);
        }
        return List.copyOf(keys);
    }

    /** @return the first epoch ms of {@code w} */
    private long startMs(LeaderboardWindows.Window w) {
        long day = switch (w.kind()) {
            case DAILY, WEEKLY -> w.ordinal(); // epoch day (of the week's Monday)
            case SEASONAL -> windows.seasonStart().toEpochDay() + (w.ordinal() - 1) * windows.seasonLengthDays();
        };
        return day * 86_400_000L;
    }

    /**
     * Writes every score of {@code windowKey} with its rank in one batch (one transaction).
     *
     * @return rows sent (an older value than the stored one leaves that row as it was)
     * @throws StoreException when PostgreSQL refuses
     */
    public int snapshot(String windowKey) {
        List<LeaderboardScore> scores = new ArrayList<>(boards.values(Predicates.equal("window", windowKey)));
        if (scores.isEmpty()) {
            return 0;
        }
        scores.sort(RankedWindow.RANKING);
        long at = clock.nowMs();
        return Jdbc.withConnection(dataSource, "leaderboard snapshot", c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                for (int i = 0; i < scores.size(); i++) {
                    LeaderboardScore s = scores.get(i);
                    ps.setString(1, s.window());
                    ps.setString(2, s.playerId());
                    ps.setLong(3, s.score());
                    ps.setTimestamp(4, Jdbc.ts(s.reachedAtMs()));
                    ps.setLong(5, s.events());
                    ps.setInt(6, i + 1);
                    ps.setTimestamp(7, Jdbc.ts(at));
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
                return scores.size();
            } catch (java.sql.SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        });
    }

    /**
     * Stops the schedule (a run in progress finishes); the oldest member then writes the current and
     * previous windows once more, so a graceful shutdown of the whole cluster loses no score.
     */
    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
            guarded(this::snapshotScheduled);
        }
    }
}
