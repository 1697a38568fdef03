package uk.gov.childrenshomes.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every figure one bench run measured, as measured: the Markdown report and the JSON file are both rendered from
 * this, and nothing in it is derived (ratios and target verdicts are computed by {@link Targets} when reporting).
 *
 * @param command   the command line that produced the run, as a user would type it
 * @param warehouse where the warehouse ran (a fresh embedded PostgreSQL per scale, or the server of WAREHOUSE_URL)
 */
public record BenchRun(String command, Instant startedAt, Machine machine, String warehouse, List<ScaleResult> scales) {

    /** The machine the run was measured on. */
    public record Machine(int cores, long memoryBytes, String cpu, String java, String os, String postgresql) {
    }

    /**
     * One scale of generated national returns taken through the pipeline, with the baselines measured on the
     * same bytes and the same warehouse. Baselines and sizes are null when a stage failed before them.
     *
     * @param failure null when every stage succeeded; else what failed and where its log is
     */
    public record ScaleResult(double scale, int year, List<StageResult> stages, CopyBaseline copyBaseline,
                              SqlBaseline sqlBaseline, DatabaseSize databaseSize, Map<String, Long> coreFactRows,
                              String failure) {

        public StageResult stage(String name) {
            return stages.stream().filter(stage -> stage.name().equals(name)).findFirst().orElse(null);
        }
    }

    /**
     * One {@code ./datapack} command run as a child process.
     *
     * @param rows        how many rows the stage processed (see {@code rowsMeaning})
     * @param rowsMeaning what {@code rows} counts, in words, for the report
     * @param exitCode    the launcher's exit code (0 = success)
     * @param jvms        every JVM the launcher started for the command, with its memory peaks
     */
    public record StageResult(String name, String command, double wallSeconds, long rows, String rowsMeaning,
                              int exitCode, List<JvmPeak> jvms) {

        public double rowsPerSecond() {
            return wallSeconds > 0 ? rows / wallSeconds : 0;
        }

        public long peakRssBytes() {
            return jvms.stream().mapToLong(JvmPeak::peakRssBytes).max().orElse(0);
        }
    }

    /**
     * Memory of one JVM of a stage. RSS comes from {@code /proc/<pid>/status} (VmHWM, the kernel's own high-water
     * mark); heap figures come from the JVM's GC log ({@code gc+init} max capacity, the largest occupancy seen
     * before a collection or at exit). A null heap figure means the JVM logged none.
     */
    public record JvmPeak(long pid, String label, long peakRssBytes, Long maxHeapBytes, Long peakHeapUsedBytes) {
    }

    /**
     * Raw PostgreSQL COPY of the generated CSV files into unlogged all-text tables: the physical floor of loading.
     * Files COPY cannot read (SSDA903 XML exports, XLSX returns) are counted but not loaded.
     */
    public record CopyBaseline(int csvFiles, long rows, long bytes, double seconds, int otherFiles, long otherBytes) {

        public double rowsPerSecond() {
            return seconds > 0 ? rows / seconds : 0;
        }
    }

    /**
     * The data pack aggregations as plain SQL on the same warehouse after ingest.
     *
     * @param factsWithoutTwin core fact tables present in the warehouse that no plain-SQL aggregation reads yet
     */
    public record SqlBaseline(List<SqlTable> tables, List<String> factsWithoutTwin) {

        public double seconds() {
            return tables.stream().mapToDouble(SqlTable::seconds).sum();
        }
    }

    /** One data pack table computed in plain SQL: how many cells it produced and how long it took, fetch included. */
    public record SqlTable(String table, long cells, double seconds) {
    }

    /** {@code pg_database_size} and the size of each schema's tables (indexes and TOAST included). */
    public record DatabaseSize(long totalBytes, Map<String, Long> schemaBytes) {
    }
}
