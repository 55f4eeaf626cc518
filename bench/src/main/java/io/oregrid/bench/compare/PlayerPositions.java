package io.oregrid.bench.compare;

import io.oregrid.node.traces.GoTrackTraces;
import io.oregrid.node.traces.TracePoint;
import io.oregrid.node.traces.Trip;

import java.util.ArrayList;
import java.util.List;

/** Where rows 2 and 6 place their players: on the real Go!Track points, many players per point. */
final class PlayerPositions {

    private PlayerPositions() {
    }

    /** @return the number of recorded points the positions are drawn from */
    static int points() {
        return all().size();
    }

    /**
     * @return {@code players} positions {lat, lng} in degrees: point {@code p × 7919 mod points} of the
     *         traces with up to ±25 m of deterministic jitter, so that players on one point do not coincide
     */
    static double[][] of(int players) {
        List<TracePoint> points = all();
        double[][] at = new double[players][];
        for (int p = 0; p < players; p++) {
            TracePoint tp = points.get((int) ((p * 7919L) % points.size()));
            at[p] = new double[]{tp.lat() + ((p * 31L) % 451 - 225) * 1e-6, tp.lng() + ((p * 17L) % 451 - 225) * 1e-6};
        }
        return at;
    }

    private static List<TracePoint> all() {
        List<TracePoint> points = new ArrayList<>();
        for (Trip t : GoTrackTraces.load()) {
            points.addAll(t.points());
        }
        return points;
    }
}
