package io.oregrid.node.traces;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds glitches in a trace: consecutive fixes further apart than anyone could travel in the time
 * between them. The Go!Track data has about 18 jumps faster than 45 m/s over more than 300 m.
 */
public final class TraceJumps {

    private TraceJumps() {
    }

    /**
     * @param trackId      the trip the points belong to
     * @param points       the fixes to scan, oldest first (as recorded, or {@link GoTrackTraces#cadence thinned})
     * @param minSpeedMps  report moves faster than this, m/s
     * @param minDistanceM and longer than this, metres (ignores GPS jitter between close fixes)
     * @return the jumps in time order
     */
    public static List<Jump> find(String trackId, List<TracePoint> points, double minSpeedMps, double minDistanceM) {
        List<Jump> jumps = new ArrayList<>();
        for (int i = 1; i < points.size(); i++) {
            TracePoint from = points.get(i - 1);
            TracePoint to = points.get(i);
            double distance = from.distanceM(to);
            long dtMs = to.timeMs() - from.timeMs();
            double speed = dtMs <= 0 ? Double.POSITIVE_INFINITY : distance / (dtMs / 1000.0);
            if (distance > minDistanceM && speed > minSpeedMps) {
                jumps.add(new Jump(trackId, from, to, distance, speed));
            }
        }
        return jumps;
    }

    /** The jumps of every trip, as {@link #find(String, List, double, double)} reports them on its recorded points. */
    public static List<Jump> find(List<Trip> trips, double minSpeedMps, double minDistanceM) {
        List<Jump> jumps = new ArrayList<>();
        for (Trip trip : trips) {
            jumps.addAll(find(trip.trackId(), trip.points(), minSpeedMps, minDistanceM));
        }
        return jumps;
    }
}
