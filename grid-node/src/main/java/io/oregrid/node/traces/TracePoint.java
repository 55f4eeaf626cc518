package io.oregrid.node.traces;

import io.oregrid.grid.support.Geo;

/**
 * One recorded GPS fix of a trace.
 *
 * @param lat    latitude, degrees (WGS84)
 * @param lng    longitude, degrees (WGS84)
 * @param timeMs when it was recorded, epoch milliseconds (the CSV's local time read as UTC-3)
 */
public record TracePoint(double lat, double lng, long timeMs) {

    public TracePoint {
        if (!(lat >= -90 && lat <= 90) || !(lng >= -180 && lng <= 180)) {
            throw new IllegalArgumentException(String.format("not a WGS84 position: lat %s, lng %s", lat, lng));
        }
    }

    /** @return the great-circle distance to {@code other}, metres (the one the anti-cheat uses, {@link Geo}) */
    public double distanceM(TracePoint other) {
        return Geo.distanceM(lat, lng, other.lat, other.lng);
    }
}
