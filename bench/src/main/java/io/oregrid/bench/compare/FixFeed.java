package io.oregrid.bench.compare;

import io.oregrid.grid.motion.Fix;
import io.oregrid.node.traces.GoTrackTraces;
import io.oregrid.node.traces.TracePoint;
import io.oregrid.node.traces.Trip;

import java.util.ArrayList;
import java.util.List;

/**
 * Location fixes for many players from the real Go!Track trips (issue #7: "scaled up by replaying
 * trips as many players"). Each trip is thinned to the client's 30 s cadence (seed 001 §2.2); player
 * {@code p} walks trip {@code p mod trips} forth and back (no teleport at the turn), starting at a
 * player-specific point, with the trace's real time gaps and the segment's speed reported as the
 * client's {@code speed}. Operation {@code seq} is fix {@code seq / players} of player
 * {@code seq mod players}, so consecutive operations touch different players and every side of a
 * comparison gets the same fixes.
 */
final class FixFeed {
    /** Accuracy every fix reports, metres (the traces carry none). */
    static final double ACCURACY_M = 8;

    private record Cycle(double[] lat, double[] lng, long[] atMs, double[] speedMs, long durationMs) {
    }

    private final List<Cycle> cycles = new ArrayList<>();
    private final int players;
    private final long baseMs;

    /**
     * @param players distinct players the fixes go to
     * @param baseMs  timestamp of every player's first fix, epoch ms; later fixes follow the trace's gaps
     */
    FixFeed(int players, long baseMs) {
        this.players = players;
        this.baseMs = baseMs;
        for (Trip t : GoTrackTraces.load()) {
            List<TracePoint> kept = GoTrackTraces.cadence(t, GoTrackTraces.CLIENT_CADENCE_MS);
            if (kept.size() >= 4) {
                cycles.add(cycle(kept));
            }
        }
    }

    /** Forth over points 0..n-1, back over n-2..1: 2n-2 positions, then the cycle repeats. */
    private static Cycle cycle(List<TracePoint> kept) {
        int n = kept.size();
        int c = 2 * n - 2;
        double[] lat = new double[c], lng = new double[c], speed = new double[c];
        long[] at = new long[c];
        for (int j = 0; j < c; j++) {
            TracePoint p = kept.get(j < n ? j : c - j);
            lat[j] = p.lat();
            lng[j] = p.lng();
            if (j > 0) {
                TracePoint prev = kept.get(j - 1 < n ? j - 1 : c - (j - 1));
                long gap = Math.abs(p.timeMs() - prev.timeMs());
                at[j] = at[j - 1] + gap;
                speed[j] = p.distanceM(prev) / (gap / 1000.0);
            }
        }
        long back = kept.get(1).timeMs() - kept.get(0).timeMs(); // point 1 -> point 0 closes the cycle
        speed[0] = kept.get(1).distanceM(kept.get(0)) / (back / 1000.0);
        return new Cycle(lat, lng, at, speed, at[c - 1] + back);
    }

    int players() {
        return players;
    }

    int trips() {
        return cycles.size();
    }

    /** @return the player index of operation {@code seq} */
    int player(long seq) {
        return (int) (seq % players);
    }

    /** @return the fix of operation {@code seq} (see the class comment) */
    Fix fix(long seq) {
        int p = player(seq);
        long k = seq / players;
        Cycle cy = cycles.get(p % cycles.size());
        int c = cy.lat().length;
        int s = (int) ((p / cycles.size() * 7L) % c);
        long abs = s + k;
        int j = (int) (abs % c);
        long t = baseMs + abs / c * cy.durationMs() + cy.atMs()[j] - cy.atMs()[s];
        return new Fix(cy.lat()[j], cy.lng()[j], ACCURACY_M, t, k == 0 ? null : cy.speedMs()[j], null);
    }
}
