package io.oregrid.grid.motion;

/**
 * The limits anti-cheat applies (SPEC "Location" defaults: 150 km/h, 20 m/s², 100 m, 120 s, 30 s).
 * Travels inside processors (Compact, see {@code GridSerialization}); it is never a map value.
 *
 * @param maxSpeedMs        m/s
 * @param maxAccelerationMs2 m/s²
 * @param maxAccuracyM      metres
 * @param maxFixAgeMs       ms
 * @param maxClockSkewMs    ms
 */
public record AntiCheatRules(double maxSpeedMs, double maxAccelerationMs2, double maxAccuracyM,
                             long maxFixAgeMs, long maxClockSkewMs) {

    /** Builds the rules from the configuration's units (km/h and seconds). */
    public static AntiCheatRules of(double maxSpeedKmh, double maxAccelerationMs2, double maxAccuracyM,
                                    int maxFixAgeS, int maxClockSkewS) {
        return new AntiCheatRules(maxSpeedKmh / 3.6, maxAccelerationMs2, maxAccuracyM,
                maxFixAgeS * 1000L, maxClockSkewS * 1000L);
    }

    /** The SPEC defaults. */
    public static AntiCheatRules defaults() {
        return of(150, 20, 100, 120, 30);
    }
}
