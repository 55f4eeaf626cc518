package io.oregrid.grid.leaderboard;

import org.junit.jupiter.api.Test;

import java.util.AbstractMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies that a stored window total only moves forward, so replayed totals change nothing. */
class RecordScoreProcessorTest {

    @Test
    void keepsTheTotalThatCountedMoreEvents() {
        Map.Entry<String, LeaderboardScore> entry = new AbstractMap.SimpleEntry<>("daily:2026-11-22|p", null);
        LeaderboardScore two = new LeaderboardScore("daily:2026-11-22", "p", 30, 2000, 2);
        LeaderboardScore one = new LeaderboardScore("daily:2026-11-22", "p", 10, 1000, 1);
        assertThat(new RecordScoreProcessor(two).process(entry)).isTrue();
        assertThat(new RecordScoreProcessor(one).process(entry)).isFalse();
        assertThat(new RecordScoreProcessor(two).process(entry)).isFalse();
        assertThat(entry.getValue()).isEqualTo(two);
        assertThat(two.mapKey()).isEqualTo("daily:2026-11-22|p");
    }
}
