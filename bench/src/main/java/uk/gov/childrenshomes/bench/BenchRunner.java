package uk.gov.childrenshomes.bench;

import uk.gov.childrenshomes.bench.BenchRun.CopyBaseline;
import uk.gov.childrenshomes.bench.BenchRun.DatabaseSize;
import uk.gov.childrenshomes.bench.BenchRun.ScaleResult;
import uk.gov.childrenshomes.bench.BenchRun.SqlBaseline;
import uk.gov.childrenshomes.bench.BenchRun.StageResult;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Takes each scale through the pipeline as a user would, with the baselines in between, and gathers every figure:
 * <ol>
 *   <li>a fresh, migrated warehouse for the scale ({@link ScaleWarehouse});</li>
 *   <li>{@code ./datapack generate}, then the raw COPY baseline on the generated files (its schema dropped again,
 *       so that ingest starts from the same warehouse and the database size is the pipeline's own);</li>
 *   <li>{@code ./datapack ingest}, {@code ./datapack publish};</li>
 *   <li>database size and core fact rows, then the plain-SQL baseline over the same facts.</li>
 * </ol>
 * A failed generate, or an ingest that timed out, stops its scale; after an ingest that ended with an error, publish
 * and the baselines still run on what it loaded. The result says which stage failed and where its log is, and the
 * next scale runs.
 */
final class BenchRunner {

    /** Schema of the COPY baseline's tables, created and dropped within a scale. */
    static final String COPY_SCHEMA = "bench_copy_floor";

    /** The core facts publish reads (spark-jobs CoreFacts): their rows are the publish stage's rows. */
    static final List<String> PUBLISHED_FACTS = List.of("fact_childrens_home_31_march", "fact_looked_after_31_march",
            "fact_out_of_area_placement", "fact_missing_incident");

    private final Path launcher;
    private final BenchOptions options;
    private final Map<String, String> environment;
    private final Optional<WarehouseConnection> server;
    private final PrintStream progress;

    /**
     * @param environment variables every command gets (the demo pseudonymisation key and flag)
     * @param server      the server of WAREHOUSE_URL, when the scales run there instead of embedded
     */
    BenchRunner(Path launcher, BenchOptions options, Map<String, String> environment,
                Optional<WarehouseConnection> server, PrintStream progress) {
        this.launcher = launcher;
        this.options = options;
        this.environment = Map.copyOf(environment);
        this.server = server;
        this.progress = progress;
    }

    BenchRun run(String command) {
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<ScaleResult> scales = new ArrayList<>();
        String postgresql = null;
        String warehouse = null;
        for (double scale : options.scales()) {
            ScaleRun scaleRun = new ScaleRun(scale);
            scales.add(scaleRun.run());
            if (postgresql == null) {
                postgresql = scaleRun.serverVersion;
                warehouse = scaleRun.warehouseDescription;
            }
        }
        String where = server.isPresent() ? "a fresh database per scale on the server of WAREHOUSE_URL"
                : "a fresh embedded PostgreSQL per scale (durable settings, as the CLI runs it)";
        return new BenchRun(command, startedAt, MachineProbe.describe(postgresql == null ? "not started" : postgresql),
                warehouse == null ? where : where + "; first: " + warehouse, scales);
    }

    /** One scale's steps and what they measured so far; a failure stops the steps and keeps what was measured. */
    private final class ScaleRun {
        private final double scale;
        private final Path folder;
        private final List<StageResult> stages = new ArrayList<>();
        private CopyBaseline copyBaseline;
        private SqlBaseline sqlBaseline;
        private DatabaseSize databaseSize;
        private Map<String, Long> coreFactRows;
        private String serverVersion;
        private String warehouseDescription;

        ScaleRun(double scale) {
            this.scale = scale;
            this.folder = options.work().resolve("scale-" + Units.scale(scale));
        }

        ScaleResult run() {
            String failure = null;
            try {
                ScaleWarehouse.stopLeftover(folder.resolve("home"));
                recreate(folder);
                failure = steps();
            } catch (RuntimeException e) {
                failure = "the bench itself failed: " + e.getMessage();
            }
            if (failure != null) {
                say("scale " + Units.scale(scale) + " FAILED: " + failure);
            }
            return new ScaleResult(scale, options.year(), folder.toString(), List.copyOf(stages), copyBaseline,
                    sqlBaseline, databaseSize, coreFactRows, failure);
        }

        /** Runs the steps in order; returns null when all completed, else what failed. */
        private String steps() {
            Path inbox = folder.resolve("inbox");
            Path logs = folder.resolve("logs");
            String year = Integer.toString(options.year());
            String database = "datapack_bench_scale_" + Units.scale(scale).replace('.', '_');
            say("scale " + Units.scale(scale) + ": starting a fresh warehouse");
            try (ScaleWarehouse warehouse = ScaleWarehouse.start(folder.resolve("home"), server, database)) {
                WarehouseFigures figures = new WarehouseFigures(warehouse.connection());
                serverVersion = figures.serverVersion();
                warehouseDescription = warehouse.description();
                Map<String, String> commandEnvironment = new HashMap<>(environment);
                commandEnvironment.putAll(warehouse.environment());
                StageRunner runner = new StageRunner(launcher, commandEnvironment, options.profile(), options.stageTimeout(),
                        warehouse.serverProcessId());

                StageRunner.Finished generate = runner.run("generate", List.of("generate", "--out", inbox.toString(),
                        "--year", year, "--scale", Units.scale(scale)), logs);
                if (!record(generate, () -> GeneratedRows.in(inbox),
                        "data rows written to LA returns and national files (generation.json)")) {
                    return failureOf(generate);
                }

                say("scale " + Units.scale(scale) + ": raw COPY baseline");
                RawCopyLoader copy = new RawCopyLoader(warehouse.connection(), COPY_SCHEMA, Runtime.getRuntime().availableProcessors());
                try {
                    copyBaseline = copy.load(inbox);
                } finally {
                    copy.drop();
                }
                say(String.format(Locale.ROOT, "  COPY: %,d rows in %.1f s", copyBaseline.rows(), copyBaseline.seconds()));

                List<String> failures = new ArrayList<>();
                StageRunner.Finished ingest = runner.run("ingest", List.of("ingest", "--inbox", inbox.toString(), "--year", year), logs);
                if (!record(ingest, () -> figures.rowsReceived(options.year()), "data rows received (ops.submission)")) {
                    failures.add(failureOf(ingest));
                    if (ingest.timedOut() || ingest.rebuiltProject()) {
                        return String.join("; ", failures);
                    }
                    // an ingest that ended with an error still loaded most LAs: publish and the baselines show the rest
                }

                StageRunner.Finished publish = runner.run("publish", List.of("publish", "--year", year, "--out",
                        folder.resolve("releases").toString()), logs);
                coreFactRows = figures.coreFactRows();
                if (!record(publish, () -> publishedFactRows(coreFactRows),
                        "core fact rows read (" + String.join(", ", PUBLISHED_FACTS) + ")")) {
                    failures.add(failureOf(publish));
                }
                if (options.clusterWorkers() > 0 && publish.succeeded()) {
                    String clusterFailure = publishOnCluster(runner, year, logs, coreFactRows);
                    if (clusterFailure != null) {
                        failures.add(clusterFailure);
                    }
                }
                databaseSize = figures.databaseSize();

                say("scale " + Units.scale(scale) + ": plain-SQL baseline");
                sqlBaseline = new PlainSqlAggregations(warehouse.connection()).run(options.year());
                say(String.format(Locale.ROOT, "  plain SQL: %.1f s%s", sqlBaseline.seconds(),
                        sqlBaseline.complete() ? "" : " (some tables failed: see the report)"));
                return failures.isEmpty() ? null : String.join("; ", failures);
            }
        }

        /**
         * Starts a local Spark standalone cluster ({@code ./datapack cluster up}) in the scale's DATAPACK_HOME,
         * publishes the same year through it and checks its data files are the local release's, byte for byte;
         * returns null when all went well, else what failed. The cluster is stopped in any case.
         */
        private String publishOnCluster(StageRunner runner, String year, Path logs, Map<String, Long> factRows) {
            String workers = Integer.toString(options.clusterWorkers());
            StageRunner.Finished up = runner.run("cluster-up", List.of("cluster", "up", "--workers", workers), logs);
            try {
                if (!record(up, () -> options.clusterWorkers(), "workers registered with the master")) {
                    return failureOf(up);
                }
                String url = ClusterRelease.masterUrl(folder.resolve("home"));
                Path out = folder.resolve("releases-cluster");
                StageRunner.Finished publish = runner.run("publish-cluster", List.of("publish", "--year", year, "--out",
                        out.toString(), "--master", url), logs);
                ClusterRelease.Comparison comparison = publish.succeeded()
                        ? ClusterRelease.compare(folder.resolve("releases"), out) : null;
                if (!record(publish, () -> publishedFactRows(factRows),
                        "core fact rows read, on " + workers + " workers at " + url
                                + (comparison == null ? "" : "; " + comparison.describe()))) {
                    return failureOf(publish);
                }
                say("  cluster release: " + comparison.describe());
                return comparison.dataFilesIdentical() ? null
                        : "the cluster's release differs from the local one: " + comparison.describe();
            } finally {
                runner.run("cluster-stop", List.of("cluster", "stop"), logs);
            }
        }

        private interface RowCount {
            long count();
        }

        /** Adds the stage's result, with its rows when it succeeded; returns whether it did. */
        private boolean record(StageRunner.Finished finished, RowCount rows, String rowsMeaning) {
            Long counted = finished.succeeded() ? rows.count() : null;
            StageResult stage = finished.result(counted, rowsMeaning);
            stages.add(stage);
            say(String.format(Locale.ROOT, "scale %s: %-8s %7.1f s  %s", Units.scale(scale), finished.name(),
                    finished.wallSeconds(), finished.succeeded() ? "rows " + String.format(Locale.ROOT, "%,d", counted)
                            : "FAILED (exit " + finished.exitCode() + ")"));
            return finished.succeeded();
        }

        private String failureOf(StageRunner.Finished finished) {
            return finished.failure(options.stageTimeout());
        }
    }

    /** The rows publish reads: those of the core facts it aggregates. */
    private static long publishedFactRows(Map<String, Long> factRows) {
        return PUBLISHED_FACTS.stream().mapToLong(fact -> factRows.getOrDefault(fact, 0L)).sum();
    }

    private void say(String message) {
        progress.println("[bench] " + message);
    }

    static void recreate(Path folder) {
        delete(folder);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot recreate the work folder " + folder, e);
        }
    }

    /** Deletes a folder and everything in it, if it exists. */
    static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + folder, e);
        }
    }
}
