package uk.gov.childrenshomes.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.childrenshomes.bench.BenchRun.JvmPeak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stage runner against a stand-in launcher that starts a real child JVM ({@link MemoryHog}), as ./datapack
 * starts the module JVMs: the JVM is found below the launcher, its peak RSS read from /proc and its heap from the GC
 * log the runner's JAVA_TOOL_OPTIONS asks for.
 */
class StageRunnerTest {

    private static final long MIB = 1L << 20;
    private static final int HELD_MIB = 160;

    @TempDir
    Path folder;

    @Test
    void measuresEveryJvmTheLauncherStarts() throws IOException {
        Path launcher = launcher("""
                java -Xmx384m -cp "$TEST_CLASSES" uk.gov.childrenshomes.bench.MemoryHog %d
                echo "launcher got: $*"
                """.formatted(HELD_MIB));

        StageRunner.Finished finished = runner(launcher).run("hog", List.of("ingest", "--year", "2025"), folder.resolve("logs"));

        assertTrue(finished.succeeded(), "exit " + finished.exitCode());
        assertEquals("./datapack ingest --year 2025", finished.command());
        String log = Files.readString(finished.logFile());
        assertTrue(log.contains("held " + HELD_MIB + " MiB"), log);
        assertTrue(log.contains("launcher got: ingest --year 2025"), log);
        assertEquals(1, finished.jvms().size(), finished.jvms().toString());
        JvmPeak hog = finished.jvms().get(0);
        assertEquals("MemoryHog " + HELD_MIB, hog.label());
        assertNotNull(hog.peakRssBytes(), "sampled while running");
        assertTrue(hog.peakRssBytes() >= HELD_MIB * MIB, "peak RSS " + hog.peakRssBytes());
        assertEquals(384 * MIB, hog.maxHeapBytes());
        assertTrue(hog.peakHeapUsedBytes() >= HELD_MIB * MIB, "peak heap used " + hog.peakHeapUsedBytes());
        assertTrue(hog.peakHeapUsedBytes() <= hog.maxHeapBytes());
    }

    @Test
    void aFailingCommandIsReportedWithItsExitCodeAndLog() throws IOException {
        Path launcher = launcher("echo 'datapack: the warehouse is not available' >&2\nexit 1\n");

        StageRunner.Finished finished = runner(launcher).run("publish", List.of("publish"), folder);

        assertFalse(finished.succeeded());
        assertEquals(1, finished.exitCode());
        assertTrue(Files.readString(finished.logFile()).contains("the warehouse is not available"));
        assertTrue(finished.jvms().isEmpty());
    }

    @Test
    void aStageDuringWhichTheLauncherRebuiltTheProjectDoesNotCountAsMeasured() throws IOException {
        Path launcher = launcher("echo 'Building the project (sources changed; tests are run by ./mvnw verify, not here)...' >&2\n");

        StageRunner.Finished finished = runner(launcher).run("ingest", List.of("ingest"), folder);

        assertEquals(0, finished.exitCode());
        assertTrue(finished.rebuiltProject());
        assertFalse(finished.succeeded());
    }

    @Test
    void aCommandPastTheTimeoutIsStoppedWithTheJvmItStarted() throws IOException {
        Path launcher = launcher("""
                java -cp "$TEST_CLASSES" uk.gov.childrenshomes.bench.MemoryHog 16 600000
                """);
        StageRunner runner = new StageRunner(launcher, Map.of("TEST_CLASSES", System.getProperty("java.class.path")), false,
                Duration.ofSeconds(2), OptionalLong.empty());

        StageRunner.Finished finished = runner.run("ingest", List.of("ingest"), folder);

        assertTrue(finished.timedOut());
        assertFalse(finished.succeeded());
        assertEquals(1, finished.jvms().size(), finished.jvms().toString());
        assertFalse(ProcessHandle.of(finished.jvms().get(0).pid()).map(ProcessHandle::isAlive).orElse(false),
                "the JVM below the launcher is stopped too");
    }

    @Test
    void cpuTimeOfTheCommandAndOfTheDatabaseServerIsMeasuredAcrossTheStage() throws Exception {
        // Fixed amounts of work, not of time, so that other load on the machine cannot shrink them: a stand-in for
        // the warehouse server works while the stage runs, then idles; the launcher works and waits for it.
        String work = "i=0; while (( i < 2000000 )); do i=$((i + 1)); done";
        Path serverDone = folder.resolve("server-done");
        Process server = new ProcessBuilder("bash", "-c", work + "; touch '" + serverDone + "'; sleep 60").start();
        try {
            Path launcher = launcher(work + "\nwhile [[ ! -e \"$SERVER_DONE\" ]]; do sleep 0.1; done\n");
            StageRunner runner = new StageRunner(launcher, Map.of("SERVER_DONE", serverDone.toString()), false,
                    Duration.ofMinutes(2), OptionalLong.of(server.pid()));

            StageRunner.Finished finished = runner.run("ingest", List.of("ingest"), folder);

            assertTrue(finished.succeeded());
            assertTrue(finished.commandCpuSeconds() >= 0.8, "the launcher's loop: " + finished.commandCpuSeconds());
            assertTrue(finished.databaseCpuSeconds() >= 0.8, "the server's loop: " + finished.databaseCpuSeconds());
        } finally {
            server.destroyForcibly().waitFor();
        }
    }

    @Test
    void withoutADatabaseServerOnThisMachineItsCpuIsNotReported() throws IOException {
        StageRunner.Finished finished = runner(launcher("true\n")).run("ingest", List.of("ingest"), folder);

        assertNull(finished.databaseCpuSeconds());
        assertNotNull(finished.commandCpuSeconds());
    }

    private StageRunner runner(Path launcher) {
        return new StageRunner(launcher, Map.of("TEST_CLASSES", System.getProperty("java.class.path")), false,
                Duration.ofMinutes(2), OptionalLong.empty());
    }

    private Path launcher(String body) throws IOException {
        Path script = folder.resolve("datapack");
        Files.writeString(script, "#!/usr/bin/env bash\nset -euo pipefail\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
