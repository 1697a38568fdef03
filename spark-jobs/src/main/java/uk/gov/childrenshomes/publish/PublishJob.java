package uk.gov.childrenshomes.publish;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.gov.childrenshomes.publish.disclosure.DisclosureControl;
import uk.gov.childrenshomes.publish.disclosure.DisclosurePolicy;
import uk.gov.childrenshomes.publish.ees.DfeGeography;
import uk.gov.childrenshomes.publish.ees.EesChecker;
import uk.gov.childrenshomes.publish.ees.EesCsv;
import uk.gov.childrenshomes.publish.ees.EesTable;
import uk.gov.childrenshomes.publish.release.ChangesReport;
import uk.gov.childrenshomes.publish.release.CodeVersion;
import uk.gov.childrenshomes.publish.release.IndexPage;
import uk.gov.childrenshomes.publish.release.Manifest;
import uk.gov.childrenshomes.publish.release.OutputFile;
import uk.gov.childrenshomes.publish.release.ParquetExport;
import uk.gov.childrenshomes.publish.release.QualityRow;
import uk.gov.childrenshomes.publish.release.ReleaseDirectory;
import uk.gov.childrenshomes.publish.release.ReleaseRefusedException;
import uk.gov.childrenshomes.publish.release.Submission;
import uk.gov.childrenshomes.publish.tables.Aggregation;
import uk.gov.childrenshomes.publish.tables.Cell;
import uk.gov.childrenshomes.publish.tables.CellGrid;
import uk.gov.childrenshomes.publish.tables.CellKey;
import uk.gov.childrenshomes.publish.tables.DataPackTables;
import uk.gov.childrenshomes.publish.tables.ReportingGeography;
import uk.gov.childrenshomes.publish.tables.TableDefinition;
import uk.gov.childrenshomes.publish.warehouse.CoreFacts;
import uk.gov.childrenshomes.publish.warehouse.OpsRecords;
import uk.gov.childrenshomes.publish.warehouse.PubLoader;
import uk.gov.childrenshomes.publish.warehouse.Warehouse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The publication job: reads the core facts, computes every table of the pack (Spark aggregation, then the common
 * grid, disclosure control and EES assembly), refuses the release if any EES check fails, then writes the release
 * directory (data, metadata, Parquet, quality, changes, preview, manifest last), loads it into pub and makes it
 * appear atomically.
 */
public final class PublishJob {

    /** A written release: where it is, what it holds and what it was built from. */
    public record Release(String releaseId, Path directory, List<EesTable> tables, List<Submission> inputs,
                          List<Integer> years) {
    }

    /** Tables whose Spark jobs run at the same time. */
    private static final int CONCURRENT_TABLES = 4;

    private final SparkSession spark;
    private final Warehouse warehouse;
    private final DisclosurePolicy policy;
    private final DfeGeography dfeGeography;
    private final Clock clock;

    public PublishJob(SparkSession spark, Warehouse warehouse, DisclosurePolicy policy, DfeGeography dfeGeography,
                      Clock clock) {
        this.spark = spark;
        this.warehouse = warehouse;
        this.policy = policy;
        this.dfeGeography = dfeGeography;
        this.clock = clock;
    }

    public Release publish(int year, Path out) throws IOException, SQLException {
        CoreFacts facts = new CoreFacts(warehouse);
        ReportingGeography geography = facts.geography(year);
        Dataset<Row> mappings = CoreFacts.mappingFrame(spark, geography);
        List<EesTable> tables = publishedTables(facts, geography, mappings, year);
        List<EesChecker.Failure> failures = EesChecker.standard(dfeGeography).check(tables);
        if (!failures.isEmpty()) {
            throw new ReleaseRefusedException(failures);
        }
        OpsRecords ops = new OpsRecords(warehouse);
        List<Submission> inputs = ops.acceptedSubmissions(year);
        List<QualityRow> quality = ops.quality(year);
        Instant builtAt = clock.instant();
        String codeVersion = CodeVersion.current();

        ReleaseDirectory release = ReleaseDirectory.allocate(out, year, ops.latestRelease(year));
        try {
            Path staging = release.staging();
            for (EesTable table : tables) {
                write(staging.resolve("data").resolve(table.dataFileName()), EesCsv.data(table));
                write(staging.resolve("data").resolve(table.metaFileName()), EesCsv.meta(table));
                ParquetExport.write(table, staging.resolve("parquet").resolve(table.name()));
            }
            write(staging.resolve("quality.csv"),
                    EesCsv.write(QualityRow.HEADER, quality.stream().map(QualityRow::cells).toList()));
            write(staging.resolve("changes.md"), ChangesReport.markdown(release.releaseId(), release.previousReleaseId(),
                    release.previousRelease(), tables).getBytes(StandardCharsets.UTF_8));
            write(staging.resolve("index.html"), IndexPage.html(release.releaseId(), year, tables, quality,
                    Manifest.files(staging, tables)).getBytes(StandardCharsets.UTF_8));
            List<OutputFile> files = Manifest.files(staging, tables);
            Manifest manifest = new Manifest(release.releaseId(), year, builtAt, codeVersion, policy.describe(),
                    geography.years(), tables, inputs, files);
            write(staging.resolve(Manifest.FILE_NAME), manifest.json().getBytes(StandardCharsets.UTF_8));
            try (PubLoader.PendingLoad load = new PubLoader(warehouse).load(release.releaseId(), year, builtAt,
                    codeVersion, manifest.policyJson(), manifest.json(), files, inputs, tables)) {
                Path published = release.commit();
                load.commit();
                return new Release(release.releaseId(), published, tables, inputs, geography.years());
            }
        } finally {
            release.abandon();
        }
    }

    /**
     * Every table of the pack. The tables are independent Spark jobs, each small (a read, a few shuffles, a collect
     * of thousands of rows), so they are submitted together from a few threads to keep the executors busy; the
     * result is in publication order whatever order the jobs finish in.
     */
    private List<EesTable> publishedTables(CoreFacts facts, ReportingGeography geography, Dataset<Row> mappings,
                                           int year) {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_TABLES);
        try {
            List<Future<EesTable>> pending = new ArrayList<>();
            for (TableDefinition table : DataPackTables.ALL) {
                pending.add(pool.submit(() -> publishedTable(table, geography, facts.units(spark, table, year), mappings)));
            }
            List<EesTable> tables = new ArrayList<>();
            for (Future<EesTable> table : pending) {
                tables.add(table.get());
            }
            return tables;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while computing the tables", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One table from its unit frame: aggregate, complete the grid, apply disclosure control, assemble. */
    public EesTable publishedTable(TableDefinition table, ReportingGeography geography, Dataset<Row> units,
                                   Dataset<Row> mappings) {
        List<Cell> grid = cells(table, geography, units, mappings);
        Map<CellKey, List<String>> values = new DisclosureControl(policy).publish(table, grid);
        return EesTable.assemble(table, geography, grid.stream().map(Cell::key).toList(), values);
    }

    /**
     * The grid of one table before rounding and suppression: aggregated by Spark, collected (thousands of rows),
     * completed in publication order.
     */
    public static List<Cell> cells(TableDefinition table, ReportingGeography geography, Dataset<Row> units,
                                   Dataset<Row> mappings) {
        return CellGrid.complete(table, geography, Aggregation.cells(units, mappings, table).collectAsList());
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
