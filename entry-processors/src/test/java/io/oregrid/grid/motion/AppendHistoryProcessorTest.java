package io.oregrid.grid.motion;

import org.junit.jupiter.api.Test;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies that history keeps the newest fixes in order, bounded, and ignores repeats. */
class AppendHistoryProcessorTest {

    private static HistoryFix at(long t) {
        return new HistoryFix(1, 2, 5, t, "cell");
    }

    @Test
    void keepsTheNewestInOrderAndIgnoresRepeats() {
        Map.Entry<String, LocationHistory> e = new AbstractMap.SimpleEntry<>("p1", null);
        for (long t = 1; t <= 5; t++) {
            assertThat(new AppendHistoryProcessor(at(t), 3).process(e)).isTrue();
        }
        assertThat(new AppendHistoryProcessor(at(5), 3).process(e)).as("repeat").isFalse();
        assertThat(new AppendHistoryProcessor(at(4), 3).process(e)).as("older").isFalse();
        assertThat(Arrays.stream(e.getValue().fixes()).mapToLong(HistoryFix::timestampMs)).containsExactly(3L, 4L, 5L);
    }
}
