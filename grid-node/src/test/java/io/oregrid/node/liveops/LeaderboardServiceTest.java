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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Verifies {@link LeaderboardService}'s reads of the current window: ranks (with ties decided by
 * the earlier achiever, then the player id) equal a plain sort of every entry for the top rows and
 * a player's own rank; the node's shared ranking is served for its max age and then replaced, never
 * older than twice that; with a max age of 0 every read sees the grid; and readers racing a stream
 * of updates always get a well-formed board.
 */
class LeaderboardServiceTest {
    private static final long NOON = Instant.parse("2026-11-21T12:00:00Z").toEpochMilli();

    private final TestHazelcastFactory factory = new TestHazelcastFactory();
    private final GameClock clock = () -> NOON;

    @AfterEach
    void stop() {
        factory.shutdownAll();
    }

    private OreConfig config(long maxAgeMs) {
        return OreConfig.defaults().with(Map.of("CLUSTER_NAME", "lbs-" + UUID.randomUUID(),
                "LEADERBOARD_MAX_AGE_MS", Long.toString(maxAgeMs)));
    }

    /** @return the current daily window's key, read by an uncached reader so no test's shared ranking starts early */
    private String today(HazelcastInstance hz) {
        return new LeaderboardService(hz, clock, config(0).liveOps()).current(LeaderboardWindows.Kind.DAILY, 1, null)
                .windowKey();
    }

    private static void put(IMap<String, LeaderboardScore> boards, String window, String player, long score, long at) {
        LeaderboardScore s = new LeaderboardScore(window, player, score, at, 1);
        boards.put(s.mapKey(), s);
    }

    @Test
    void ranksAsASortOfEveryEntryWithTiesBrokenByTimeThenPlayer() {
        OreConfig config = config(1_000);
        HazelcastInstance hz = factory.newHazelcastInstance(GridConfigFactory.memberConfig(config));
        LeaderboardService service = new LeaderboardService(hz, clock, config.liveOps());
        String day = today(hz);

        IMap<String, LeaderboardScore> boards = hz.getMap(GridMaps.LEADERBOARDS);
        Random random = new Random(7);
        Map<String, LeaderboardScore> batch = new HashMap<>();
        for (int i = 0; i < 3_000; i++) {
            // scores 0-49 and 5 distinct times: most entries tie on score, many on score and time
            LeaderboardScore s = new LeaderboardScore(day, "p" + i, random.nextInt(50), NOON - random.nextInt(5), 1);
            batch.put(s.mapKey(), s);
            LeaderboardScore otherDay = new LeaderboardScore("daily:2026-11-20", "p" + i, 1_000 + i, NOON, 1);
            batch.put(otherDay.mapKey(), otherDay); // outranks everyone, in another window: never shown
        }
        boards.putAll(batch);
        List<LeaderboardScore> sorted = new ArrayList<>(batch.values().stream().filter(s -> s.window().equals(day)).toList());
        sorted.sort((a, b) -> a.score() != b.score() ? Long.compare(b.score(), a.score())
                : a.reachedAtMs() != b.reachedAtMs() ? Long.compare(a.reachedAtMs(), b.reachedAtMs())
                : a.playerId().compareTo(b.playerId()));

        for (int limit : new int[]{1, 7, 100}) {
            for (int at : new int[]{0, 1_500, 2_999, -1}) {
                String player = at < 0 ? "nobody" : sorted.get(at).playerId();
                LeaderboardService.Board board = service.current(LeaderboardWindows.Kind.DAILY, limit, player);
                List<LeaderboardService.Ranked> expected = new ArrayList<>();
                for (int i = 0; i < limit; i++) {
                    expected.add(new LeaderboardService.Ranked(i + 1, sorted.get(i).playerId(), sorted.get(i).score()));
                }
                assertThat(board.entries()).containsExactlyElementsOf(expected);
                assertThat(board.me()).isEqualTo(at < 0 ? null
                        : new LeaderboardService.Ranked(at + 1, player, sorted.get(at).score()));
                assertThat(board.updatedAtMs()).isEqualTo(NOON);
            }
        }
        assertThatThrownBy(() -> service.current(LeaderboardWindows.Kind.DAILY, 0, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.current(LeaderboardWindows.Kind.DAILY, 101, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRankingIsSharedForItsMaxAgeThenReplaced() {
        OreConfig config = config(60_000);
        HazelcastInstance hz = factory.newHazelcastInstance(GridConfigFactory.memberConfig(config));
        LeaderboardService cached = new LeaderboardService(hz, clock, config.liveOps());
        LeaderboardService direct = new LeaderboardService(hz, clock, config(0).liveOps());
        LeaderboardService fast = new LeaderboardService(hz, clock, config(200).liveOps());
        String day = today(hz);
        IMap<String, LeaderboardScore> boards = hz.getMap(GridMaps.LEADERBOARDS);
        put(boards, day, "p1", 10, NOON);

        assertThat(cached.current(LeaderboardWindows.Kind.DAILY, 10, "p2").entries()).hasSize(1);
        assertThat(fast.current(LeaderboardWindows.Kind.DAILY, 10, "p2").entries()).hasSize(1);
        put(boards, day, "p2", 20, NOON + 1);

        // within its max age the shared ranking is served as it was
        LeaderboardService.Board stale = cached.current(LeaderboardWindows.Kind.DAILY, 10, "p2");
        assertThat(stale.entries()).containsExactly(new LeaderboardService.Ranked(1, "p1", 10));
        assertThat(stale.me()).isNull();
        // max age 0: every read ranks the grid
        assertThat(direct.current(LeaderboardWindows.Kind.DAILY, 10, "p2").me())
                .isEqualTo(new LeaderboardService.Ranked(1, "p2", 20));
        // max age 200 ms: the new score shows within twice that (the test allows more for a slow machine)
        assertTrueEventually(() -> assertThat(fast.current(LeaderboardWindows.Kind.DAILY, 10, "p2").me())
                .isEqualTo(new LeaderboardService.Ranked(1, "p2", 20)), 5);
    }

    @Test
    void readersRacingUpdatesAlwaysGetAWellFormedBoard() throws Exception {
        OreConfig config = config(20);
        HazelcastInstance hz = factory.newHazelcastInstance(GridConfigFactory.memberConfig(config));
        LeaderboardService service = new LeaderboardService(hz, clock, config.liveOps());
        String day = today(hz); // the shared ranking is first built once all 500 are in
        IMap<String, LeaderboardScore> boards = hz.getMap(GridMaps.LEADERBOARDS);
        for (int i = 0; i < 500; i++) {
            put(boards, day, "p" + i, i, NOON);
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(9);
        CountDownLatch readersDone = new CountDownLatch(8);
        pool.submit(() -> {
            long n = 0;
            while (writing.get()) {
                int p = (int) (n++ % 500);
                put(boards, day, "p" + p, 500 + n, NOON + n);
            }
        });
        for (int r = 0; r < 8; r++) {
            pool.submit(() -> {
                try {
                    for (int i = 0; i < 300; i++) {
                        LeaderboardService.Board b = service.current(LeaderboardWindows.Kind.DAILY, 100, "p7");
                        assertThat(b.entries()).hasSize(100);
                        for (int k = 0; k < b.entries().size(); k++) {
                            assertThat(b.entries().get(k).rank()).isEqualTo(k + 1);
                            if (k > 0) {
                                assertThat(b.entries().get(k).score()).isLessThanOrEqualTo(b.entries().get(k - 1).score());
                            }
                        }
                        assertThat(b.me()).isNotNull();
                        assertThat(b.me().playerId()).isEqualTo("p7");
                    }
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    readersDone.countDown();
                }
            });
        }
        assertThat(readersDone.await(60, TimeUnit.SECONDS)).isTrue();
        writing.set(false);
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(failures).isEmpty();
    }
}
