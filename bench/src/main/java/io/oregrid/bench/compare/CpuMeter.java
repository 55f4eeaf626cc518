package io.oregrid.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * CPU time of the whole machine and of one process from Linux's {@code /proc}, so that a run can say
 * how much of the machine its server had and how much went to everything else (the load generator,
 * this JVM, other processes on a shared machine). Ticks are {@code USER_HZ}; the rate is derived from
 * the machine's total ticks over wall time and CPUs, so it need not be known.
 */
final class CpuMeter {

    private CpuMeter() {
    }

    /**
     * One reading.
     *
     * @param machineBusy ticks every CPU spent on anything but idle and I/O wait, since boot
     * @param machineAll  ticks of every CPU, since boot
     * @param process     the process's user + system ticks (all its threads), since it started
     * @param cpus        CPUs the machine's figures add up
     */
    record Sample(long machineBusy, long machineAll, long process, long cpus) {
    }

    /** @return a reading for process {@code pid}, or null where {@code /proc} cannot be read */
    static Sample sample(long pid) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            String[] cpu = lines.get(0).trim().split("\\s+");
            long cpus = lines.stream().filter(l -> l.matches("cpu[0-9]+ .*")).count();
            long all = 0;
            for (int i = 1; i < Math.min(cpu.length, 9); i++) { // user .. steal; guest is counted in user
                all += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // after "pid (comm) ": state is field 3, utime field 14, stime field 15
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return new Sample(all - idle, all, Long.parseLong(f[11]) + Long.parseLong(f[12]), cpus);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * @return e.g. {@code CPU: server 1.71 cores, everything else 0.24 (wrk, this JVM, other processes)},
     *     or an empty string when a reading is missing
     */
    static String describe(Sample before, Sample after) {
        if (before == null || after == null || after.machineAll() <= before.machineAll()) {
            return "";
        }
        double perCoreTicks = (after.machineAll() - before.machineAll()) / (double) after.cpus(); // wall time in ticks
        double server = (after.process() - before.process()) / perCoreTicks;
        double machine = (after.machineBusy() - before.machineBusy()) / perCoreTicks;
        return String.format(Locale.ROOT, "CPU: server %.2f cores, everything else %.2f (wrk, this JVM, other processes)",
                server, Math.max(0, machine - server));
    }
}
