package io.oregrid.node.traces;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the bundled Go!Track traces (UCI dataset 354, "GPS Trajectories", CC BY 4.0; see
 * {@code sample-data/gps/go_track_aracaju/README.md}) from the classpath as distinct trips.
 *
 * <p>The points file has 163 tracks; 17 of them repeat another track's fixes exactly (same times and
 * positions under another id), so {@link #load()} keeps the 146 distinct trips.
 */
public final class GoTrackTraces {

    /** Classpath folder of the dataset (packaged by grid-node from the repository's {@code sample-data}). */
    public static final String RESOURCE_DIR = "/sample-data/gps/go_track_aracaju/";
    /** The fixes: {@code id, latitude, longitude, track_id, time}. */
    public static final String POINTS_FILE = "go_track_trackspoints.csv";
    /** Offset of the CSV's local times (Aracaju, Brazil). */
    public static final ZoneOffset TRACE_OFFSET = ZoneOffset.ofHours(-3);
    /** The Unity client's fix cadence (seed 001 §2.2): at most one fix per 30 s, milliseconds. */
    public static final long CLIENT_CADENCE_MS = 30_000;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private GoTrackTraces() {
    }

    /**
     * @return the distinct trips, ordered by numeric track id, each sorted by time
     * @throws IllegalStateException if the resource is missing
     * @throws IllegalArgumentException naming the line if the CSV is malformed
     */
    public static List<Trip> load() {
        InputStream in = GoTrackTraces.class.getResourceAsStream(RESOURCE_DIR + POINTS_FILE);
        if (in == null) {
            throw new IllegalStateException("trace data not on the classpath: " + RESOURCE_DIR + POINTS_FILE);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return distinct(parse(reader));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE_DIR + POINTS_FILE, e);
        }
    }

    /**
     * Thins a trip to a client's cadence: the first fix, then each next fix at least {@code minGapMs}
     * of trace time after the last one kept. Positions and times are kept as recorded.
     *
     * @param trip     the trip
     * @param minGapMs minimum trace time between kept fixes, milliseconds (the client's: {@link #CLIENT_CADENCE_MS})
     * @return the kept fixes, oldest first
     */
    public static List<TracePoint> cadence(Trip trip, long minGapMs) {
        List<TracePoint> kept = new ArrayList<>();
        for (TracePoint p : trip.points()) {
            if (kept.isEmpty() || p.timeMs() - kept.get(kept.size() - 1).timeMs() >= minGapMs) {
                kept.add(p);
            }
        }
        return kept;
    }

    /** Parses the points CSV into points per track id, in file order of first appearance. */
    static Map<String, List<TracePoint>> parse(BufferedReader reader) throws IOException {
        Map<String, List<TracePoint>> byTrack = new LinkedHashMap<>();
        String header = reader.readLine();
        if (header == null) {
            throw new IllegalArgumentException(POINTS_FILE + " is empty");
        }
        int lineNo = 1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split(",");
            if (f.length != 5) {
                throw new IllegalArgumentException(POINTS_FILE + " line " + lineNo + ": expected 5 fields, got " + f.length);
            }
            try {
                long timeMs = LocalDateTime.parse(unquote(f[4]), TIME).toInstant(TRACE_OFFSET).toEpochMilli();
                TracePoint point = new TracePoint(Double.parseDouble(f[1]), Double.parseDouble(f[2]), timeMs);
                byTrack.computeIfAbsent(unquote(f[3]), k -> new ArrayList<>()).add(point);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(POINTS_FILE + " line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        return byTrack;
    }

    /** Sorts each track by time and drops tracks whose fixes repeat an earlier (lower id) track's exactly. */
    static List<Trip> distinct(Map<String, List<TracePoint>> byTrack) {
        Comparator<TracePoint> order = Comparator.comparingLong(TracePoint::timeMs)
                .thenComparingDouble(TracePoint::lat).thenComparingDouble(TracePoint::lng);
        List<String> ids = new ArrayList<>(byTrack.keySet());
        ids.sort(Comparator.comparingLong(Long::parseLong));
        Set<List<TracePoint>> seen = new HashSet<>();
        List<Trip> trips = new ArrayList<>();
        for (String id : ids) {
            List<TracePoint> points = new ArrayList<>(byTrack.get(id));
            points.sort(order);
            if (seen.add(points)) {
                trips.add(new Trip(id, points));
            }
        }
        return trips;
    }

    private static String unquote(String field) {
        String s = field.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
