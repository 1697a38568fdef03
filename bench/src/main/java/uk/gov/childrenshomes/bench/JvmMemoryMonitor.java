package uk.gov.childrenshomes.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
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
        List<ProcessHandle> processes = new java.util.ArrayList<>(root.descendants().toList());
        processes.add(root);
        for (ProcessHandle process : processes) {
            long pid = process.pid();
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

    private static boolean isJava(List<String> commandLine) {
        return !commandLine.isEmpty() && Path.of(commandLine.get(0)).getFileName().toString().equals("java");
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
