package io.oregrid.node.anticheat;

import io.oregrid.grid.motion.AntiCheatRules;
import io.oregrid.grid.motion.Fix;
import io.oregrid.grid.motion.MotionLimits;
import io.oregrid.grid.motion.MotionResult;
import io.oregrid.grid.motion.MovementReason;
import io.oregrid.grid.motion.PlayerMotion;
import io.oregrid.grid.motion.UpdateMotionProcessor;
import io.oregrid.node.traces.GoTrackTraces;
import io.oregrid.node.traces.TracePoint;
import io.oregrid.node.traces.Trip;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.AbstractMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies the anti-cheat rules on the real Go!Track traces at the client's 30 s cadence: ordinary
 * driving is accepted, and the traces' real glitches (jumps of hundreds of m/s) are refused.
 */
class RealTraceAntiCheatTest {
    private static final int LEVEL = 15;
    private static final double ACCURACY_M = 8;
    private static List<Trip> trips;

    @BeforeAll
    static void load() {
        trips = GoTrackTraces.load();
    }

    /** Replays one trip through the motion processor as fresh fixes (node time = fix time + 1 s). */
    private static Map<MovementReason, Integer> replay(Trip trip, List<MotionResult> out) {
        Map.Entry<String, PlayerMotion> entry = new AbstractMap.SimpleEntry<>(trip.trackId(), null);
        Map<MovementReason, Integer> refused = new EnumMap<>(MovementReason.class);
        for (TracePoint p : GoTrackTraces.cadence(trip, GoTrackTraces.CLIENT_CADENCE_MS)) {
            Fix fix = new Fix(p.lat(), p.lng(), ACCURACY_M, p.timeMs(), null, null);
            MotionResult r = new UpdateMotionProcessor(fix, p.timeMs() + 1000, AntiCheatRules.defaults(), LEVEL,
                    new MotionLimits(60, 2, 10, 30_000)).process(entry);
            out.add(r);
            if (!r.accepted()) {
                refused.merge(r.verdict().reason(), 1, Integer::sum);
            }
        }
        return refused;
    }

    @Test
    void ordinaryTripsAreAcceptedAndGlitchesRefused() {
        long accepted = 0;
        long total = 0;
        Map<MovementReason, Integer> refused = new EnumMap<>(MovementReason.class);
        for (Trip trip : trips) {
            List<MotionResult> results = new java.util.ArrayList<>();
            replay(trip, results).forEach((k, v) -> refused.merge(k, v, Integer::sum));
            total += results.size();
            accepted += results.stream().filter(MotionResult::accepted).count();
        }
        assertThat(accepted).as("real driving is accepted").isGreaterThan(total * 95 / 100);
        assertThat(refused).containsKey(MovementReason.SPEED_EXCEEDED);
        assertThat(refused.keySet()).as("fresh fixes with good accuracy fail only on motion")
                .isSubsetOf(MovementReason.SPEED_EXCEEDED, MovementReason.ACCELERATION_EXCEEDED);
    }

    @Test
    void track58JumpOfFiveKilometresIsRefusedAsSpeed() {
        Trip trip = trips.stream().filter(t -> t.trackId().equals("58")).findFirst().orElseThrow();
        List<MotionResult> results = new java.util.ArrayList<>();
        Map<MovementReason, Integer> refused = replay(trip, results);
        assertThat(refused.getOrDefault(MovementReason.SPEED_EXCEEDED, 0)).isPositive();
        MotionResult firstRefusal = results.stream().filter(r -> !r.accepted()).findFirst().orElseThrow();
        assertThat(firstRefusal.verdict().measured()).as("m/s").isGreaterThan(100);
    }
}
