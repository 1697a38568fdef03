package uk.gov.childrenshomes.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * CPU time from {@code /proc}, the figure of a stage that other work on a shared machine hardly changes (its wall
 * time stretches with the load; the CPU it needs does not). Linux only, like the memory monitor.
 */
final class ProcessCpu {

    /** Clock ticks per second of {@code /proc/<pid>/stat}; USER_HZ is 100 on every Linux the JDK runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /**
     * CPU seconds of this process's children that have exited and been waited for: after a {@code ./datapack}
     * command, the launcher and every JVM it ran (each parent adds what its waited-for children used).
     */
    static double exitedChildrenSeconds() {
        return stat(Path.of("/proc/self/stat")).map(fields -> (fields[CUTIME] + fields[CSTIME]) / TICKS_PER_SECOND)
                .orElse(Double.NaN);
    }

    /**
     * CPU seconds used so far by a process and everything below it: its own, its exited children's, and its live
     * descendants' (a PostgreSQL server: the postmaster, the backends that ended, and those still serving).
     */
    static OptionalDouble treeSeconds(long pid) {
        Path process = Path.of("/proc", Long.toString(pid));
        Optional<long[]> own = stat(process.resolve("stat"));
        if (own.isEmpty()) {
            return OptionalDouble.empty();
        }
        long[] fields = own.get();
        double seconds = (fields[UTIME] + fields[STIME] + fields[CUTIME] + fields[CSTIME]) / TICKS_PER_SECOND;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(process.resolve("task"))) {
            for (Path thread : threads) {
                String children = Files.readString(thread.resolve("children"), StandardCharsets.US_ASCII).strip();
                if (!children.isEmpty()) {
                    for (String child : children.split(" ")) {
                        seconds += treeSeconds(Long.parseLong(child)).orElse(0);
                    }
                }
            }
        } catch (IOException e) {
            // a thread or child ended while being read: its time is in the parent's exited-children figures next time
        }
        return OptionalDouble.of(seconds);
    }

    // Indexes into the fields after the command name: utime, stime, cutime, cstime are fields 14-17 of stat(5).
    private static final int UTIME = 11;
    private static final int STIME = 12;
    private static final int CUTIME = 13;
    private static final int CSTIME = 14;

    /** The numeric fields of a stat file that follow "(comm) state", or empty once the process has gone. */
    private static Optional<long[]> stat(Path file) {
        try {
            String line = Files.readString(file, StandardCharsets.US_ASCII);
            // the command name may hold spaces and parentheses: the fields start after the last ')'
            String[] after = line.substring(line.lastIndexOf(')') + 2).strip().split(" ");
            // only the CPU fields are read: later ones (rsslim) can exceed a signed long
            long[] fields = new long[CSTIME + 1];
            for (int i = UTIME; i <= CSTIME; i++) {
                fields[i] = Long.parseLong(after[i]);
            }
            return Optional.of(fields);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
