package io.oregrid.node.traces;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Verifies that the bundled Go!Track traces load as 146 distinct, time-ordered trips and thin to the client cadence. */
class GoTrackTracesTest {

    private static List<Trip> trips;

    @BeforeAll
    static void load() {
        trips = GoTrackTraces.load();
    }

    @Test
    void keepsThe146DistinctTripsOfThe163Tracks() {
        assertThat(trips).hasSize(146);
        assertThat(trips.stream().map(Trip::trackId).distinct()).hasSize(146);
        // track 21 repeats track 20 exactly: the lower id stays
        assertThat(trips).extracting(Trip::trackId).contains("20", "26").doesNotContain("21", "27");
        assertThat(trips.stream().mapToInt(t -> t.points().size()).sum()).isLessThan(18_107);
    }

    @Test
    void sortsEveryTripByTime() {
        for (Trip trip : trips) {
            List<TracePoint> points = trip.points();
            for (int i = 1; i < points.size(); i++) {
                assertThat(points.get(i).timeMs()).isGreaterThanOrEqualTo(points.get(i - 1).timeMs());
            }
        }
    }

    @Test
    void readsLocalTimeAsUtcMinus3() {
        Trip first = trips.get(0);
        // "2014-09-13 07:24:32" in Aracaju is 10:24:32 UTC
        assertThat(first.trackId()).isEqualTo("1");
        assertThat(first.points().get(0).timeMs()).isEqualTo(java.time.Instant.parse("2014-09-13T10:24:32Z").toEpochMilli());
    }

    @Test
    void cadenceKeepsTheFirstFixAndGapsOfAtLeast30Seconds() {
        for (Trip trip : trips) {
            List<TracePoint> kept = GoTrackTraces.cadence(trip, GoTrackTraces.CLIENT_CADENCE_MS);
            assertThat(kept.get(0)).isEqualTo(trip.points().get(0));
            assertThat(trip.points()).containsAll(kept);
            for (int i = 1; i < kept.size(); i++) {
                assertThat(kept.get(i).timeMs() - kept.get(i - 1).timeMs()).isGreaterThanOrEqualTo(30_000);
            }
        }
    }

    @Test
    void cadenceTakesTheFirstFixAtLeastTheGapAfterTheLastKept() {
        Trip trip = new Trip("t", List.of(point(0), point(10_000), point(29_999), point(30_000), point(45_000), point(61_000)));
        assertThat(GoTrackTraces.cadence(trip, 30_000)).extracting(TracePoint::timeMs).containsExactly(0L, 30_000L, 61_000L);
    }

    @Test
    void track58HasTheKnownGlitchOf5Point6KmIn18Seconds() {
        Trip track58 = trips.stream().filter(t -> t.trackId().equals("58")).findFirst().orElseThrow();
        List<Jump> jumps = TraceJumps.find(track58.trackId(), track58.points(), 45, 300);
        assertThat(jumps).anySatisfy(j -> {
            assertThat(j.distanceM()).isBetween(5_300.0, 5_900.0);
            assertThat(j.to().timeMs() - j.from().timeMs()).isEqualTo(18_000);
            assertThat(j.speedMps()).isGreaterThan(290);
        });
    }

    @Test
    void findsJumpsFasterThan45MetresPerSecondAcrossTheData() {
        List<Jump> jumps = TraceJumps.find(trips, 45, 300);
        // 18 in all 163 tracks (shared/data/gps/README.md), 15 once the duplicated tracks are dropped
        assertThat(jumps).hasSize(15);
        assertThat(jumps).allSatisfy(j -> assertThat(j.speedMps()).isGreaterThan(45));
        // some glitches survive the 30 s cadence, so the demo's players send them to anti-cheat
        long afterCadence = trips.stream()
                .mapToLong(t -> TraceJumps.find(t.trackId(), GoTrackTraces.cadence(t, 30_000), 150 / 3.6, 300).size())
                .sum();
        assertThat(afterCadence).isPositive();
    }

    @Test
    void dropsATrackThatRepeatsAnotherExactlyWhateverTheFileOrder() throws IOException {
        String csv = """
                "id","latitude","longitude","track_id","time"
                1,-10.9,-37.0,7,"2015-01-01 10:00:05"
                2,-10.8,-37.1,7,"2015-01-01 10:00:00"
                3,-10.8,-37.1,3,"2015-01-01 10:00:00"
                4,-10.9,-37.0,3,"2015-01-01 10:00:05"
                5,-10.9,-37.0,9,"2015-01-01 10:00:05"
                """;
        Map<String, List<TracePoint>> parsed = GoTrackTraces.parse(new BufferedReader(new StringReader(csv)));
        List<Trip> distinct = GoTrackTraces.distinct(parsed);
        assertThat(distinct).extracting(Trip::trackId).containsExactly("3", "9");
        assertThat(distinct.get(0).points()).extracting(TracePoint::timeMs)
                .isSortedAccordingTo(Long::compare);
    }

    @Test
    void namesTheLineOfAMalformedRow() {
        String csv = "\"id\",\"latitude\",\"longitude\",\"track_id\",\"time\"\n1,abc,-37.0,7,\"2015-01-01 10:00:05\"\n";
        assertThatThrownBy(() -> GoTrackTraces.parse(new BufferedReader(new StringReader(csv))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }

    @Test
    void longestTripIsTrack26WithAbout7000SecondsOfTraceTime() {
        Map<String, Long> durations = trips.stream().collect(Collectors.toMap(Trip::trackId, Trip::durationMs));
        assertThat(durations).containsEntry("26", 6_994_000L);
        assertThat(durations.values().stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(6_994_000);
    }

    private static TracePoint point(long timeMs) {
        return new TracePoint(-10.9, -37.0, timeMs);
    }
}
