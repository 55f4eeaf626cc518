package io.oregrid.bench.compare;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * CPU placement of the processes in a comparison (issue #7: "keep the same arrangement for both
 * sides of a row"), through util-linux {@code taskset}. Two arrangements:
 * <ul>
 *   <li>{@link Arrangement#SHARED}: load generator and server on every CPU, unpinned — the only
 *       arrangement an embedded member can have, since it lives in the load generator's JVM;</li>
 *   <li>{@link Arrangement#SPLIT}: the server (a member JVM, Redis, an HTTP edge) on the last CPU,
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

    /** @return whether {@link Arrangement#SPLIT} really pins (taskset present, at least 2 CPUs) */
    static boolean canPin() {
        return TASKSET;
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

    /** Pins every thread of process {@code pid} to {@code cpuList}; a no-op without taskset. */
    static void pin(long pid, String cpuList) {
        if (!TASKSET) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of("taskset", "-a", "-p", "-c", cpuList, Long.toString(pid)));
        if (!canRun(cmd.toArray(String[]::new))) {
            throw new IllegalStateException("cannot pin process " + pid + " to CPUs " + cpuList + ": " + String.join(" ", cmd));
        }
    }

    private static boolean canRun(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
