package io.oregrid.grid.motion;

/**
 * One GPS fix as the client reports it (SPEC "Location").
 *
 * @param lat         latitude, degrees WGS84, [-90, 90]
 * @param lng         longitude, degrees WGS84, [-180, 180]
 * @param accuracyM   horizontal accuracy radius, metres (&gt; 0)
 * @param timestampMs when the fix was taken, epoch ms (client clock)
 * @param speedMs     the client's own speed estimate, m/s, or null; only extra evidence
 * @param headingDeg  heading, degrees [0, 360), or null; only extra evidence
 */
public record Fix(double lat, double lng, double accuracyM, long timestampMs, Double speedMs, Double headingDeg) {

    /** @return whether {@code other} is the same fix: same timestamp and position (an idempotent replay) */
    public boolean samePlaceAndTime(Fix other) {
        return other != null && timestampMs == other.timestampMs
                && Double.compare(lat, other.lat) == 0 && Double.compare(lng, other.lng) == 0;
    }
}
