package uk.gov.childrenshomes.publish.support;

import uk.gov.childrenshomes.warehouse.WarehouseConnection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./datapack generate} and {@code ./datapack ingest} as the launcher runs them: the packaged generator and
 * ingest from their module target folders (the reactor packages them before this module: see the POM), each in a
 * JVM of its own against the test warehouse, with a pseudonymisation key of the test's own. Nothing of the
 * developer's or CI's DATAPACK_ or WAREHOUSE_ settings reaches them.
 */
public final class PackagedIngest {

    private static final String VERSION = "0.1.0-SNAPSHOT";
    private static final long TIMEOUT_MINUTES = 20;

    private PackagedIngest() {
    }

    /** Generates every LA's returns of {@code year} at {@code scale} into {@code inbox}. */
    public static void generate(Path inbox, int year, double scale, Path logs) throws IOException, InterruptedException {
        Path generator = module("returns-generator").resolve("target");
        run("generate", List.of(java(), "-Xmx1g", "-cp",
                        generator.resolve("returns-generator-" + VERSION + ".jar") + ":" + generator.resolve("lib") + "/*",
                        "uk.gov.childrenshomes.generator.GenerateCli", "--out", inbox.toString(), "--year",
                        Integer.toString(year), "--scale", Double.toString(scale)),
                Map.of(), logs);
    }

    /** Ingests every return of {@code year} in {@code inbox} into {@code warehouse}, with the launcher's heap. */
    public static void ingest(WarehouseConnection warehouse, Path inbox, int year, Path logs)
            throws IOException, InterruptedException {
        run("ingest", List.of(java(), "-Xmx2g", "-jar", module("jobs").resolve("target/datapack-jobs.jar").toString(),
                        "ingest", "--inbox", inbox.toString(), "--year", Integer.toString(year)),
                Map.of(WarehouseConnection.URL_VARIABLE, warehouse.url(),
                        WarehouseConnection.USER_VARIABLE, String.valueOf(warehouse.user()),
                        WarehouseConnection.PASSWORD_VARIABLE, warehouse.password() == null ? "" : warehouse.password(),
                        "DATAPACK_PSEUDONYMISATION_KEY", "national-oracle-test-key-0123456789abcdef0123456789abcdef",
                        "DATAPACK_HOME", logs.resolve("datapack-home").toString()),
                logs);
    }

    private static void run(String name, List<String> command, Map<String, String> settings, Path logs)
            throws IOException, InterruptedException {
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(v -> v.startsWith("DATAPACK_") || v.startsWith("WAREHOUSE_"));
        builder.environment().putAll(settings);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not finish within " + TIMEOUT_MINUTES + " minutes; see " + log);
        }
        if (process.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
        }
    }

    /** The repository's module folder: surefire passes the root in DATAPACK_REPO_ROOT (root POM). */
    private static Path module(String name) {
        String root = System.getenv("DATAPACK_REPO_ROOT");
        return (root == null || root.isBlank() ? Path.of("..") : Path.of(root)).toAbsolutePath().normalize().resolve(name);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
