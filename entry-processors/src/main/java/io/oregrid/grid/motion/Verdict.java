package io.oregrid.grid.motion;

/**
 * The anti-cheat judgement of one fix.
 *
 * @param reason   null when accepted, else the first failing rule
 * @param measured the value that failed (unit of the rule: m/s, m/s², metres, ms), or the
 *                 segment speed in m/s when accepted
 * @param limit    the limit it failed against, same unit; 0 when accepted
 */
public record Verdict(MovementReason reason, double measured, double limit) {

    /** @return an accepted verdict carrying the effective segment speed, m/s */
    public static Verdict accepted(double speedMs) {
        return new Verdict(null, speedMs, 0);
    }

    public boolean isAccepted() {
        return reason == null;
    }
}
