package io.oregrid.grid.motion;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Verifies each SPEC "Location" rule on synthetic fixes, and the order in which they are checked. */
class AntiCheatTest {
    private static final AntiCheatRules RULES = AntiCheatRules.defaults();
    private static final long NOW = 1_700_000_000_000L;
    // 0.001 degree of latitude ≈ 111.2 m
    private static final double LAT = -10.9393, LNG = -37.0627;

    private static Fix fix(double dLat, long tMs, double acc) {
        return new Fix(LAT + dLat, LNG, acc, tMs, null, null);
    }

    @Test
    void firstFixWithinLimitsIsAccepted() {
        Verdict v = AntiCheat.judge(null, 0, fix(0, NOW - 1000, 10), NOW, RULES);
        assertThat(v.isAccepted()).isTrue();
    }

    @Test
    void futureTimestampBeyondSkewIsRefused() {
        Verdict v = AntiCheat.judge(null, 0, fix(0, NOW + 30_001, 10), NOW, RULES);
        assertThat(v.reason()).isEqualTo(MovementReason.TIMESTAMP_IN_FUTURE);
        assertThat(AntiCheat.judge(null, 0, fix(0, NOW + 30_000, 10), NOW, RULES).isAccepted()).isTrue();
    }

    @Test
    void olderThanLastAcceptedIsNotMonotonic() {
        Fix last = fix(0, NOW - 10_000, 10);
        assertThat(AntiCheat.judge(last, 0, fix(0, NOW - 20_000, 10), NOW, RULES).reason())
                .isEqualTo(MovementReason.TIMESTAMP_NOT_MONOTONIC);
        assertThat(AntiCheat.judge(last, 0, fix(0.0001, NOW - 10_000, 10), NOW, RULES).reason())
                .as("same time, other place").isEqualTo(MovementReason.TIMESTAMP_NOT_MONOTONIC);
    }

    @Test
    void fixOlderThanMaxAgeIsRefused() {
        Verdict v = AntiCheat.judge(null, 0, fix(0, NOW - 120_001, 10), NOW, RULES);
        assertThat(v.reason()).isEqualTo(MovementReason.FIX_TOO_OLD);
        assertThat(v.measured()).isEqualTo(120_001);
        assertThat(AntiCheat.judge(null, 0, fix(0, NOW - 120_000, 10), NOW, RULES).isAccepted()).isTrue();
    }

    @Test
    void poorAccuracyIsRefused() {
        assertThat(AntiCheat.judge(null, 0, fix(0, NOW, 100.5), NOW, RULES).reason())
                .isEqualTo(MovementReason.ACCURACY_TOO_LOW);
        assertThat(AntiCheat.judge(null, 0, fix(0, NOW, 100), NOW, RULES).isAccepted()).isTrue();
    }

    @Test
    void derivedSpeedAboveLimitIsRefused() {
        Fix last = fix(0, NOW - 10_000, 10);
        // 0.004° ≈ 445 m in 10 s = 44.5 m/s > 41.67 m/s (150 km/h)
        Verdict v = AntiCheat.judge(last, 0, fix(0.004, NOW, 10), NOW, RULES);
        assertThat(v.reason()).isEqualTo(MovementReason.SPEED_EXCEEDED);
        assertThat(v.measured()).isCloseTo(44.5, within(0.5));
        assertThat(v.limit()).isCloseTo(41.67, within(0.01));
    }

    @Test
    void reportedSpeedIsEvidenceThatCanOnlyRefuse() {
        Fix last = fix(0, NOW - 10_000, 10);
        Fix slowButClaimsFast = new Fix(LAT + 0.0001, LNG, 10, NOW, 50.0, null);
        assertThat(AntiCheat.judge(last, 0, slowButClaimsFast, NOW, RULES).reason()).isEqualTo(MovementReason.SPEED_EXCEEDED);
        Fix fastButClaimsSlow = new Fix(LAT + 0.004, LNG, 10, NOW, 1.0, null);
        assertThat(AntiCheat.judge(last, 0, fastButClaimsSlow, NOW, RULES).reason()).isEqualTo(MovementReason.SPEED_EXCEEDED);
    }

    @Test
    void sameInstantElsewhereIsATeleport() {
        // same timestamp, different place is caught as non-monotonic first (SPEC order)
        Fix last = fix(0, NOW - 1000, 10);
        Fix jump = new Fix(LAT + 1, LNG, 10, NOW - 1000, null, null);
        assertThat(AntiCheat.judge(last, 0, jump, NOW, RULES).reason()).isEqualTo(MovementReason.TIMESTAMP_NOT_MONOTONIC);
    }

    @Test
    void accelerationNeedsShortGapsOrClientSpeed() {
        // last segment 0 m/s; now 30 m/s after 1 s → 30 m/s² > 20
        Fix last = fix(0, NOW - 1000, 5);
        Fix next = new Fix(LAT + 0.00027, LNG, 5, NOW, null, null); // ≈ 30 m in 1 s
        Verdict v = AntiCheat.judge(last, 0, next, NOW, RULES);
        assertThat(v.reason()).isEqualTo(MovementReason.ACCELERATION_EXCEEDED);
        assertThat(v.measured()).isCloseTo(30, within(1.0));
        // the same speed change over 2 s is 15 m/s²: accepted
        Fix slower = new Fix(LAT + 0.00054, LNG, 5, NOW, null, null);
        assertThat(AntiCheat.judge(fix(0, NOW - 2000, 5), 15, slower, NOW, RULES).isAccepted()).isTrue();
        // client-reported speed: was 0, claims 35 m/s two seconds later → 17.5 m/s²: accepted; 3 s at 41 → fine
        Fix claimed = new Fix(LAT, LNG, 5, NOW, 41.0, null);
        assertThat(AntiCheat.judge(fix(0, NOW - 1000, 5), 0, claimed, NOW, RULES).reason())
                .isEqualTo(MovementReason.ACCELERATION_EXCEEDED);
    }

    @Test
    void rulesAreCheckedInSpecOrder() {
        Fix last = fix(0, NOW - 10_000, 10);
        // too old AND bad accuracy AND fast → FIX_TOO_OLD is reported
        Fix bad = new Fix(LAT + 1, LNG, 500, NOW - 200_000, null, null);
        assertThat(AntiCheat.judge(null, 0, bad, NOW, RULES).reason()).isEqualTo(MovementReason.FIX_TOO_OLD);
        // bad accuracy AND too fast → ACCURACY_TOO_LOW
        Fix inaccurateJump = new Fix(LAT + 1, LNG, 500, NOW, null, null);
        assertThat(AntiCheat.judge(last, 0, inaccurateJump, NOW, RULES).reason()).isEqualTo(MovementReason.ACCURACY_TOO_LOW);
        // future AND non-monotonic → TIMESTAMP_IN_FUTURE
        assertThat(AntiCheat.judge(fix(0, NOW + 100_000, 10), 0, fix(0, NOW + 60_000, 10), NOW, RULES).reason())
                .isEqualTo(MovementReason.TIMESTAMP_IN_FUTURE);
    }
}
