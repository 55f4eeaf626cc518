package io.oregrid.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run came from, for the table's heading. */
final class MachineInfo {

    private MachineInfo() {
    }

    /** @return the CPU model from {@code /proc/cpuinfo}, or {@code unknown CPU} */
    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
