package uk.gov.childrenshomes.publish.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./datapack cluster} as the launcher runs it: each command a JVM of its own on the module's classpath, the
 * cluster's processes outliving the command that started them, found again by the next command, and stopped.
 */
class SparkClusterCliTest {

    @TempDir
    Path folder;

    @Test
    void upStartsAMasterAndTwoWorkersThatLaterCommandsFindAndStopEnds() throws Exception {
        Command up = cluster("up", "--workers", "2", "--memory", "512m");
        assertEquals(0, up.exit(), up.stderr());
        String url = up.stdout().strip();
        assertTrue(url.matches("spark://127\\.0\\.0\\.1:\\d+"), url);
        List<ProcessHandle> processes = processesOf(folder);
        assertEquals(3, processes.size(), "a master and two workers");
        try {
            assertTrue(processes.stream().allMatch(ProcessHandle::isAlive), "the cluster outlives the up command");

            Command status = cluster("status");
            assertEquals(0, status.exit(), status.stderr());
            assertTrue(status.stdout().startsWith(url + ": 2 worker(s) alive"), status.stdout());

            Command again = cluster("up", "--workers", "2");
            assertEquals(0, again.exit(), again.stderr());
            assertEquals(url, again.stdout().strip(), "a second up reuses the running cluster");
            assertTrue(again.stderr().contains("already running"), again.stderr());
            assertEquals(processes.stream().map(ProcessHandle::pid).toList(),
                    processesOf(folder).stream().map(ProcessHandle::pid).toList());

            Command urlOnly = cluster("url");
            assertEquals(url, urlOnly.stdout().strip());

            Command stop = cluster("stop");
            assertEquals(0, stop.exit(), stop.stderr());
            for (ProcessHandle process : processes) {
                process.onExit().get(30, TimeUnit.SECONDS);
            }
            assertFalse(Files.exists(folder.resolve("cluster.properties")));
            Command after = cluster("status");
            assertEquals(1, after.exit());
            assertTrue(after.stderr().contains("No Spark cluster is running"), after.stderr());
        } finally {
            processes.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void badArgumentsAreRefusedWithTheUsage() throws Exception {
        Command noWorkers = cluster("up", "--workers", "0");
        assertEquals(2, noWorkers.exit());
        assertTrue(noWorkers.stderr().contains("--workers must be a whole number of at least 1"), noWorkers.stderr());
        Command memory = cluster("up", "--memory", "lots");
        assertEquals(2, memory.exit());
        assertTrue(memory.stderr().contains("worker memory must be like 512m or 2g"), memory.stderr());
    }

    private static List<ProcessHandle> processesOf(Path folder) throws IOException {
        Properties state = new Properties();
        try (var reader = Files.newBufferedReader(folder.resolve("cluster.properties"), StandardCharsets.UTF_8)) {
            state.load(reader);
        }
        return Arrays.stream(state.getProperty("pids").split(",")).map(Long::valueOf).map(ProcessHandle::of)
                .flatMap(java.util.Optional::stream).toList();
    }

    private record Command(int exit, String stdout, String stderr) {
    }

    /** Runs the CLI in a child JVM with the launcher's arguments: --folder and --jvm-options first. */
    private Command cluster(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                SparkClusterCli.class.getName(), "--folder", folder.toString(),
                "--jvm-options", Path.of("src/main/launcher/jvm-options").toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        Path stdout = Files.createTempFile(folder, "stdout", ".txt");
        Path stderr = Files.createTempFile(folder, "stderr", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "the command ended");
        return new Command(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }
}
