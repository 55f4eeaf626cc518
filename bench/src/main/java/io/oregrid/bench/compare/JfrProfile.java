package io.oregrid.bench.compare;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A JDK Flight Recorder profile of one side of a comparison (the {@code profile} settings: CPU
 * samples every 10 ms, allocation samples, GC pauses, CPU load), in this JVM or in a child JVM through
 * {@code jcmd JFR.start/JFR.stop}, summarised as what limits the figure:
 * <ul>
 *   <li>CPU: samples by code area — each sample goes to the first frame from the top of its stack
 *       that belongs to a known area, so JDK code (collections, locks) counts for its caller — by
 *       thread group, and the hottest leaf methods;</li>
 *   <li>how busy the JVM and the machine were (cores in use, from {@code jdk.CPULoad});</li>
 *   <li>allocation rate and GC pauses (count, share of wall time, longest).</li>
 * </ul>
 */
final class JfrProfile {
    /** Code areas, first match from the top of a stack wins. */
    private static final List<Map.Entry<String, String>> AREAS = List.of(
            Map.entry("com.hazelcast.internal.serialization", "Compact/Hazelcast serialization"),
            Map.entry("com.hazelcast.internal.nio", "Compact/Hazelcast serialization"),
            Map.entry("com.hazelcast.internal.networking", "Hazelcast networking"),
            Map.entry("com.hazelcast.internal.server", "Hazelcast networking"),
            Map.entry("com.hazelcast.client.impl.connection", "Hazelcast networking"),
            Map.entry("com.hazelcast.client.impl.protocol", "Hazelcast client protocol"),
            Map.entry("com.hazelcast.client", "Hazelcast client invocation"),
            Map.entry("com.hazelcast.map.impl", "Hazelcast map/record store"),
            Map.entry("com.hazelcast.query", "Hazelcast query"),
            Map.entry("com.hazelcast.jet", "Hazelcast Jet"),
            Map.entry("com.hazelcast", "Hazelcast operations/invocation"),
            Map.entry("io.oregrid.grid", "ORE processors and rules"),
            Map.entry("io.oregrid.node", "ORE services"),
            Map.entry("io.oregrid.edge", "ORE edge handlers"),
            Map.entry("com.google.common.geometry", "S2 geometry"),
            Map.entry("com.fasterxml.jackson", "JSON (Jackson)"),
            Map.entry("io.javalin", "HTTP (Javalin/Jetty)"),
            Map.entry("org.eclipse.jetty", "HTTP (Javalin/Jetty)"),
            Map.entry("com.nimbusds", "JWT (nimbus)"),
            Map.entry("sun.security.rsa", "RSA signatures"),
            Map.entry("sun.security.provider", "JDK SHA/SecureRandom"),
            Map.entry("sun.security", "JDK security other"),
            Map.entry("com.sun.crypto", "JDK security other"),
            Map.entry("io.github.bucket4j", "rate limits (Bucket4j)"),
            Map.entry("io.micrometer", "metrics"),
            Map.entry("io.oregrid.bench", "load generator"),
            Map.entry("org.HdrHistogram", "load generator"),
            Map.entry("redis.clients", "load generator"),
            Map.entry("sun.nio.ch", "socket I/O"),
            Map.entry("java.net.http", "load generator"),
            Map.entry("jdk.internal.net.http", "load generator"));
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private final String label;
    private final Recording recording;
    private final long childPid;
    private final long startNs = System.nanoTime();

    private JfrProfile(String label, Recording recording, long childPid) {
        this.label = label;
        this.recording = recording;
        this.childPid = childPid;
    }

    /** Starts profiling this JVM. */
    static JfrProfile inProcess(String label) throws IOException, ParseException {
        Recording r = new Recording(Configuration.getConfiguration("profile"));
        r.setToDisk(true);
        r.start();
        return new JfrProfile(label, r, -1);
    }

    /** Starts profiling the JVM of process {@code pid} ({@code jcmd <pid> JFR.start settings=profile}). */
    static JfrProfile child(String label, long pid) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=ore-bench", "settings=profile");
        return new JfrProfile(label, null, pid);
    }

    /** Stops the recording and summarises it. */
    Summary stop() throws IOException, InterruptedException {
        double wallS = (System.nanoTime() - startNs) / 1e9;
        Path file = Files.createTempFile("ore-bench-", ".jfr");
        try {
            if (recording != null) {
                recording.stop();
                recording.dump(file);
                recording.close();
            } else {
                jcmd(childPid, "JFR.stop", "name=ore-bench", "filename=" + file);
            }
            return summarise(label, file, wallS);
        } finally {
            if (System.getProperty("bench.keepJfr") != null) {
                Files.copy(file, Path.of(System.getProperty("bench.keepJfr") + "-" + label.replace(' ', '_') + ".jfr"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.deleteIfExists(file);
        }
    }

    /**
     * What one profile found.
     *
     * @param samples      CPU samples (Java code running)
     * @param byArea       share of samples per code area, largest first, percent
     * @param byThread     share of samples per thread group, largest first, percent
     * @param hottest      share of samples per leaf method, largest first, percent (top 6)
     * @param jvmCores     cores this JVM used (user + system), 90th percentile of the 1 s samples
     * @param machineCores cores the whole machine used, 90th percentile of the 1 s samples
     * @param allocMBps    allocation rate, MB/s (JFR's allocation samples, weighted)
     * @param gcPauses     GC pauses
     * @param gcPausePct   GC pause time over wall time, percent
     * @param gcLongestMs  longest GC pause, ms
     */
    record Summary(String label, long samples, Map<String, Double> byArea, Map<String, Double> byThread,
                   Map<String, Double> hottest, double jvmCores, double machineCores, double allocMBps,
                   long gcPauses, double gcPausePct, double gcLongestMs) {

        /** @return a few lines for the bench output */
        String describe() {
            return String.format(Locale.ROOT, "profile %s (JFR, %,d CPU samples): busiest seconds (p90) this JVM %.2f cores, machine %.2f cores;"
                            + " allocation %,.0f MB/s; %d GC pauses, %.1f %% of wall time, longest %.1f ms%n"
                            + "    by code: %s%n    by thread: %s%n    hottest: %s",
                    label, samples, jvmCores, machineCores, allocMBps, gcPauses, gcPausePct, gcLongestMs,
                    shares(byArea), shares(byThread), shares(hottest));
        }

        private static String shares(Map<String, Double> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "%s %.0f %%", k, v)));
            return String.join(", ", parts);
        }
    }

    private static Summary summarise(String label, Path file, double wallS) throws IOException {
        Map<String, Long> areas = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> leaves = new HashMap<>();
        long samples = 0;
        List<Double> jvm = new ArrayList<>();
        List<Double> machine = new ArrayList<>();
        double allocBytes = 0;
        long pauses = 0;
        double pauseMs = 0, longestMs = 0;
        try (RecordingFile rf = new RecordingFile(file)) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                switch (e.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> {
                        samples++;
                        RecordedStackTrace st = e.getStackTrace();
                        areas.merge(area(st), 1L, Long::sum);
                        if (st != null && !st.getFrames().isEmpty()) {
                            RecordedFrame top = st.getFrames().get(0);
                            leaves.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1L, Long::sum);
                        }
                        var t = e.getThread("sampledThread");
                        threads.merge(threadGroup(t == null ? null : t.getJavaName()), 1L, Long::sum);
                    }
                    case "jdk.CPULoad" -> {
                        jvm.add((double) e.getFloat("jvmUser") + e.getFloat("jvmSystem"));
                        machine.add((double) e.getFloat("machineTotal"));
                    }
                    case "jdk.ObjectAllocationSample" -> allocBytes += e.getLong("weight");
                    case "jdk.GCPhasePause" -> {
                        double ms = e.getDuration().toNanos() / 1e6;
                        pauses++;
                        pauseMs += ms;
                        longestMs = Math.max(longestMs, ms);
                    }
                    default -> {
                    }
                }
            }
        }
        int cores = Cpus.count(); // jdk.CPULoad is a fraction of the whole machine
        return new Summary(label, samples, top(areas, samples, 12), top(threads, samples, 6), top(leaves, samples, 6),
                p90(jvm) * cores, p90(machine) * cores,
                allocBytes / 1e6 / wallS, pauses, pauseMs / 10 / wallS, longestMs);
    }

    private static double p90(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(0.9 * sorted.size()) - 1));
    }

    private static String area(RecordedStackTrace st) {
        if (st == null) {
            return "unknown";
        }
        for (RecordedFrame f : st.getFrames()) {
            String type = f.getMethod().getType().getName();
            for (Map.Entry<String, String> a : AREAS) {
                if (type.startsWith(a.getKey())) {
                    return a.getValue();
                }
            }
        }
        return "JDK only (no library frame)";
    }

    private static String threadGroup(String name) {
        if (name == null) {
            return "unnamed";
        }
        if (name.startsWith("load-")) {
            return "load generator";
        }
        // hz.<instance>.partition-operation.thread-1 -> hz partition-operation.thread
        String n = name.startsWith("hz.") && name.indexOf('.', 3) > 0 ? "hz " + name.substring(name.indexOf('.', 3) + 1) : name;
        return DIGITS.matcher(n).replaceAll("#");
    }

    private static Map<String, Double> top(Map<String, Long> counts, long total, int n) {
        Map<String, Double> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .forEach(e -> out.put(e.getKey(), 100.0 * e.getValue() / Math.max(1, total)));
        return out;
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + output.strip());
        }
    }
}
