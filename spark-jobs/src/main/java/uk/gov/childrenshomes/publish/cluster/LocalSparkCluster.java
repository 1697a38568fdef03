package uk.gov.childrenshomes.publish.cluster;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1 started from the Maven jars alone (no Spark distribution, see
 * shared/docs/stack-notes.md): a master and {@code workers} workers, each its own JVM with Spark's module options.
 * Workers need a SPARK_HOME holding a RELEASE file and jars/ (links to the jars), and SPARK_SCALA_VERSION, or their
 * executors fail to start. Everything the cluster writes (logs, SPARK_HOME, executors' work folders) is under one
 * folder. Used by {@code ./datapack cluster} (processes outlive the command) and by tests (closed with the test).
 */
public final class LocalSparkCluster implements AutoCloseable {

    private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

    private final List<ProcessHandle> processes;
    private final String url;
    private final int masterUiPort;

    private LocalSparkCluster(List<ProcessHandle> processes, String url, int masterUiPort) {
        this.processes = processes;
        this.url = url;
        this.masterUiPort = masterUiPort;
    }

    /** The shape of a cluster: workers × cores each, and each worker's memory for executors (Spark syntax, "1g"). */
    public record Shape(int workers, int coresPerWorker, String memoryPerWorker) {
        public Shape {
            if (workers < 1 || coresPerWorker < 1) {
                throw new IllegalArgumentException("a cluster needs at least one worker of at least one core");
            }
            if (!memoryPerWorker.matches("\\d+[mMgG]")) {
                throw new IllegalArgumentException("worker memory must be like 512m or 2g, got: " + memoryPerWorker);
            }
        }
    }

    /**
     * Starts the master and the workers and waits (up to two minutes) until every worker has registered.
     *
     * @param jars          Spark's jars and their dependencies (the workers' and executors' classpath)
     * @param moduleOptions the JVM options Spark needs on Java 17+ (the module's jvm-options, heap excluded)
     */
    public static LocalSparkCluster start(Path folder, Shape shape, List<Path> jars, List<String> moduleOptions)
            throws IOException, InterruptedException {
        Path sparkHome = Files.createDirectories(folder.resolve("spark-home"));
        Files.writeString(sparkHome.resolve("RELEASE"), "Spark from the Maven jars (./datapack cluster)\n");
        Path jarsFolder = Files.createDirectories(sparkHome.resolve("jars"));
        for (Path jar : jars) {
            Path link = jarsFolder.resolve(jar.getFileName());
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, jar.toAbsolutePath());
            }
        }
        Launcher launcher = new Launcher(jarsFolder + File.separator + "*", sparkHome, moduleOptions);
        int port = freePort();
        int masterUi = freePort();
        String url = "spark://127.0.0.1:" + port;
        List<ProcessHandle> started = new ArrayList<>();
        LocalSparkCluster cluster = new LocalSparkCluster(started, url, masterUi);
        try {
            started.add(launcher.start(folder.resolve("master.log"), "org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", Integer.toString(masterUi)));
            for (int worker = 1; worker <= shape.workers(); worker++) {
                started.add(launcher.start(folder.resolve("worker-" + worker + ".log"),
                        "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                        "--cores", Integer.toString(shape.coresPerWorker()), "--memory", shape.memoryPerWorker(),
                        "--webui-port", Integer.toString(freePort()),
                        "--work-dir", Files.createDirectories(folder.resolve("work-" + worker)).toString(), url));
            }
            cluster.awaitWorkers(shape.workers(), Duration.ofMinutes(2));
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /**
     * A cluster started earlier by another process, from its URL, master UI port and process ids. Only processes
     * that still run a Spark master or worker are taken, so a recycled process id is never stopped by mistake.
     */
    public static LocalSparkCluster attach(String url, int masterUiPort, List<Long> pids) {
        return new LocalSparkCluster(pids.stream().map(ProcessHandle::of).flatMap(Optional::stream)
                .filter(LocalSparkCluster::runsSpark).toList(), url, masterUiPort);
    }

    private static boolean runsSpark(ProcessHandle process) {
        return process.info().arguments().map(arguments -> Arrays.stream(arguments)
                .anyMatch(argument -> argument.startsWith("org.apache.spark.deploy."))).orElse(false);
    }

    /** The master URL, spark://127.0.0.1:PORT. */
    public String url() {
        return url;
    }

    public int masterUiPort() {
        return masterUiPort;
    }

    /** Process ids: the master first, then the workers. */
    public List<Long> pids() {
        return processes.stream().map(ProcessHandle::pid).toList();
    }

    /** How many workers the master counts as alive, or empty when the master does not answer. */
    public Optional<Integer> aliveWorkers() {
        try {
            String state = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher alive = ALIVE_WORKERS.matcher(state);
            return alive.find() ? Optional.of(Integer.parseInt(alive.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void awaitWorkers(int expected, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (processes.stream().anyMatch(process -> !process.isAlive())) {
                throw new IllegalStateException("A Spark master or worker exited while starting; see its log");
            }
            if (aliveWorkers().orElse(0) >= expected) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(expected + " Spark worker(s) did not all register with " + url + " within "
                + patience.toSeconds() + " s");
    }

    /** Stops the workers, then the master (each given 20 s to exit before it is killed). */
    @Override
    public void close() {
        List<ProcessHandle> stopOrder = new ArrayList<>(processes);
        java.util.Collections.reverse(stopOrder);
        stopOrder.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : stopOrder) {
            try {
                process.onExit().get(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                process.destroyForcibly();
            }
        }
    }

    /** Starts the cluster's JVMs, detached from this JVM's streams so they can outlive it. */
    private record Launcher(String classpath, Path sparkHome, List<String> moduleOptions) {
        ProcessHandle start(Path log, String mainClass, String... arguments) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
            command.addAll(moduleOptions);
            command.addAll(List.of("-cp", classpath, mainClass));
            command.addAll(List.of(arguments));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("SPARK_HOME", sparkHome.toString());
            builder.environment().put("SPARK_SCALA_VERSION", "2.13");
            builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
            return builder.start().toHandle();
        }
    }

    /** Spark's module options from a jvm-options file (one per line), without the heap size: each JVM sets its own. */
    public static List<String> moduleOptions(Path jvmOptions) throws IOException {
        return Files.readAllLines(jvmOptions, StandardCharsets.UTF_8).stream().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("-Xmx")).toList();
    }

    /** The jar files of a classpath string (a JVM's expanded classpath: Spark and its dependencies). */
    public static List<Path> jarsOf(String classpath) {
        return Stream.of(classpath.split(File.pathSeparator)).filter(entry -> entry.endsWith(".jar")).map(Path::of)
                .filter(Files::isRegularFile).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
