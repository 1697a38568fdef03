package uk.gov.childrenshomes.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Watches every Java process below a root process (the {@code ./datapack} launcher and whatever it starts) and
 * keeps, per JVM, its peak resident set size. The kernel keeps the high-water mark itself (VmHWM in
 * {@code /proc/<pid>/status}), so polling only has to read it once more before the JVM exits; a JVM that lives
 * shorter than one poll is missed (the report lists it from its GC log, without RSS).
 *
 * <p>The tree is walked through {@code /proc/<pid>/task/<tid>/children}, which touches only the watched processes:
 * {@link ProcessHandle#descendants()} scans every process of the machine, about 7 ms of CPU per poll here, which at
 * this polling rate would take a sixth of a core from the stage being measured.
 */
public final class JvmMemoryMonitor implements AutoCloseable {

    /** One JVM seen: what it ran and the largest VmHWM read. */
    public record Sample(long pid, String label, long peakRssBytes) {
    }

    private final ProcessHandle root;
    private final Duration interval;
    private final Map<Long, Sample> samples = new TreeMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    private JvmMemoryMonitor(ProcessHandle root, Duration interval) {
        this.root = root;
        this.interval = interval;
        this.poller = new Thread(this::pollUntilStopped, "jvm-memory-monitor-" + root.pid());
        poller.setDaemon(true);
    }

    /** Starts polling the descendants of {@code root} (and {@code root} itself) every {@code interval}. */
    public static JvmMemoryMonitor watch(ProcessHandle root, Duration interval) {
        // checked on the bench's own process: the watched one may already have exited
        if (!Files.isDirectory(Path.of("/proc/self/task"))) {
            throw new IllegalStateException("The bench reads process memory from /proc (Linux); there is no /proc/self/task here");
        }
        JvmMemoryMonitor monitor = new JvmMemoryMonitor(root, interval);
        monitor.poller.start();
        return monitor;
    }

    /** Stops polling and returns what was seen, by pid. */
    public Map<Long, Sample> stop() {
        running = false;
        try {
            poller.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (samples) {
            return Map.copyOf(samples);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void pollUntilStopped() {
        while (running) {
            pollOnce();
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
        pollOnce();
    }

    private void pollOnce() {
        List<Long> processes = new ArrayList<>();
        addWithDescendants(root.pid(), processes);
        for (long pid : processes) {
            Optional<List<String>> commandLine = commandLine(pid);
            if (commandLine.isEmpty() || !isJava(commandLine.get())) {
                continue;
            }
            OptionalLong peak = peakRssBytes(pid);
            if (peak.isEmpty()) {
                continue;
            }
            synchronized (samples) {
                Sample previous = samples.get(pid);
                long highest = previous == null ? peak.getAsLong() : Math.max(previous.peakRssBytes(), peak.getAsLong());
                samples.put(pid, new Sample(pid, JvmLabel.of(commandLine.get()), highest));
            }
        }
    }

    /** {@code pid} and every process below it, from the children lists of its threads; exited ones are skipped. */
    private static void addWithDescendants(long pid, List<Long> processes) {
        processes.add(pid);
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads) {
                String children = Files.readString(thread.resolve("children"), StandardCharsets.US_ASCII).strip();
                if (!children.isEmpty()) {
                    for (String child : children.split(" ")) {
                        addWithDescendants(Long.parseLong(child), processes);
                    }
                }
            }
        } catch (IOException e) {
            // the process or one of its threads ended while being read: what it had is found on the next poll
        }
    }

    /** Whether a command line runs {@code java}; argv[0] may be anything a process set, "/" included. */
    static boolean isJava(List<String> commandLine) {
        if (commandLine.isEmpty()) {
            return false;
        }
        Path program = Path.of(commandLine.get(0)).getFileName();
        return program != null && program.toString().equals("java");
    }

    /** VmHWM of a live process, in bytes; empty once it has exited (or where there is no /proc). */
    public static OptionalLong peakRssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    String kilobytes = line.substring("VmHWM:".length()).replace("kB", "").trim();
                    return OptionalLong.of(Long.parseLong(kilobytes) * 1024);
                }
            }
            return OptionalLong.empty();
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            // the process exited between listing and reading: nothing more to learn about it
            return OptionalLong.empty();
        }
    }

    /** The argument vector of a live process; empty once it has exited (or for a kernel thread). */
    static Optional<List<String>> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            if (raw.length == 0) {
                return Optional.empty();
            }
            return Optional.of(Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
