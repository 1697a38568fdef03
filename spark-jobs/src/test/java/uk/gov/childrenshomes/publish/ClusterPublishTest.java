package uk.gov.childrenshomes.publish;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.childrenshomes.publish.cluster.LocalSparkCluster;
import uk.gov.childrenshomes.publish.disclosure.DisclosurePolicy;
import uk.gov.childrenshomes.publish.ees.DfeGeography;
import uk.gov.childrenshomes.publish.support.StandaloneCluster;
import uk.gov.childrenshomes.publish.support.TeesValleyData;
import uk.gov.childrenshomes.publish.warehouse.Warehouse;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job runs unchanged on a Spark standalone cluster: a master and a worker started from the Maven jars on
 * 127.0.0.1, the application shipped as a jar with the PostgreSQL driver (as spark-submit would), the executors
 * in their own JVM reading the warehouse. Its release is byte for byte the release of a local run, which goes
 * through the CLI.
 */
@ExtendWith(WarehouseExtension.class)
class ClusterPublishTest {

    private static final Clock BUILT_AT = Clock.fixed(Instant.parse("2025-09-30T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path work;

    @Test
    void aReleasePublishedThroughAStandaloneClusterIsByteIdenticalToALocalOne(WarehouseConnection warehouse)
            throws Exception {
        try (Connection connection = warehouse.open()) {
            TeesValleyData.load(connection);
        }
        Warehouse target = new Warehouse(warehouse.url(), warehouse.user(), warehouse.password());

        // The local run goes through the CLI, as ./datapack publish runs it.
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int exit = PublishCli.run(new String[]{"--year", "2025", "--out", work.resolve("local").toString(),
                        "--master", "local[2]"},
                Map.of("WAREHOUSE_URL", warehouse.url(), "WAREHOUSE_USER", warehouse.user(),
                        "WAREHOUSE_PASSWORD", warehouse.password()),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err);
        assertEquals(PublishCli.OK, exit);
        List<String> summary = stdout.toString(StandardCharsets.UTF_8).lines().toList();
        Path localRelease = Path.of(summary.get(0));
        assertEquals(work.resolve("local/2025-r001"), localRelease, "the release path comes first");
        assertTrue(summary.size() < 25, "one screen: " + summary);
        assertTrue(summary.stream().anyMatch(l -> l.contains("70 children looked after at 31 March")),
                summary.toString());

        Path clusterRelease;
        try (LocalSparkCluster cluster = StandaloneCluster.start(Files.createDirectories(work.resolve("cluster-run")))) {
            Path appJar = StandaloneCluster.applicationJar(Path.of("target/classes"), work.resolve("spark-jobs.jar"));
            SparkSession remote = SparkSession.builder()
                    .appName("spark-jobs-cluster-test")
                    .master(cluster.url())
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.jars", appJar + "," + jarOf(org.postgresql.Driver.class))
                    .config("spark.executor.memory", "512m")
                    .config("spark.executor.extraJavaOptions", StandaloneCluster.executorJavaOptions())
                    .config("spark.sql.shuffle.partitions", "5")
                    .config("spark.sql.session.timeZone", "UTC")
                    .getOrCreate();
            try {
                assertTrue(remote.sparkContext().master().startsWith("spark://127.0.0.1:"));
                clusterRelease = publish(remote, target, work.resolve("cluster"));
                assertEquals(1, remote.sparkContext().statusTracker().getExecutorInfos().length - 1,
                        "one executor besides the driver ran the job");
            } finally {
                remote.stop();
            }
        }

        List<String> files = files(localRelease);
        assertEquals(files, files(clusterRelease));
        assertTrue(files.stream().anyMatch(f -> f.startsWith("parquet/")), files.toString());
        for (String file : files.stream().filter(f -> f.startsWith("data/") || f.startsWith("parquet/")).toList()) {
            assertArrayEquals(Files.readAllBytes(localRelease.resolve(file)), Files.readAllBytes(clusterRelease.resolve(file)),
                    file);
        }
    }

    private static Path publish(SparkSession spark, Warehouse warehouse, Path out) throws Exception {
        return new PublishJob(spark, warehouse, DisclosurePolicy.defaults(), DfeGeography.fromClasspath(), BUILT_AT)
                .publish(2025, out).directory();
    }

    private static List<String> files(Path release) throws Exception {
        try (Stream<Path> paths = Files.walk(release)) {
            return paths.filter(Files::isRegularFile).map(p -> release.relativize(p).toString()).sorted().toList();
        }
    }

    private static String jarOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
