package uk.gov.childrenshomes.reliability.support;

import uk.gov.childrenshomes.warehouse.WarehouseConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The packaged product, run as {@code ./datapack} runs it: the same jars and classpaths from the module target
 * folders (the reactor builds them before this module), the same JVM options, the warehouse passed in
 * {@code WAREHOUSE_URL}/{@code _USER}/{@code _PASSWORD}, and a secret pseudonymisation key in a file of mode 600.
 * Every child gets a clean environment: nothing of the developer's or CI's DATAPACK_ or WAREHOUSE_ settings leaks in.
 */
public final class Pipeline {

    public static final int YEAR = 2025;
    private static final String VERSION = "0.1.0-SNAPSHOT";
    private static final List<String> INHERITED = List.of("PATH", "HOME", "LANG", "JAVA_HOME", "TMPDIR");

    private final WarehouseConnection warehouse;
    private final Path work;
    private final String secretKey;
    private final Path secretKeyFile;

    public Pipeline(WarehouseConnection warehouse, Path work) {
        this.warehouse = warehouse;
        this.work = work;
        // Distinctive, so that a scan for it cannot match anything by accident.
        this.secretKey = "reliability-secret-" + UUID.randomUUID().toString().replace("-", "")
                + UUID.randomUUID().toString().replace("-", "");
        try {
            Path secrets = Files.createDirectories(work.resolve("secrets"));
            this.secretKeyFile = secrets.resolve("pseudonymisation.key");
            Files.writeString(secretKeyFile, secretKey + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(secretKeyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path repositoryRoot() {
        String root = System.getenv("DATAPACK_REPO_ROOT");
        return (root == null || root.isBlank() ? Path.of("..") : Path.of(root)).toAbsolutePath().normalize();
    }

    public WarehouseConnection warehouse() {
        return warehouse;
    }

    public Path work() {
        return work;
    }

    public Path logs() {
        return work.resolve("logs");
    }

    public String secretKey() {
        return secretKey;
    }

    /** What every child gets: the warehouse and the secret key file, nothing else of ours. */
    public Map<String, String> environment() {
        return environment(warehouse, work.resolve("datapack-home"));
    }

    /**
     * The same for a process standing for another machine: its own DATAPACK_HOME, and {@code target} as the
     * warehouse (given by URL, as a managed PostgreSQL would be).
     */
    public Map<String, String> environment(WarehouseConnection target, Path home) {
        Map<String, String> environment = new HashMap<>();
        INHERITED.forEach(name -> {
            String value = System.getenv(name);
            if (value != null) {
                environment.put(name, value);
            }
        });
        environment.put(WarehouseConnection.URL_VARIABLE, target.url());
        environment.put(WarehouseConnection.USER_VARIABLE, String.valueOf(target.user()));
        environment.put(WarehouseConnection.PASSWORD_VARIABLE, target.password() == null ? "" : target.password());
        environment.put("DATAPACK_PSEUDONYMISATION_KEY_FILE", secretKeyFile.toString());
        environment.put("DATAPACK_HOME", home.toString());
        return environment;
    }

    /** {@code ./datapack generate}: writes realistic returns for the given LAs into {@code inbox}. */
    public ChildProcess.Result generate(Path inbox, double scale, List<String> laCodes) {
        return generate(inbox, scale, 0, laCodes);
    }

    /** The same with a share of rows given a realistic fault (listed in {@code faults.csv}); no LAs = every LA. */
    public ChildProcess.Result generate(Path inbox, double scale, double faultRate, List<String> laCodes) {
        List<String> arguments = new ArrayList<>(List.of("--out", inbox.toString(), "--year", String.valueOf(YEAR),
                "--scale", String.valueOf(scale), "--fault-rate", String.valueOf(faultRate)));
        laCodes.forEach(code -> arguments.addAll(List.of("--la", code)));
        return ChildProcess.run("generate", java(List.of("-Xmx512m"), classpath("returns-generator"),
                "uk.gov.childrenshomes.generator.GenerateCli", arguments), environment(), logs());
    }

    /** The jobs jar ({@code ingest}, {@code status}) with the launcher's heap unless {@code jvmOptions} say otherwise. */
    public List<String> jobsCommand(List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions.isEmpty() ? List.of("-Xmx2g") : jvmOptions);
        command.add("-jar");
        command.add(module("jobs").resolve("target/datapack-jobs.jar").toString());
        command.addAll(arguments);
        return command;
    }

    /** {@code ./datapack ingest --inbox DIR --year 2025}, started, with this pipeline's environment. */
    public ChildProcess startIngest(String name, Path inbox) {
        return startIngest(name, inbox, List.of());
    }

    /** The same with other JVM options than the launcher's (a smaller heap, a file size limit). */
    public ChildProcess startIngest(String name, Path inbox, List<String> jvmOptions) {
        return ChildProcess.start(name, jobsCommand(jvmOptions, ingestArguments(inbox)), environment(), logs());
    }

    /**
     * An ingest standing for another machine: its own DATAPACK_HOME, {@code target} as the warehouse, only
     * {@code laCodes} of the inbox (all when empty), with the launcher's JVM options.
     */
    public ChildProcess startIngest(String name, Path inbox, List<String> laCodes, WarehouseConnection target, Path home) {
        return ChildProcess.start(name, jobsCommand(List.of(), ingestArguments(inbox, laCodes)), environment(target, home),
                logs());
    }

    public ChildProcess.Result ingest(String name, Path inbox) {
        return startIngest(name, inbox).waitFor();
    }

    public static List<String> ingestArguments(Path inbox) {
        return ingestArguments(inbox, List.of());
    }

    /** The same restricted to {@code laCodes} ({@code --la} each), as the collection DAG's per-LA tasks run it. */
    public static List<String> ingestArguments(Path inbox, List<String> laCodes) {
        List<String> arguments = new ArrayList<>(List.of("ingest", "--inbox", inbox.toString(), "--year", String.valueOf(YEAR)));
        laCodes.forEach(code -> arguments.addAll(List.of("--la", code)));
        return arguments;
    }

    /** {@code ./datapack publish --year 2025 --out DIR}, started, with the launcher's JVM options. */
    public ChildProcess startPublish(String name, Path out) {
        return ChildProcess.start(name, publishCommand(List.of("--year", String.valueOf(YEAR), "--out", out.toString())),
                environment(), logs());
    }

    /** PublishCli with the launcher's JVM options ({@code spark-jobs/target/jvm-options}). */
    public List<String> publishCommand(List<String> arguments) {
        List<String> jvmOptions;
        try {
            jvmOptions = Files.readAllLines(module("spark-jobs").resolve("target/jvm-options"));
        } catch (IOException e) {
            throw new UncheckedIOException("spark-jobs is not packaged (target/jvm-options)", e);
        }
        return java(jvmOptions, classpath("spark-jobs"), "uk.gov.childrenshomes.publish.PublishCli", arguments);
    }

    /** {@code ./datapack pull --sources FILE --inbox DIR ...}. */
    public ChildProcess.Result pull(String name, List<String> arguments) {
        return ChildProcess.run(name, pullCommand(arguments), environment(), logs());
    }

    /** PullCli's {@code pull} command with {@code arguments}. */
    public List<String> pullCommand(List<String> arguments) {
        List<String> all = new ArrayList<>(List.of("pull"));
        all.addAll(arguments);
        return java(List.of("-Xmx256m"), classpath("la-sources"), "uk.gov.childrenshomes.sources.PullCli", all);
    }

    private static List<String> java(List<String> jvmOptions, String classpath, String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    /** The launcher's classpath of a plain-Java module: its jar and {@code target/lib/*}. */
    private static String classpath(String module) {
        Path target = module(module).resolve("target");
        return target.resolve(module + "-" + VERSION + ".jar") + ":" + target.resolve("lib") + "/*";
    }

    private static Path module(String module) {
        return repositoryRoot().resolve(module);
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
