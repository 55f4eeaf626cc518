package io.oregrid.node.traces;

import java.util.List;

/**
 * One recorded trip: a track of the dataset with its fixes in time order.
 *
 * @param trackId the dataset's {@code track_id}
 * @param points  the fixes, oldest first, never empty
 */
public record Trip(String trackId, List<TracePoint> points) {

    public Trip {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("trip " + trackId + " has no points");
        }
    }

    /** @return the trace time from the first to the last fix, milliseconds */
    public long durationMs() {
        return points.get(points.size() - 1).timeMs() - points.get(0).timeMs();
    }
}
