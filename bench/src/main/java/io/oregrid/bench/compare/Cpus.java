package io.oregrid.bench.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * CPU placement of the processes in a comparison (issue #7: "keep the same arrangement for both
 * sides of a row"), through util-linux {@code taskset}. Two arrangements:
 * <ul>
 *   <li>{@link Arrangement#SHARED}: load generator and server on every CPU, unpinned — the only
 *       arrangement an embedded member can have, since it lives in the load generator's JVM, and
 *       row 5's (the HTTP servers and wrk);</li>
 *   <li>{@link Arrangement#SPLIT}: the server (a member JVM, Redis) on the last CPU,
 *       the load generator on the others (CPU 0 on a 2-core machine).</li>
 * </ul>
 * Without {@code taskset} or with a single CPU, everything stays unpinned and {@link #describe} says so.
 */
final class Cpus {
    private static final int COUNT = Runtime.getRuntime().availableProcessors();
    private static final boolean TASKSET = COUNT >= 2 && !Boolean.getBoolean("bench.nopin") && canRun("taskset", "--version");

    private Cpus() {
    }

    /** How load generator and server share the CPUs. */
    enum Arrangement {
        SHARED, SPLIT
    }

    /** @return the machine's CPUs as this JVM saw them before any pinning */
    static int count() {
        return COUNT;
    }

    /** @return the CPU list of every CPU, e.g. {@code 0-1} */
    static String all() {
        return "0-" + (COUNT - 1);
    }

    /** @return the server's CPU list in {@link Arrangement#SPLIT}: the last CPU */
    static String server() {
        return Integer.toString(COUNT - 1);
    }

    /** @return the load generator's CPU list in {@link Arrangement#SPLIT}: every CPU but the last */
    static String loadGenerator() {
        return COUNT == 2 ? "0" : "0-" + (COUNT - 2);
    }

    /** @return a table-ready sentence naming the arrangement as it really ran */
    static String describe(Arrangement a) {
        if (a == Arrangement.SHARED || !TASKSET) {
            return "load generator and server unpinned on CPUs " + all() + (a == Arrangement.SPLIT ? " (taskset missing)" : "");
        }
        return "server on CPU " + server() + ", load generator on CPU " + loadGenerator() + " (taskset)";
    }

    /**
     * Command prefix that starts a process on {@code cpuList} ({@code taskset -c list}), or nothing
     * when pinning is unavailable.
     */
    static List<String> prefix(String cpuList) {
        return TASKSET ? List.of("taskset", "-c", cpuList) : List.of();
    }

    /** Pins this JVM (every thread, and threads it starts later inherit it) to {@code cpuList}. */
    static void pinSelf(String cpuList) {
        pin(ProcessHandle.current().pid(), cpuList);
    }

    /**
     * Pins every thread of process {@code pid} to {@code cpuList}; a no-op without taskset. {@code taskset -a}
     * walks the process's threads one by one and fails when one ends meanwhile (Jetty and Hazelcast
     * start and end threads all the time), so a failed attempt is retried.
     *
     * @throws IllegalStateException with taskset's output when 5 attempts fail
     */
    static void pin(long pid, String cpuList) {
        if (!TASKSET) {
            return;
        }
        String[] cmd = {"taskset", "-a", "-p", "-c", cpuList, Long.toString(pid)};
        String failure = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            failure = run(cmd);
            if (failure == null) {
                return;
            }
        }
        throw new IllegalStateException("cannot pin process " + pid + " to CPUs " + cpuList + ": "
                + String.join(" ", cmd) + ": " + failure);
    }

    private static boolean canRun(String... cmd) {
        return run(cmd) == null;
    }

    /** @return null when {@code cmd} exits 0 within 10 s, else what went wrong (its output) */
    private static String run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "timed out";
            }
            return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + output;
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
