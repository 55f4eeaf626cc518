package io.oregrid.grid.motion;

import org.junit.jupiter.api.Test;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link AppendHistoryBatchProcessor}: each player gets only their fixes, oldest first, bounded, once. */
class AppendHistoryBatchProcessorTest {

    private static HistoryFix at(long t) {
        return new HistoryFix(1, 2, 5, t, "cell");
    }

    @Test
    void eachPlayerGetsTheirOwnFixesInTimeOrderAndARerunAddsNothing() {
        AppendHistoryBatchProcessor batch = new AppendHistoryBatchProcessor(new String[]{"a", "a", "a", "b"},
                new HistoryFix[]{at(3), at(1), at(2), at(9)}, 2);
        Map.Entry<String, LocationHistory> a = new AbstractMap.SimpleEntry<>("a", null);
        Map.Entry<String, LocationHistory> b = new AbstractMap.SimpleEntry<>("b", new LocationHistory("b",
                new HistoryFix[]{at(8)}));
        Map.Entry<String, LocationHistory> c = new AbstractMap.SimpleEntry<>("c", null);
        assertThat(batch.process(a)).isEqualTo(3);
        assertThat(batch.process(b)).isEqualTo(1);
        assertThat(batch.process(c)).isZero();
        assertThat(times(a)).as("bounded to 2, newest kept").containsExactly(2L, 3L);
        assertThat(times(b)).containsExactly(8L, 9L);
        assertThat(c.getValue()).as("a key without fixes is not written").isNull();
        assertThat(batch.process(a)).as("re-run (retry, backup)").isZero();
        assertThat(times(a)).containsExactly(2L, 3L);
    }

    @Test
    void unsortedOrUnpairedArraysAreRefused() {
        assertThatThrownBy(() -> new AppendHistoryBatchProcessor(new String[]{"b", "a"}, new HistoryFix[]{at(1), at(2)}, 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AppendHistoryBatchProcessor(new String[]{"a"}, new HistoryFix[0], 5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static long[] times(Map.Entry<String, LocationHistory> e) {
        return Arrays.stream(e.getValue().fixes()).mapToLong(HistoryFix::timestampMs).toArray();
    }
}
