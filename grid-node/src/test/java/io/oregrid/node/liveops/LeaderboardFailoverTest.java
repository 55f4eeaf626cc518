package io.oregrid.node.liveops;

import com.hazelcast.client.test.TestHazelcastFactory;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.map.IMap;
import io.oregrid.grid.GridMaps;
import io.oregrid.grid.leaderboard.LeaderboardScore;
import io.oregrid.grid.liveops.EventKey;
import io.oregrid.grid.liveops.GameEvent;
import io.oregrid.node.GridConfigFactory;
import io.oregrid.node.config.OreConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies that the leaderboard job runs once per cluster and that a member killed while 10,000
 * events stream in neither loses nor double-counts one: every score equals its player's sum.
 */
class LeaderboardFailoverTest {
    private static final int EVENTS = 10_000;
    private static final int PLAYERS = 50;

    private final TestHazelcastFactory factory = new TestHazelcastFactory();
    private final OreConfig config = OreConfig.defaults().with(Map.of("CLUSTER_NAME", "lb-" + UUID.randomUUID()));

    @AfterEach
    void stop() {
        factory.shutdownAll();
    }

    @Test
    void aMemberKilledMidStreamNeitherLosesNorDoubleCountsAnEvent() {
        HazelcastInstance[] members = new HazelcastInstance[3];
        for (int i = 0; i < 3; i++) {
            members[i] = factory.newHazelcastInstance(GridConfigFactory.memberConfig(config));
        }
        assertClusterSizeEventually(3, members[0]);
        Job[] jobs = new Job[3];
        for (int i = 0; i < 3; i++) {
            jobs[i] = LeaderboardJob.submit(members[i], config.liveOps(), 1_000);
        }
        assertThat(jobs[1].getId()).isEqualTo(jobs[0].getId());
        assertThat(jobs[2].getId()).isEqualTo(jobs[0].getId());

        IMap<EventKey, GameEvent> stream = members[0].getMap(GridMaps.LIVEOPS_EVENTS);
        long t = Instant.parse("2026-11-18T10:00:00Z").toEpochMilli();
        long[] sums = new long[PLAYERS];
        long[] counts = new long[PLAYERS];
        for (int i = 0; i < EVENTS; i++) {
            if (i == EVENTS / 3) {
                members[2].getLifecycleService().terminate(); // no graceful migration: backups take over
            }
            int p = i % PLAYERS;
            long points = 1 + (i * 7L) % 97;
            String id = "ev-" + i;
            stream.putIfAbsent(new EventKey("p" + p, id),
                    new GameEvent(id, "p" + p, "progression", t / 1000, t + i, points, points, "{}"));
            sums[p] += points;
            counts[p]++;
        }

        IMap<String, LeaderboardScore> boards = members[0].getMap(GridMaps.LEADERBOARDS);
        assertTrueEventually(() -> {
            for (int p = 0; p < PLAYERS; p++) {
                for (String window : new String[]{"daily:2026-11-18", "weekly:2026-W47"}) {
                    LeaderboardScore s = boards.get(LeaderboardScore.mapKey(window, "p" + p));
                    assertThat(s).as(window + " p" + p).isNotNull();
                    assertThat(s.events()).as(window + " p" + p + " events").isEqualTo(counts[p]);
                    assertThat(s.score()).as(window + " p" + p + " score").isEqualTo(sums[p]);
                }
            }
        }, 120);
    }
}
