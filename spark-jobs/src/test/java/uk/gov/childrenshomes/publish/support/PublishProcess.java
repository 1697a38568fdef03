package uk.gov.childrenshomes.publish.support;

import uk.gov.childrenshomes.warehouse.WarehouseConnection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./datapack publish} as the launcher runs it: PublishCli in a JVM of its own, with the launcher's JVM options
 * and the test classpath, against the test warehouse. A second JVM is what shows up anything that varies from one
 * JVM to the next (hash codes of enum constants, for one).
 */
public final class PublishProcess {

    private PublishProcess() {
    }

    /** Publishes {@code year} into {@code out}; returns the release directory, the first line the CLI prints. */
    public static Path publish(WarehouseConnection warehouse, int year, Path out, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g"));
        command.addAll(StandaloneCluster.moduleOptions());
        command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "uk.gov.childrenshomes.publish.PublishCli", "--year", Integer.toString(year), "--out", out.toString(),
                "--master", "local[2]"));
        Path stdout = Files.createTempFile(log.getParent(), "publish", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile()).redirectOutput(stdout.toFile());
        builder.environment().put("WAREHOUSE_URL", warehouse.url());
        builder.environment().put("WAREHOUSE_USER", warehouse.user());
        builder.environment().put("WAREHOUSE_PASSWORD", warehouse.password());
        builder.environment().remove("DATAPACK_DISCLOSURE_POLICY_FILE");
        Process publish = builder.start();
        if (!publish.waitFor(5, TimeUnit.MINUTES)) {
            publish.destroyForcibly();
            throw new IllegalStateException("publish did not finish within 5 minutes; see " + log);
        }
        List<String> printed = Files.readAllLines(stdout, StandardCharsets.UTF_8);
        if (publish.exitValue() != 0 || printed.isEmpty()) {
            throw new IllegalStateException("publish exited with " + publish.exitValue() + "; see " + log + " and " + stdout);
        }
        return Path.of(printed.get(0));
    }
}
