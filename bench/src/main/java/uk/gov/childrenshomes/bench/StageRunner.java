package uk.gov.childrenshomes.bench;

import uk.gov.childrenshomes.bench.BenchRun.JvmPeak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs one {@code ./datapack} command as a child process the way a user would, and measures it from outside: wall
 * time from start to exit, the peak RSS of every JVM below it (polled) and the heap of each from the GC log every JVM
 * writes because the child's JAVA_TOOL_OPTIONS asks it to.
 */
final class StageRunner {

    /** What the launcher prints when it rebuilds the project first: that build would be timed with the stage. */
    static final String REBUILD_MARKER = "Building the project";

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final Pattern GC_LOG_NAME = Pattern.compile("gc-(\\d+)\\.log");

    private final Path launcher;
    private final Map<String, String> environment;
    private final boolean flightRecordings;
    private final Duration timeout;
    private final OptionalLong databaseServerPid;

    /**
     * @param launcher         the {@code datapack} script
     * @param environment      variables added to the bench's own for every command (warehouse, home, demo key)
     * @param flightRecordings whether every JVM also writes a JFR recording next to its GC log (for profiling)
     * @param timeout          how long a command may run before it is stopped and counted as failed
     * @param databaseServerPid the warehouse server's main process, when it runs on this machine: its CPU time
     *                          during a command is reported with the command's own
     */
    StageRunner(Path launcher, Map<String, String> environment, boolean flightRecordings, Duration timeout,
                OptionalLong databaseServerPid) {
        this.launcher = launcher;
        this.environment = Map.copyOf(environment);
        this.flightRecordings = flightRecordings;
        this.timeout = timeout;
        this.databaseServerPid = databaseServerPid;
    }

    /**
     * What a finished command left behind, before its rows are counted.
     *
     * @param timedOut       the command ran past the timeout and was stopped (its exit code is then the signal's)
     * @param rebuiltProject the launcher rebuilt the project first (sources changed under a running bench), so the
     *                       wall time is not the stage's alone and the stage cannot count as measured
     */
    record Finished(String name, String command, double wallSeconds, int exitCode, boolean timedOut,
                    boolean rebuiltProject, Path logFile, double loadBefore, double loadAfter, List<JvmPeak> jvms,
                    Double commandCpuSeconds, Double databaseCpuSeconds) {

        boolean succeeded() {
            return exitCode == 0 && !timedOut && !rebuiltProject;
        }

        /** The stage as reported, with the rows it handled (null when it did not succeed). */
        BenchRun.StageResult result(Long rows, String rowsMeaning) {
            return new BenchRun.StageResult(name, command, wallSeconds, rows, rowsMeaning, exitCode, logFile.toString(),
                    loadBefore, loadAfter, jvms, commandCpuSeconds, databaseCpuSeconds);
        }

        /** Why the stage did not succeed, for the report; {@code timeout} is the one it ran under. */
        String failure(Duration timeout) {
            if (timedOut) {
                return name + " did not finish within " + timeout.toMinutes() + " min and was stopped (--stage-timeout); log: "
                        + logFile;
            }
            if (rebuiltProject) {
                return name + ": the launcher rebuilt the project during the stage (sources changed while the bench ran),"
                        + " so its time is not the stage's; re-run the bench. Log: " + logFile;
            }
            return name + " failed with exit code " + exitCode + "; log: " + logFile;
        }
    }

    /**
     * Runs {@code ./datapack <arguments>}; its output goes to {@code folder/<name>.log}, its JVMs' GC logs (and
     * recordings) to {@code folder/<name>-jvms/}.
     */
    Finished run(String name, List<String> arguments, Path folder) {
        try {
            Path jvmFolder = Files.createDirectories(folder.resolve(name + "-jvms"));
            Path logFile = folder.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(launcher.toString()));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(launcher.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("JAVA_TOOL_OPTIONS", javaToolOptions(jvmFolder));
            double loadBefore = loadAverage();
            double commandCpuBefore = ProcessCpu.exitedChildrenSeconds();
            OptionalDouble databaseCpuBefore = databaseCpu();
            long started = System.nanoTime();
            Process process = builder.start();
            Map<Long, JvmMemoryMonitor.Sample> samples;
            boolean timedOut;
            double wallSeconds;
            try (JvmMemoryMonitor monitor = JvmMemoryMonitor.watch(process.toHandle(), POLL_INTERVAL)) {
                timedOut = !waitFor(process, timeout);
                wallSeconds = (System.nanoTime() - started) / 1e9;
                samples = monitor.stop();
            }
            double commandCpu = ProcessCpu.exitedChildrenSeconds() - commandCpuBefore;
            awaitDatabaseSessionsEnded();
            OptionalDouble databaseCpuAfter = databaseCpu();
            Double databaseCpu = databaseCpuBefore.isPresent() && databaseCpuAfter.isPresent()
                    ? databaseCpuAfter.getAsDouble() - databaseCpuBefore.getAsDouble() : null;
            return new Finished(name, "./datapack " + String.join(" ", arguments), wallSeconds, process.exitValue(),
                    timedOut, rebuiltFirst(logFile), logFile, loadBefore, loadAverage(), jvms(samples, jvmFolder),
                    Double.isNaN(commandCpu) ? null : commandCpu, databaseCpu);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run ./datapack " + name, e);
        }
    }

    private OptionalDouble databaseCpu() {
        return databaseServerPid.isPresent() ? ProcessCpu.treeSeconds(databaseServerPid.getAsLong()) : OptionalDouble.empty();
    }

    /**
     * A backend ends just after its client closed the connection; its CPU time is counted either way (live or
     * ended), but one still finishing a statement would be cut short. A short pause lets the last ones go.
     */
    private void awaitDatabaseSessionsEnded() {
        if (databaseServerPid.isPresent()) {
            try {
                Thread.sleep(DATABASE_SETTLE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final Duration DATABASE_SETTLE = Duration.ofMillis(500);

    /** The 1-minute load average: on a shared machine, how much else competed for the cores. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private String javaToolOptions(Path jvmFolder) {
        List<String> options = new ArrayList<>();
        String inherited = environment.getOrDefault("JAVA_TOOL_OPTIONS", System.getenv("JAVA_TOOL_OPTIONS"));
        if (inherited != null && !inherited.isBlank()) {
            options.add(inherited.strip());
        }
        options.add(GcLog.loggingOption(jvmFolder));
        if (flightRecordings) {
            // a folder as the file name: JFR names each recording after the JVM's pid and start time. Its start-up
            // message goes to standard output, where the launcher evals WarehouseCli's output: it must be off.
            options.add("-Xlog:jfr+startup=off");
            options.add("-XX:StartFlightRecording=settings=profile,filename=" + jvmFolder.toAbsolutePath() + "/");
        }
        return String.join(" ", options);
    }

    /** How long a stopped command's processes get to exit on SIGTERM before they are killed. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    /** Waits for the command; past the timeout, stops it and everything it started. Returns whether it ended in time. */
    private static boolean waitFor(Process process, Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            stop(process);
            process.waitFor(); // stopped, or killed once the grace period ran out
            return false;
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + process.info().commandLine().orElse("./datapack"), e);
        }
    }

    /**
     * Stops the launcher and every process below it (the launcher would not pass a signal on to the JVM it waits
     * for), and waits until they have exited: a JVM left running would skew the next stage.
     */
    private static void stop(Process process) {
        List<ProcessHandle> processes = new ArrayList<>(process.descendants().toList());
        processes.add(process.toHandle());
        processes.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle handle : processes) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                handle.destroyForcibly();
            } catch (InterruptedException e) {
                handle.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean rebuiltFirst(Path logFile) throws IOException {
        try (Stream<String> lines = Files.lines(logFile, StandardCharsets.UTF_8)) {
            return lines.anyMatch(line -> line.startsWith(REBUILD_MARKER));
        } catch (UncheckedIOException e) {
            // output that is not UTF-8 cannot be the launcher's own message
            return false;
        }
    }

    /**
     * Every JVM of the stage: each wrote a GC log (every JVM reads JAVA_TOOL_OPTIONS at start-up), with its sampled RSS
     * where a poll saw it. A sampled process without a GC log is not a JVM but a child a JVM forked to run a command
     * (it carries the JVM's command line and memory until it execs), so it is left out.
     */
    private static List<JvmPeak> jvms(Map<Long, JvmMemoryMonitor.Sample> samples, Path jvmFolder) throws IOException {
        Map<Long, GcLog> gcLogs = new TreeMap<>();
        try (Stream<Path> files = Files.list(jvmFolder)) {
            for (Path file : files.toList()) {
                Matcher name = GC_LOG_NAME.matcher(file.getFileName().toString());
                if (name.matches()) {
                    gcLogs.put(Long.parseLong(name.group(1)), GcLog.read(file));
                }
            }
        }
        List<JvmPeak> jvms = new ArrayList<>();
        gcLogs.forEach((pid, gc) -> {
            JvmMemoryMonitor.Sample sample = samples.get(pid);
            jvms.add(new JvmPeak(pid, sample == null ? "(exited within one poll)" : sample.label(),
                    sample == null ? null : sample.peakRssBytes(), gc.maxHeapBytes(), gc.peakHeapUsedBytes()));
        });
        return jvms;
    }
}
