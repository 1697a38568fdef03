package uk.gov.childrenshomes.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The machine a run is measured on, from the JVM and /proc/cpuinfo (Linux). */
final class MachineProbe {

    private MachineProbe() {
    }

    static BenchRun.Machine describe(String postgresql) {
        return new BenchRun.Machine(Runtime.getRuntime().availableProcessors(), memoryBytes(), cpu(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                postgresql);
    }

    private static long memoryBytes() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    }

    private static String cpu() {
        return procField("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch"));
    }

    /** The value of the first {@code name: value} line of a /proc file. */
    private static Optional<String> procField(String file, String name) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            return lines.stream()
                    .filter(line -> line.startsWith(name) && line.indexOf(':') > 0
                            && line.substring(0, line.indexOf(':')).strip().equals(name))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
