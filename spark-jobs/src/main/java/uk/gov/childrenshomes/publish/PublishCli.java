package uk.gov.childrenshomes.publish;

import org.apache.spark.sql.SparkSession;
import uk.gov.childrenshomes.publish.disclosure.DisclosurePolicy;
import uk.gov.childrenshomes.publish.ees.DfeGeography;
import uk.gov.childrenshomes.publish.ees.EesChecker;
import uk.gov.childrenshomes.publish.release.Headlines;
import uk.gov.childrenshomes.publish.release.ReleaseRefusedException;
import uk.gov.childrenshomes.publish.warehouse.Warehouse;
import uk.gov.childrenshomes.publish.warehouse.WarehouseException;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./datapack publish --year YYYY --out DIR [--master URL]}: publishes the data pack of a reporting year.
 * Exit codes: 0 published; 1 system failure (warehouse unset or unreachable, I/O); 2 bad arguments;
 * 3 release refused by the EES checks (every failure listed, nothing written).
 */
public final class PublishCli {

    static final int OK = 0;
    static final int SYSTEM_FAILURE = 1;
    static final int BAD_ARGUMENTS = 2;
    static final int REFUSED = 3;
    static final String DEFAULT_MASTER = "local[*]";
    /** The largest table has tens of thousands of cells; each median buffer is a map of the distinct values. */
    static final int MEDIAN_CELLS_PER_TASK = 100_000;

    private static final String USAGE = """
            Usage: publish --year YYYY --out DIR [--master URL]
              --year YYYY    reporting year (the year whose 31 March ends it), e.g. 2025
              --out DIR      output folder; the release is written to DIR/<year>-r<NNN>/
              --master URL   Spark master (default: spark-submit's, else local[*]; e.g. spark://HOST:7077)
            Warehouse from WAREHOUSE_URL, WAREHOUSE_USER, WAREHOUSE_PASSWORD.
            Exit codes: 0 published, 1 system failure, 2 bad arguments, 3 refused by the EES checks.""";

    /** Parsed arguments; {@code master} is null when not given. */
    record Arguments(int year, Path out, String master) {
    }

    private PublishCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            if (List.of(args).contains("--help")) {
                out.println(USAGE);
                return OK;
            }
            arguments = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return BAD_ARGUMENTS;
        }
        Warehouse warehouse;
        DisclosurePolicy policy;
        try {
            warehouse = Warehouse.fromEnvironment(environment);
            try (Connection ignored = warehouse.open()) {
                // reachable
            }
            policy = DisclosurePolicy.fromEnvironment(environment);
        } catch (IllegalArgumentException | IOException e) {
            err.println("publish: " + e.getMessage());
            return SYSTEM_FAILURE;
        } catch (SQLException e) {
            err.println("publish: cannot reach the warehouse (WAREHOUSE_URL): " + e.getMessage());
            return SYSTEM_FAILURE;
        }
        SparkSession spark = session(arguments.master());
        try {
            PublishJob.Release release = new PublishJob(spark, warehouse, policy, DfeGeography.fromClasspath(),
                    Clock.systemUTC()).publish(arguments.year(), arguments.out());
            summary(release, arguments.year(), out);
            return OK;
        } catch (ReleaseRefusedException e) {
            err.println("publish: " + e.getMessage() + "; nothing was written:");
            for (EesChecker.Failure failure : e.failures()) {
                err.println("  " + failure);
            }
            return REFUSED;
        } catch (IOException | SQLException | WarehouseException e) {
            err.println("publish: " + e.getMessage());
            return SYSTEM_FAILURE;
        } finally {
            spark.stop();
        }
    }

    /** The release path, then what a publisher checks at a glance: the tables, the inputs, the headline figures. */
    static void summary(PublishJob.Release release, int year, PrintStream out) {
        out.println(release.directory());
        out.println("Published release " + release.releaseId() + " of reporting year " + year + " (EES checks passed)");
        out.println("  built from " + release.inputs().size() + " accepted submissions; years "
                + release.years().get(0) + "-" + release.years().get(release.years().size() - 1));
        out.println("  tables (data rows):");
        release.tables().forEach(t -> out.println("    " + t.name() + " " + t.rows().size()));
        out.println("  England " + year + ":");
        Headlines.of(release.tables(), year).lines().forEach(line -> out.println("    " + line));
        out.println("  files: data/, parquet/, manifest.json, quality.csv, changes.md, index.html");
    }

    static Arguments parse(String[] args) {
        Integer year = null;
        Path out = null;
        String master = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value for " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--year" -> {
                    if (!value.matches("20\\d{2}")) {
                        throw new IllegalArgumentException("--year must be a reporting year such as 2025, got: " + value);
                    }
                    year = Integer.parseInt(value);
                }
                case "--out" -> out = Path.of(value);
                case "--master" -> master = value;
                default -> throw new IllegalArgumentException("Unknown option: " + option);
            }
        }
        if (year == null || out == null) {
            throw new IllegalArgumentException("--year and --out are required");
        }
        return new Arguments(year, out, master);
    }

    /**
     * A Spark session for the CLI: no UI, UTC, and exact medians kept hash-based for up to {@value #MEDIAN_CELLS_PER_TASK}
     * cells per task (Spark's default of 128 makes them sort every expanded unit: most of the publish time). With {@code --master} of a cluster the executors need the PostgreSQL
     * driver for the partitioned reads, so this jar and the driver's are shipped with the application. Without
     * {@code --master}: the master spark-submit set (it also ships the jars), else {@value #DEFAULT_MASTER}.
     */
    static SparkSession session(String master) {
        SparkSession.Builder builder = SparkSession.builder()
                .appName("datapack-publish")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", "8")
                .config("spark.sql.objectHashAggregate.sortBased.fallbackThreshold", MEDIAN_CELLS_PER_TASK);
        if (master != null) {
            builder.master(master);
            if (!master.startsWith("local")) {
                builder.config("spark.jars", String.join(",", jarOf(PublishCli.class), jarOf(org.postgresql.Driver.class)));
            }
        } else if (System.getProperty("spark.master") == null) {
            builder.master(DEFAULT_MASTER);
        }
        return builder.getOrCreate();
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
