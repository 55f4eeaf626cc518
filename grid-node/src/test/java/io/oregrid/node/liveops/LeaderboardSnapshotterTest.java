package io.oregrid.node.liveops;

import com.hazelcast.client.test.TestHazelcastFactory;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.leaderboard.LeaderboardScore;
import io.oregrid.grid.support.GameClock;
import io.oregrid.jet.leaderboard.LeaderboardWindows;
import io.oregrid.node.GridConfigFactory;
import io.oregrid.node.config.OreConfig;
import io.oregrid.node.persistence.Persistence;
import io.oregrid.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies against the real PostgreSQL that leaderboards are snapshotted on the schedule and at a
 * window's rollover, that an older value never replaces a newer row, and that a past window stays
 * readable from the snapshots once the grid's entries are gone.
 */
class LeaderboardSnapshotterTest {
    private static final long DAY_21_NOON = Instant.parse("2026-11-21T12:00:00Z").toEpochMilli();
    private static final String DAY_21 = "daily:2026-11-21";

    private final TestDatabase db = new TestDatabase();
    private final TestHazelcastFactory factory = new TestHazelcastFactory();
    private final OreConfig config = OreConfig.defaults().with(db.nodeSettings(null,
            "CLUSTER_NAME", "snap-" + UUID.randomUUID(), "LEADERBOARD_SNAPSHOT_INTERVAL_S", "1"));
    private final AtomicLong now = new AtomicLong(Instant.parse("2026-11-21T23:59:00Z").toEpochMilli());
    private final GameClock clock = now::get;

    @AfterEach
    void tearDown() {
        factory.shutdownAll();
        db.close();
    }

    private static LeaderboardScore score(String window, String player, long score, long reachedAt, long events) {
        return new LeaderboardScore(window, player, score, reachedAt, events);
    }

    private static void put(IMap<String, LeaderboardScore> boards, LeaderboardScore s) {
        boards.put(s.mapKey(), s);
    }

    @Test
    void snapshotsOnScheduleAndAtRolloverAndServesPastWindowsFromThem() {
        HazelcastInstance hz = factory.newHazelcastInstance(GridConfigFactory.memberConfig(config));
        IMap<String, LeaderboardScore> boards = hz.getMap(GridMaps.LEADERBOARDS);
        put(boards, score(DAY_21, "p1", 50, DAY_21_NOON, 1));
        put(boards, score(DAY_21, "p2", 70, DAY_21_NOON + 1, 2));
        put(boards, score(DAY_21, "p3", 70, DAY_21_NOON + 2, 3)); // same score, reached later: ranks after p2
        put(boards, score("weekly:2026-W47", "p1", 50, DAY_21_NOON, 1));

        // The schedule (every 1 s here) writes the current windows.
        try (LeaderboardSnapshotter scheduled = new LeaderboardSnapshotter(hz,
                Persistence.of(hz).orElseThrow().dataSource(), clock, config.liveOps()).start(1)) {
            assertTrueEventually(() -> assertThat(db.queryLong(
                    "SELECT count(*) FROM leaderboard_snapshots WHERE window_key = '" + DAY_21 + "'")).isEqualTo(3), 20);
        }
        assertThat(db.queryLong("SELECT count(*) FROM leaderboard_snapshots WHERE window_key = 'weekly:2026-W47'"))
                .isEqualTo(1);
        assertThat(db.queryLong("SELECT rank FROM leaderboard_snapshots WHERE player_id = 'p3' AND window_key = '"
                + DAY_21 + "'")).isEqualTo(2);

        LeaderboardSnapshotter snapshotter = new LeaderboardSnapshotter(hz, Persistence.of(hz).orElseThrow().dataSource(),
                clock, config.liveOps());
        // p1 scores before midnight; the clock passes midnight: the ended day is written at rollover.
        put(boards, score(DAY_21, "p1", 150, DAY_21_NOON + 3, 2));
        assertThat(snapshotter.checkRollover()).isEmpty();
        now.set(Instant.parse("2026-11-22T00:00:01Z").toEpochMilli());
        assertThat(snapshotter.checkRollover()).containsExactly(DAY_21); // 21st→22nd is Sat→Sun: same ISO week
        assertThat(db.queryLong("SELECT score FROM leaderboard_snapshots WHERE player_id = 'p1' AND window_key = '"
                + DAY_21 + "'")).isEqualTo(150);
        assertThat(db.queryLong("SELECT rank FROM leaderboard_snapshots WHERE player_id = 'p1' AND window_key = '"
                + DAY_21 + "'")).isEqualTo(1);

        // A stale copy (fewer events) never replaces a newer row.
        put(boards, score(DAY_21, "p1", 50, DAY_21_NOON, 1));
        snapshotter.snapshot(DAY_21);
        assertThat(db.queryLong("SELECT score FROM leaderboard_snapshots WHERE player_id = 'p1' AND window_key = '"
                + DAY_21 + "'")).isEqualTo(150);

        // The grid forgets the window: the past day is read from PostgreSQL, the current one is empty.
        boards.clear();
        LeaderboardService service = new LeaderboardService(hz, clock, config.liveOps());
        LeaderboardService.Board past = service.at(LeaderboardWindows.Kind.DAILY, DAY_21_NOON, 100, "p3");
        assertThat(past.windowKey()).isEqualTo(DAY_21);
        assertThat(past.entries()).containsExactly(new LeaderboardService.Ranked(1, "p1", 150),
                new LeaderboardService.Ranked(2, "p2", 70), new LeaderboardService.Ranked(3, "p3", 70));
        assertThat(past.me()).isEqualTo(new LeaderboardService.Ranked(3, "p3", 70));
        assertThat(past.updatedAtMs()).isEqualTo(DAY_21_NOON + 3);
        assertThat(service.current(LeaderboardWindows.Kind.DAILY, 100, null).entries()).isEmpty();
        assertThat(service.current(LeaderboardWindows.Kind.DAILY, 100, null).windowKey()).isEqualTo("daily:2026-11-22");
        assertThat(service.at(LeaderboardWindows.Kind.DAILY, DAY_21_NOON - 86_400_000L, 10, null).entries()).isEmpty();
        assertThat(List.of(past.season())).isEqualTo(List.of(service.current(LeaderboardWindows.Kind.DAILY, 1, null).season()));
    }
}
