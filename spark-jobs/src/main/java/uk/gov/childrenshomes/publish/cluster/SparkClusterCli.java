package uk.gov.childrenshomes.publish.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * {@code ./datapack cluster up|status|url|stop}: a local Spark standalone cluster for {@code publish --master}, to try
 * the cluster path (or spread a big publish over more JVMs) on one machine without installing Spark. The cluster's
 * processes outlive the command; its URL, master UI port and process ids are kept in {@code cluster.properties} in
 * the cluster folder so that later commands find it. Exit codes: 0 done, 1 failure (or, for status/url, not running),
 * 2 bad arguments.
 */
public final class SparkClusterCli {

    static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_ARGUMENTS = 2;

    private static final String STATE_FILE = "cluster.properties";
    private static final String USAGE = """
            Usage: cluster up [--workers N] [--cores C] [--memory SIZE] | status | url | stop
              up        start a Spark master and N workers on 127.0.0.1 (default 2 workers of 1 core and 2g each)
                        and print the master URL; does nothing if the cluster is already running
              status    the master URL and how many workers are alive
              url       the master URL alone, e.g. ./datapack publish --master "$(./datapack cluster url)" ...
              stop      stop the workers and the master
            Logs and work folders are in the cluster folder (DATAPACK_HOME/spark-cluster).""";

    private SparkClusterCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs one command. The launcher passes {@code --folder DIR} (where the cluster lives) and
     * {@code --jvm-options FILE} (Spark's module options, one per line) before the user's arguments.
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Path folder = null;
        Path jvmOptions = null;
        String command = null;
        int workers = 2;
        int cores = 1;
        String memory = "2g";
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return OK;
                    }
                    case "--folder" -> folder = Path.of(value(args, ++i, "--folder"));
                    case "--jvm-options" -> jvmOptions = Path.of(value(args, ++i, "--jvm-options"));
                    case "--workers" -> workers = positive(value(args, ++i, "--workers"), "--workers");
                    case "--cores" -> cores = positive(value(args, ++i, "--cores"), "--cores");
                    case "--memory" -> memory = value(args, ++i, "--memory");
                    case "up", "status", "url", "stop" -> {
                        if (command != null) {
                            throw new IllegalArgumentException("one command at a time, got " + command + " and " + args[i]);
                        }
                        command = args[i];
                    }
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
            if (command == null || folder == null) {
                throw new IllegalArgumentException(command == null ? "a command is required" : "--folder is required");
            }
            if (command.equals("up") && jvmOptions == null) {
                throw new IllegalArgumentException("up needs --jvm-options");
            }
            LocalSparkCluster.Shape shape = new LocalSparkCluster.Shape(workers, cores, memory);
            return switch (command) {
                case "up" -> up(folder, shape, jvmOptions, out, err);
                case "status" -> status(folder, out, err);
                case "url" -> url(folder, out, err);
                default -> stop(folder, err);
            };
        } catch (IllegalArgumentException e) {
            err.println("cluster: " + e.getMessage());
            err.println(USAGE);
            return BAD_ARGUMENTS;
        } catch (IOException e) {
            err.println("cluster: " + e.getMessage());
            return FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("cluster: interrupted");
            return FAILURE;
        } catch (IllegalStateException e) {
            err.println("cluster: " + e.getMessage() + " (logs in " + folder + ")");
            return FAILURE;
        }
    }

    private static int up(Path folder, LocalSparkCluster.Shape shape, Path jvmOptions, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        LocalSparkCluster running = running(folder);
        if (running != null) {
            err.println("A Spark cluster is already running at " + running.url() + " with "
                    + running.aliveWorkers().orElse(0) + " worker(s); ./datapack cluster stop stops it.");
            out.println(running.url());
            return OK;
        }
        if (Files.exists(folder.resolve(STATE_FILE))) {
            attach(folder.resolve(STATE_FILE)).close(); // the master died: stop what is left of that cluster first
        }
        Files.createDirectories(folder);
        LocalSparkCluster cluster = LocalSparkCluster.start(folder, shape,
                LocalSparkCluster.jarsOf(System.getProperty("java.class.path")), LocalSparkCluster.moduleOptions(jvmOptions));
        Properties state = new Properties();
        state.setProperty("url", cluster.url());
        state.setProperty("master-ui-port", Integer.toString(cluster.masterUiPort()));
        state.setProperty("pids", String.join(",", cluster.pids().stream().map(String::valueOf).toList()));
        try (Writer writer = Files.newBufferedWriter(folder.resolve(STATE_FILE), StandardCharsets.UTF_8)) {
            state.store(writer, "./datapack cluster: the running local Spark cluster");
        }
        err.printf("Spark cluster up: master %s, %d worker(s) of %d core(s) and %s; master UI http://127.0.0.1:%d/%n",
                cluster.url(), shape.workers(), shape.coresPerWorker(), shape.memoryPerWorker(), cluster.masterUiPort());
        out.println(cluster.url());
        return OK;
    }

    private static int status(Path folder, PrintStream out, PrintStream err) throws IOException {
        LocalSparkCluster cluster = running(folder);
        if (cluster == null) {
            err.println("No Spark cluster is running (./datapack cluster up starts one).");
            return FAILURE;
        }
        out.printf("%s: %d worker(s) alive; master UI http://127.0.0.1:%d/; logs in %s%n", cluster.url(),
                cluster.aliveWorkers().orElse(0), cluster.masterUiPort(), folder);
        return OK;
    }

    private static int url(Path folder, PrintStream out, PrintStream err) throws IOException {
        LocalSparkCluster cluster = running(folder);
        if (cluster == null) {
            err.println("No Spark cluster is running (./datapack cluster up starts one).");
            return FAILURE;
        }
        out.println(cluster.url());
        return OK;
    }

    private static int stop(Path folder, PrintStream err) throws IOException {
        Path stateFile = folder.resolve(STATE_FILE);
        if (!Files.exists(stateFile)) {
            err.println("No Spark cluster is running.");
            return OK;
        }
        LocalSparkCluster cluster = attach(stateFile);
        cluster.close();
        Files.delete(stateFile);
        err.println("Spark cluster at " + cluster.url() + " stopped.");
        return OK;
    }

    /** The cluster recorded in the folder if its master still runs and answers, else null. */
    private static LocalSparkCluster running(Path folder) throws IOException {
        Path stateFile = folder.resolve(STATE_FILE);
        if (!Files.exists(stateFile)) {
            return null;
        }
        LocalSparkCluster cluster = attach(stateFile);
        return cluster.aliveWorkers().isPresent() ? cluster : null;
    }

    private static LocalSparkCluster attach(Path stateFile) throws IOException {
        Properties state = new Properties();
        try (Reader reader = Files.newBufferedReader(stateFile, StandardCharsets.UTF_8)) {
            state.load(reader);
        }
        List<Long> pids = Arrays.stream(state.getProperty("pids", "").split(",")).filter(s -> !s.isBlank())
                .map(Long::valueOf).toList();
        return LocalSparkCluster.attach(state.getProperty("url"), Integer.parseInt(state.getProperty("master-ui-port")),
                pids);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int positive(String value, String option) {
        try {
            int number = Integer.parseInt(value);
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number of at least 1, got: " + value);
        }
    }
}
