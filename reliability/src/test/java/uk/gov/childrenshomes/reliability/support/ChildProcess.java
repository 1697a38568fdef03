package uk.gov.childrenshomes.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One product command running as a child process, the way an operator or Airflow runs it. Its standard output and
 * error go to files in a log folder, so that tests can read them and scan them for secrets afterwards, and so that
 * a child writing a lot never blocks on a full pipe.
 */
public final class ChildProcess {

    /**
     * A safety net against a hung child, not an assertion on speed: a test waiting longer than this has a product
     * that does not finish at all, and the child is killed so that the build ends with the test's failure.
     */
    private static final long HUNG_AFTER_MINUTES = 15;

    private static final long POLL_MILLIS = 20;

    private final String name;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildProcess(String name, Process process, Path stdout, Path stderr) {
        this.name = name;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** The exit code and what the child printed. */
    public record Result(String name, int exitCode, String stdout, String stderr) {

        public String output() {
            return stdout + stderr;
        }

        /** For assertion messages: enough of what the child said to see why it did what it did. */
        public String describe() {
            String text = output();
            return name + " exited " + exitCode + "; output ends:\n" + text.substring(Math.max(0, text.length() - 4000));
        }
    }

    /** Starts {@code command} with exactly {@code environment}; output goes to {@code <logFolder>/<name>.stdout|stderr}. */
    public static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path logFolder) {
        try {
            Files.createDirectories(logFolder);
            Path stdout = logFolder.resolve(name + ".stdout");
            Path stderr = logFolder.resolve(name + ".stderr");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            return new ChildProcess(name, builder.start(), stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + command, e);
        }
    }

    /** Starts the command and waits for it to end. */
    public static Result run(String name, List<String> command, Map<String, String> environment, Path logFolder) {
        return start(name, command, environment, logFolder).waitFor();
    }

    public Result waitFor() {
        try {
            if (!process.waitFor(HUNG_AFTER_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(name + " did not finish within " + HUNG_AFTER_MINUTES + " minutes and was killed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
        return new Result(name, process.exitValue(), read(stdout), read(stderr));
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Watches the running child until {@code probe} sees the moment a test waits for (a file written, a row
     * committed) and returns what it saw; fails if the child ends first, since then the moment never came.
     */
    public <T> T awaitWhileRunning(String moment, Supplier<Optional<T>> probe) {
        while (process.isAlive()) {
            Optional<T> seen = probe.get();
            if (seen.isPresent()) {
                return seen.get();
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(name + " ended before " + moment + ": " + waitFor().describe());
    }

    /** {@code kill -9}: the JVM gets no chance to clean up (no shutdown hooks, no finally blocks). */
    public Result killHard() {
        process.destroyForcibly();
        return waitFor();
    }

    private static String read(Path file) {
        try {
            // Leniently: a child echoing an LA's non-UTF-8 bytes must not break the test that reads its output.
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
