package io.oregrid.grid.motion;

import io.oregrid.grid.support.Geo;
import org.junit.jupiter.api.Test;

import java.util.AbstractMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies that the motion processor decides and records atomically, and that repeats change nothing. */
class UpdateMotionProcessorTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final int LEVEL = 15;

    private static MotionResult run(Map.Entry<String, PlayerMotion> e, Fix f, long now) {
        return new UpdateMotionProcessor(f, now, AntiCheatRules.defaults(), LEVEL).process(e);
    }

    @Test
    void acceptedFixIsRecordedWithItsCell() {
        Map.Entry<String, PlayerMotion> e = new AbstractMap.SimpleEntry<>("p1", null);
        Fix f = new Fix(-10.9393, -37.0627, 8, NOW, null, null);
        MotionResult r = run(e, f, NOW);
        assertThat(r.outcome()).isEqualTo(MotionResult.Outcome.ACCEPTED);
        assertThat(r.cellToken()).isEqualTo(Geo.cellToken(-10.9393, -37.0627, LEVEL));
        assertThat(e.getValue().lastFix()).isEqualTo(f);
        assertThat(e.getValue().acceptedFixes()).isEqualTo(1);
    }

    @Test
    void identicalFixIsAnIdempotentReplay() {
        Map.Entry<String, PlayerMotion> e = new AbstractMap.SimpleEntry<>("p1", null);
        Fix f = new Fix(-10.9393, -37.0627, 8, NOW, null, null);
        run(e, f, NOW);
        PlayerMotion after = e.getValue();
        MotionResult again = run(e, f, NOW + 5000);
        assertThat(again.outcome()).isEqualTo(MotionResult.Outcome.REPLAY);
        assertThat(again.accepted()).isTrue();
        assertThat(e.getValue()).isSameAs(after);
    }

    @Test
    void refusalChangesOnlyViolationCountersAndCountsARerunOnce() {
        Map.Entry<String, PlayerMotion> e = new AbstractMap.SimpleEntry<>("p1", null);
        Fix first = new Fix(-10.9393, -37.0627, 8, NOW - 10_000, null, null);
        run(e, first, NOW);
        Fix teleport = new Fix(-10.0, -37.0627, 8, NOW, null, null);
        MotionResult r = run(e, teleport, NOW);
        assertThat(r.outcome()).isEqualTo(MotionResult.Outcome.REFUSED);
        assertThat(r.verdict().reason()).isEqualTo(MovementReason.SPEED_EXCEEDED);
        PlayerMotion afterRefusal = e.getValue();
        assertThat(afterRefusal.lastFix()).isEqualTo(first);
        assertThat(afterRefusal.violations(MovementReason.SPEED_EXCEEDED)).isEqualTo(1);
        assertThat(afterRefusal.reputation()).isEqualTo(PlayerMotion.MAX_REPUTATION - PlayerMotion.REFUSAL_PENALTY);
        run(e, teleport, NOW);
        assertThat(e.getValue().violations(MovementReason.SPEED_EXCEEDED)).as("re-run counted once").isEqualTo(1);
    }
}
