package uk.gov.childrenshomes.publish.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1 started from the Maven jars alone (shared/docs/stack-notes.md): a master
 * and one worker, each its own JVM with Spark's module options, the worker with a SPARK_HOME folder holding a
 * RELEASE file and jars/ (links to the test classpath's jars). Logs go to the folder given.
 */
public final class StandaloneCluster implements AutoCloseable {

    private final Process master;
    private final Process worker;
    private final String url;

    private StandaloneCluster(Process master, Process worker, String url) {
        this.master = master;
        this.worker = worker;
        this.url = url;
    }

    /** Starts the master and a worker of one core and waits (up to two minutes) until the worker has registered. */
    public static StandaloneCluster start(Path folder) throws IOException, InterruptedException {
        List<Path> jars = classpathJars();
        Path sparkHome = Files.createDirectories(folder.resolve("spark-home"));
        Files.writeString(sparkHome.resolve("RELEASE"), "Spark from the Maven jars (test)\n");
        Path jarsFolder = Files.createDirectories(sparkHome.resolve("jars"));
        for (Path jar : jars) {
            Path link = jarsFolder.resolve(jar.getFileName());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, jar);
            }
        }
        int port = freePort();
        int masterUi = freePort();
        String classpath = jarsFolder + File.separator + "*";
        String url = "spark://127.0.0.1:" + port;
        Process master = java(classpath, sparkHome, folder.resolve("master.log"), "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", Integer.toString(masterUi));
        Process worker = java(classpath, sparkHome, folder.resolve("worker.log"), "org.apache.spark.deploy.worker.Worker",
                "--host", "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port", Integer.toString(freePort()),
                "--work-dir", Files.createDirectories(folder.resolve("work")).toString(), url);
        StandaloneCluster cluster = new StandaloneCluster(master, worker, url);
        try {
            cluster.awaitWorker(masterUi);
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** The master URL, spark://127.0.0.1:PORT. */
    public String url() {
        return url;
    }

    /** Options the executors need on Java 17+: the same module options as the launcher's jvm-options, heap aside. */
    public static String executorJavaOptions() throws IOException {
        return String.join(" ", moduleOptions());
    }

    /** A jar of the module's compiled classes (target/classes), for spark.jars: what spark-submit would ship. */
    public static Path applicationJar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> paths = Files.walk(classes)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace(File.separatorChar, '/')));
                try (InputStream in = Files.newInputStream(path)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    private void awaitWorker(int masterUi) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (!master.isAlive() || !worker.isAlive()) {
                throw new IllegalStateException("The Spark master or worker exited; see master.log and worker.log");
            }
            try {
                String state = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi + "/json/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
                if (state.replace(" ", "").contains("\"aliveworkers\":1")) {
                    return;
                }
            } catch (IOException notUpYet) {
                // the master's UI is not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("No Spark worker registered with " + url + " within two minutes");
    }

    private static Process java(String classpath, Path sparkHome, Path log, String mainClass, String... arguments)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m"));
        command.addAll(moduleOptions());
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }

    /** Spark's module options from the launcher's jvm-options (src/main/launcher), without the heap size. */
    public static List<String> moduleOptions() throws IOException {
        return Files.readAllLines(Path.of("src/main/launcher/jvm-options"), StandardCharsets.UTF_8).stream()
                .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("-Xmx")).toList();
    }

    /** The jars of the test JVM's classpath (surefire's real classpath, not its booter jar). */
    private static List<Path> classpathJars() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Stream.of(classpath.split(File.pathSeparator)).filter(p -> p.endsWith(".jar")).map(Path::of)
                .filter(Files::isRegularFile).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process process : List.of(worker, master)) {
            process.destroy();
        }
        for (Process process : List.of(worker, master)) {
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
