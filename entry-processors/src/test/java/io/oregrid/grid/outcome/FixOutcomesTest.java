package io.oregrid.grid.outcome;

import io.oregrid.grid.motion.AntiCheatRules;
import io.oregrid.grid.motion.Fix;
import io.oregrid.grid.motion.MotionLimits;
import io.oregrid.grid.motion.PlayerMotion;
import io.oregrid.grid.motion.UpdateMotionProcessor;
import org.junit.jupiter.api.Test;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write of a motion entry, as its journal would carry it (old value, new value): exactly the
 * accepted fixes become outcomes, once each, with ids that follow the count.
 */
class FixOutcomesTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final MotionLimits LIMITS = new MotionLimits(60, 3, 10, 30_000);

    /** Runs {@code fix} and returns the outcome of the write it made, as the journal's reader would. */
    private static GridOutcome write(Map.Entry<String, PlayerMotion> e, Fix fix, long now) {
        PlayerMotion before = e.getValue();
        new UpdateMotionProcessor(fix, now, AntiCheatRules.defaults(), 15, LIMITS).process(e);
        return e.getValue() == before ? null : FixOutcomes.of(before, e.getValue());
    }

    @Test
    void onlyAcceptedFixesAreOutcomesEachOnce() {
        Map.Entry<String, PlayerMotion> e = new AbstractMap.SimpleEntry<>("p1", null);
        List<GridOutcome> out = new ArrayList<>();
        Fix first = new Fix(-10.9393, -37.0627, 8, NOW, null, null);
        out.add(write(e, first, NOW));
        out.add(write(e, first, NOW + 1000));                                             // replay
        out.add(write(e, new Fix(-10.0, -37.0627, 8, NOW + 2000, null, null), NOW + 2000)); // teleport: refused
        out.add(write(e, new Fix(-10.9392, -37.0627, 8, NOW + 3000, null, null), NOW + 3000)); // no token left
        out.add(write(e, new Fix(-10.9392, -37.0627, 8, NOW + 40_000, null, null), NOW + 40_000));
        assertThat(out).filteredOn(o -> o != null).extracting(GridOutcome::eventId)
                .containsExactly("fix:p1:1", "fix:p1:2");
        assertThat(out.get(0).type()).isEqualTo(OutcomeType.FIX);
        assertThat(out.get(0).atMs()).isEqualTo(NOW);
        assertThat(FixOutcomes.of(e.getValue(), null)).as("a removal is no fix").isNull();
    }
}
