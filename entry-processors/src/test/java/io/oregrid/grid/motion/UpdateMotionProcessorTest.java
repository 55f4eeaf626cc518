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

    /** Limits that never refuse; presence refreshed every 10 m or 30 s. */
    private static final MotionLimits OPEN = new MotionLimits(1_000_000, 100_000, 10, 30_000);

    private static MotionResult run(Map.Entry<String, PlayerMotion> e, Fix f, long now) {
        return run(e, f, now, OPEN);
    }

    private static MotionResult run(Map.Entry<String, PlayerMotion> e, Fix f, long now, MotionLimits limits) {
        return new UpdateMotionProcessor(f, now, AntiCheatRules.defaults(), LEVEL, limits).process(e);
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
        assertThat(again.presenceDue()).as("a retry re-sends the idempotent tail").isTrue();
        assertThat(e.getValue().withLimits(after.requests(), after.locations())).as("only the limits moved")
                .usingRecursiveComparison().isEqualTo(after);
    }

    @Test
    void theLocationLimitRefusesBeyondItsRateAndSaysWhenToRetry() {
        Map.Entry<String, PlayerMotion> e = new AbstractMap.SimpleEntry<>("p1", null);
        MotionLimits twoPerMinute = new MotionLimits(60, 2, 10, 30_000);
        assertThat(run(e, new Fix(-10.9393, -37.0627, 8, NOW, null, null), NOW, twoPerMinute).accepted()).isTrue();
        assertThat(run(e, new Fix(-10.9393, -37.0626, 8, NOW + 1000, null, null), NOW + 1000, twoPerMinute).accepted()).isTrue();
        PlayerMotion before = e.getValue();
        MotionResult third = run(e, new Fix(-10.9393, -37.0625, 8, NOW + 2000, null, null), NOW + 2000, twoPerMinute);
        assertThat(third.outcome()).isEqualTo(MotionResult.Outcome.LOCATION_LIMITED);
        assertThat(third.retryAfterMs()).isBetween(28_000L, 30_000L);
        assertThat(e.getValue().lastFix()).as("the fix was not judged").isEqualTo(before.lastFix());
        assertThat(e.getValue().requests().available(NOW + 2000, 60)).as("the request token was taken")
                .isLessThan(before.requests().available(NOW + 2000, 60));
        assertThat(run(e, new Fix(-10.9393, -37.0625, 8, NOW + 32_000, null, null), NOW + 32_000, twoPerMinute).outcome())
                .as("refilled at 2 per minute").isEqualTo(MotionResult.Outcome.ACCEPTED);
    }

    @Test
    void thePerUserLimitRefusesFirstAndZeroMeansNotCounted() {
        Map.Entry<String, PlayerMotion> e = new AbstractMap.SimpleEntry<>("p1", null);
        MotionLimits onePerMinute = new MotionLimits(1, 100, 10, 30_000);
        run(e, new Fix(-10.9393, -37.0627, 8, NOW, null, null), NOW, onePerMinute);
        MotionResult second = run(e, new Fix(-10.9393, -37.0626, 8, NOW + 1000, null, null), NOW + 1000, onePerMinute);
        assertThat(second.outcome()).isEqualTo(MotionResult.Outcome.REQUEST_LIMITED);
        assertThat(second.retryAfterMs()).isBetween(58_000L, 60_000L);
        assertThat(run(e, new Fix(-10.9393, -37.0626, 8, NOW + 1000, null, null), NOW + 1000,
                onePerMinute.withRequestsPerMinute(0)).outcome()).isEqualTo(MotionResult.Outcome.ACCEPTED);
    }

    @Test
    void presenceIsDueOnANewCellAfterTenMetresOrThirtySeconds() {
        Map.Entry<String, PlayerMotion> e = new AbstractMap.SimpleEntry<>("p1", null);
        assertThat(run(e, new Fix(-10.9393, -37.0627, 8, NOW, null, null), NOW).presenceDue()).as("first fix").isTrue();
        assertThat(run(e, new Fix(-10.93931, -37.0627, 8, NOW + 1000, null, null), NOW + 1000).presenceDue())
                .as("1 m later").isFalse();
        assertThat(run(e, new Fix(-10.93940, -37.0627, 8, NOW + 10_000, null, null), NOW + 10_000).presenceDue())
                .as("about 11 m from the written presence").isTrue();
        assertThat(run(e, new Fix(-10.93941, -37.0627, 8, NOW + 20_000, null, null), NOW + 20_000).presenceDue()).isFalse();
        assertThat(run(e, new Fix(-10.93941, -37.0627, 8, NOW + 40_000, null, null), NOW + 40_000).presenceDue())
                .as("30 s after the written presence").isTrue();
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
