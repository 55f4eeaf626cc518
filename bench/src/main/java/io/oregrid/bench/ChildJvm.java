package io.oregrid.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Java process the benchmarks start on this JVM's classpath (a node under test, a member, a
 * probe), so that the load generator's heap and CPU time are not mixed with it. Optionally started
 * on a CPU list through {@code taskset -c}. Output goes to a log file.
 */
public final class ChildJvm implements AutoCloseable {
    /** Hazelcast on Java 17 (the same opens as the build's {@code hz.jvm.opens}). */
    public static final List<String> HZ_OPENS = List.of("--add-modules", "java.se",
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens", "java.management/sun.management=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code java [cpu prefix] <jvmArgs> -cp <this classpath> mainClass args}.
     *
     * @param cpuPrefix command prefix placing the process, e.g. {@code [taskset, -c, 1]}, or empty
     * @param jvmArgs   heap, GC and system properties; the Hazelcast opens are always added
     * @param env       extra environment variables
     * @param log       file receiving stdout and stderr
     * @throws UncheckedIOException when the process cannot be started
     */
    public static ChildJvm start(List<String> cpuPrefix, List<String> jvmArgs, String mainClass, List<String> args,
                                 Map<String, String> env, Path log) {
        List<String> cmd = new ArrayList<>(cpuPrefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-Dhazelcast.phone.home.enabled=false");
        cmd.addAll(HZ_OPENS);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        try {
            return new ChildJvm(pb.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainClass, e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** @return the exit code, waiting at most {@code timeoutS} seconds */
    public int waitFor(long timeoutS) throws InterruptedException {
        if (!process.waitFor(timeoutS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("child JVM still running after " + timeoutS + " s; see " + log);
        }
        return process.exitValue();
    }

    /** Stops the process gracefully (SIGTERM), forcibly after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** @return a TCP port free on this machine right now */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
