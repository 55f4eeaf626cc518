package io.oregrid.bench.compare;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Row 5's load generator: the external wrk (Debian package {@code wrk}, 4.1, LuaJIT) driven by the
 * scripts of {@code bench/src/main/resources/wrk/}, copied into a temp dir of their own. A run is one
 * wrk process, {@code wrk -t threads -c connections -d seconds --timeout 10s -s script url data threads
 * args...}, closed loop (each connection sends its next request when its last is answered), on
 * whatever CPUs the kernel gives it. The scripts' {@code done()} prints one line
 * {@code ore-wrk key=value ...} (ore.lua), which a {@link Run} holds. Closing it deletes the temp dir
 * (scripts and data file, which holds access tokens).
 */
final class Wrk implements AutoCloseable {
    /** What the row says without wrk. */
    static final String MISSING = "not measured: wrk not installed (apt-get install wrk)";
    private static final List<String> SCRIPTS = List.of("ore.lua", "location.lua", "collect.lua");
    private static final String LINE = "ore-wrk ";

    private final Path executable;
    private final Path dir;
    private final int threads;
    private final int connections;

    private Wrk(Path executable, Path dir, int threads, int connections) {
        this.executable = executable;
        this.dir = dir;
        this.threads = threads;
        this.connections = connections;
    }

    /**
     * @return wrk from the PATH with the scripts ready, or null when there is no wrk
     * @throws IOException when the scripts cannot be copied out of the bench jar
     */
    static Wrk find(int threads, int connections) throws IOException {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path exe = Path.of(d.isEmpty() ? "." : d, "wrk");
            if (Files.isExecutable(exe)) {
                Path dir = Files.createTempDirectory("ore-bench-wrk-");
                for (String s : SCRIPTS) {
                    try (InputStream in = Wrk.class.getResourceAsStream("/wrk/" + s)) {
                        if (in == null) {
                            throw new IOException("script /wrk/" + s + " missing from the bench jar");
                        }
                        Files.copy(in, dir.resolve(s));
                    }
                }
                return new Wrk(exe, dir, threads, connections);
            }
        }
        return null;
    }

    /** Deletes the temp dir and what it holds. */
    @Override
    public void close() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }

    /** @return the temp dir holding the scripts (the data file goes there too) */
    Path dir() {
        return dir;
    }

    /** @return e.g. {@code wrk 4.1.0 (Debian 4.1.0-3+b2), -t2 -c64} */
    String describe() {
        String v = output(List.of(executable.toString(), "-v"), 10).lines().findFirst().orElse("wrk");
        // "wrk debian/4.1.0-3+b2 [epoll] Copyright (C) 2012 Will Glozer"
        String version = v.replaceFirst("^wrk (?:debian/)?([^ ]+).*$", "$1");
        return String.format(Locale.ROOT, "wrk %s (LuaJIT scripts), -t%d -c%d, closed loop", version, threads, connections);
    }

    /**
     * Runs {@code script} against {@code baseUrl} for {@code seconds}.
     *
     * @param data the data file (ore.lua's first argument)
     * @param args the script's further arguments, after the thread count
     * @throws IllegalStateException when wrk fails or prints no result line (with its output)
     */
    Run run(String script, String baseUrl, Path data, int seconds, String... args) {
        List<String> cmd = new ArrayList<>(List.of(executable.toString(), "-t" + threads, "-c" + connections,
                "-d" + seconds + "s", "--timeout", "10s", "-s", dir.resolve(script).toString(), baseUrl + "/",
                data.toString(), Integer.toString(threads)));
        cmd.addAll(List.of(args));
        String out = output(cmd, seconds + 30);
        for (String line : out.lines().toList()) {
            if (line.startsWith(LINE)) {
                Map<String, Long> values = new LinkedHashMap<>();
                for (String kv : line.substring(LINE.length()).trim().split(" ")) {
                    int eq = kv.indexOf('=');
                    values.put(kv.substring(0, eq), Long.parseLong(kv.substring(eq + 1)));
                }
                return new Run(values);
            }
        }
        throw new IllegalStateException(String.join(" ", cmd) + " printed no result line:\n" + out.strip());
    }

    /** @return what {@code cmd} printed (stdout and stderr), waiting at most {@code timeoutS} for it to end */
    private static String output(List<String> cmd, int timeoutS) {
        try {
            Path log = Files.createTempFile("ore-bench-wrk-", ".out");
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                    throw new IllegalStateException(String.join(" ", cmd) + " still running after " + timeoutS + " s");
                }
                return Files.readString(log);
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", cmd), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + cmd.get(0), e);
        }
    }

    /**
     * The figures of one wrk run, as the scripts print them (ore.lua {@code M.done}): {@code requests},
     * {@code duration_us}, wrk's latency of every request ({@code p50_us}, {@code p99_us}, ...), its
     * socket errors and non-2xx count, the scripts' counters ({@code status_200}, ...) and per timed
     * kind {@code <kind>_p50_us}, {@code <kind>_p99_us}.
     */
    record Run(Map<String, Long> values) {

        /** @return the value of {@code key}, 0 when the run did not print it */
        long get(String key) {
            return values.getOrDefault(key, 0L);
        }

        /** @return the sum of every value whose key starts with {@code prefix} */
        long sum(String prefix) {
            return values.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
        }

        /** @return {@code key}'s value per second of the run */
        double perSecond(String key) {
            return get(key) / (get("duration_us") / 1e6);
        }

        /** @return {@code key}'s value (microseconds) in milliseconds */
        double ms(String key) {
            return get(key) / 1000.0;
        }

        /** @return {@code key}'s share of the values whose keys start with {@code prefix}, percent */
        double pct(String key, String prefix) {
            return 100.0 * get(key) / Math.max(1, sum(prefix));
        }
    }
}
