package io.oregrid.jet.leaderboard;

import com.hazelcast.client.test.TestHazelcastFactory;
import com.hazelcast.config.Config;
import com.hazelcast.config.EventJournalConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.config.ProcessingGuarantee;
import com.hazelcast.map.IMap;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.GridSerialization;
import io.oregrid.grid.leaderboard.LeaderboardScore;
import io.oregrid.grid.liveops.EventKey;
import io.oregrid.grid.liveops.GameEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static com.hazelcast.test.HazelcastTestSupport.randomName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Verifies the leaderboard job on a real journal: sums per player and window, ties, window boundaries, replays. */
class LeaderboardPipelineTest {
    private static final LeaderboardWindows WINDOWS = new LeaderboardWindows(LocalDate.of(2025, 1, 1), 90);

    private final TestHazelcastFactory factory = new TestHazelcastFactory();
    private HazelcastInstance member;
    private IMap<EventKey, GameEvent> events;
    private IMap<String, LeaderboardScore> boards;

    @BeforeEach
    void start() {
        Config config = new Config().setClusterName(randomName());
        config.getJetConfig().setEnabled(true);
        config.addMapConfig(new MapConfig(GridMaps.LIVEOPS_EVENTS)
                .setEventJournalConfig(new EventJournalConfig().setEnabled(true).setCapacity(100_000)));
        GridSerialization.apply(config.getSerializationConfig());
        member = factory.newHazelcastInstance(config);
        events = member.getMap(GridMaps.LIVEOPS_EVENTS);
        boards = member.getMap(GridMaps.LEADERBOARDS);
    }

    @AfterEach
    void stop() {
        factory.shutdownAll();
    }

    private void submit() {
        member.getJet().newJobIfAbsent(LeaderboardPipeline.build(LeaderboardPipeline.journal(), WINDOWS),
                new JobConfig().setName(LeaderboardPipeline.JOB_NAME)
                        .setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE).setSnapshotIntervalMillis(500));
    }

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private void accept(String eventId, String player, long points, long atMs) {
        events.putIfAbsent(new EventKey(player, eventId),
                new GameEvent(eventId, player, "progression", atMs / 1000, atMs, points, points, "{}"));
    }

    private List<LeaderboardScore> ranked(String window) {
        return boards.values().stream().filter(s -> s.window().equals(window))
                .sorted(Comparator.comparingLong(LeaderboardScore::score).reversed()
                        .thenComparingLong(LeaderboardScore::reachedAtMs).thenComparing(LeaderboardScore::playerId))
                .toList();
    }

    @Test
    void scoresSumPerPlayerAndTiesGoToTheEarlierAchiever() {
        long t = at("2026-11-18T10:00:00Z"); // a Wednesday
        accept("e1", "zed", 100, t);
        accept("e2", "amy", 60, t + 1000);
        accept("e3", "bob", 30, t + 2000);
        submit(); // events before the job are read too: the journal is read from its oldest entry
        accept("e4", "amy", 40, t + 3000); // amy reaches 100 after zed did
        accept("e5", "bob", 10, t + 4000);
        accept("e5", "bob", 10, t + 4000); // the same event again is not a new journal entry
        String day = WINDOWS.of(LeaderboardWindows.Kind.DAILY, t).key();
        assertTrueEventually(() -> assertThat(ranked(day)).extracting(LeaderboardScore::playerId, LeaderboardScore::score)
                .containsExactly(tuple("zed", 100L), tuple("amy", 100L),
                        tuple("bob", 40L)), 30);
        assertThat(ranked("weekly:2026-W47")).extracting(LeaderboardScore::score).containsExactly(100L, 100L, 40L);
        assertThat(ranked("seasonal:8")).hasSize(3);
        assertThat(boards.get(LeaderboardScore.mapKey(day, "amy")).reachedAtMs()).isEqualTo(t + 3000);
    }

    @Test
    void eventsAroundUtcMidnightLandInTwoDaysOfTheSameWeek() {
        long midnight = at("2026-11-19T00:00:00Z"); // Thursday
        accept("before", "amy", 7, midnight - 1);
        accept("after", "amy", 5, midnight);
        submit();
        assertTrueEventually(() -> {
            assertThat(boards.get("daily:2026-11-18|amy")).extracting(LeaderboardScore::score).isEqualTo(7L);
            assertThat(boards.get("daily:2026-11-19|amy")).extracting(LeaderboardScore::score).isEqualTo(5L);
            assertThat(boards.get("weekly:2026-W47|amy")).extracting(LeaderboardScore::score).isEqualTo(12L);
        }, 30);
    }

    @Test
    void mondayMidnightStartsANewIsoWeekAndSeasonsFollowTheirStart() {
        long monday = at("2026-11-23T00:00:00Z");
        assertThat(WINDOWS.of(LeaderboardWindows.Kind.WEEKLY, monday - 1).key()).isEqualTo("weekly:2026-W47");
        assertThat(WINDOWS.of(LeaderboardWindows.Kind.WEEKLY, monday).key()).isEqualTo("weekly:2026-W48");
        assertThat(WINDOWS.of(LeaderboardWindows.Kind.WEEKLY, at("2027-01-01T12:00:00Z")).key()).isEqualTo("weekly:2026-W53");
        assertThat(WINDOWS.season(at("2025-01-01T00:00:00Z"))).isEqualTo(1);
        assertThat(WINDOWS.season(at("2025-03-31T23:59:59Z"))).isEqualTo(1); // day 90
        assertThat(WINDOWS.season(at("2025-04-01T00:00:00Z"))).isEqualTo(2);
        assertThat(WINDOWS.season(at("2024-12-31T23:59:59Z"))).isEqualTo(0);
    }

    @Test
    void aRestartedJobReplaysTheJournalWithoutCountingTwice() throws Exception {
        long t = at("2026-11-18T10:00:00Z");
        for (int i = 0; i < 50; i++) {
            accept("a" + i, "p" + (i % 5), i, t + i);
        }
        submit();
        assertTrueEventually(() -> assertThat(boards.get("daily:2026-11-18|p4")).extracting(LeaderboardScore::events)
                .isEqualTo(10L), 30);
        member.getJet().getJob(LeaderboardPipeline.JOB_NAME).cancel();
        assertTrueEventually(() -> assertThat(member.getJet().getJob(LeaderboardPipeline.JOB_NAME).getStatus().isTerminal())
                .isTrue(), 30);
        submit(); // a new job replays the whole journal
        accept("late", "p0", 1000, t + 100);
        assertTrueEventually(() -> assertThat(boards.get("daily:2026-11-18|p0")).extracting(LeaderboardScore::score)
                .isEqualTo(0L + 5 + 10 + 15 + 20 + 25 + 30 + 35 + 40 + 45 + 1000), 30);
        for (int p = 1; p < 5; p++) {
            long expected = 0;
            for (int i = p; i < 50; i += 5) {
                expected += i;
            }
            assertThat(boards.get("daily:2026-11-18|p" + p).score()).isEqualTo(expected);
        }
    }
}
