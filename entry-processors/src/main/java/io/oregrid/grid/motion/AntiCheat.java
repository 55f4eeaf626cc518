package io.oregrid.grid.motion;

import io.oregrid.grid.support.Geo;

/**
 * The anti-cheat rules of SPEC "Location", as a pure function of the last accepted fix, the new
 * fix and the node clock. Checked in the SPEC's order; the first failing rule is the verdict.
 *
 * <p>Speed is the great-circle distance over the time between fixes; the client's own speed, when
 * sent, is extra evidence only: the larger of the two is judged, so it can refuse a fix but never
 * excuse one. Two fixes at the same instant in different places are a teleport (infinite speed).
 * Acceleration compares the effective speed of this segment with the last accepted segment's.
 */
public final class AntiCheat {

    private AntiCheat() {
    }

    /**
     * @param last        the last accepted fix, or null before the first
     * @param lastSpeedMs effective speed of the last accepted segment, m/s (0 when unknown)
     * @param fix         the fix to judge (an identical replay of {@code last} is handled by the caller)
     * @param nowMs       node clock, epoch ms
     * @param rules       the limits
     */
    public static Verdict judge(Fix last, double lastSpeedMs, Fix fix, long nowMs, AntiCheatRules rules) {
        long aheadMs = fix.timestampMs() - nowMs;
        if (aheadMs > rules.maxClockSkewMs()) {
            return new Verdict(MovementReason.TIMESTAMP_IN_FUTURE, aheadMs, rules.maxClockSkewMs());
        }
        if (last != null && (fix.timestampMs() < last.timestampMs()
                || fix.timestampMs() == last.timestampMs() && !fix.samePlaceAndTime(last))) {
            return new Verdict(MovementReason.TIMESTAMP_NOT_MONOTONIC, fix.timestampMs(), last.timestampMs());
        }
        long ageMs = nowMs - fix.timestampMs();
        if (ageMs > rules.maxFixAgeMs()) {
            return new Verdict(MovementReason.FIX_TOO_OLD, ageMs, rules.maxFixAgeMs());
        }
        if (fix.accuracyM() > rules.maxAccuracyM()) {
            return new Verdict(MovementReason.ACCURACY_TOO_LOW, fix.accuracyM(), rules.maxAccuracyM());
        }
        double reported = fix.speedMs() == null ? 0 : fix.speedMs();
        if (last == null) {
            if (reported > rules.maxSpeedMs()) {
                return new Verdict(MovementReason.SPEED_EXCEEDED, reported, rules.maxSpeedMs());
            }
            return Verdict.accepted(reported);
        }
        double dtS = (fix.timestampMs() - last.timestampMs()) / 1000.0;
        double distanceM = Geo.distanceM(last.lat(), last.lng(), fix.lat(), fix.lng());
        double derived = dtS > 0 ? distanceM / dtS : (distanceM > 0 ? Double.POSITIVE_INFINITY : 0);
        double speed = Math.max(derived, reported);
        if (speed > rules.maxSpeedMs()) {
            return new Verdict(MovementReason.SPEED_EXCEEDED, speed, rules.maxSpeedMs());
        }
        if (dtS > 0) {
            double acceleration = Math.abs(speed - lastSpeedMs) / dtS;
            if (acceleration > rules.maxAccelerationMs2()) {
                return new Verdict(MovementReason.ACCELERATION_EXCEEDED, acceleration, rules.maxAccelerationMs2());
            }
        }
        return Verdict.accepted(speed);
    }
}
