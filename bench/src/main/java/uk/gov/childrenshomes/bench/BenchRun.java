package uk.gov.childrenshomes.bench;

import java.util.List;
import java.util.Map;

/**
 * Every figure one bench run measured, as measured: the Markdown report and the JSON file are both rendered from
 * this, and nothing in it is derived (ratios and target verdicts are computed by {@link Targets} when reporting).
 *
 * @param command   the command line that produced the run, as a user would type it
 * @param startedAt when the run started, ISO-8601 UTC
 * @param warehouse where the warehouse ran (a fresh embedded PostgreSQL per scale, or the server of WAREHOUSE_URL)
 */
public record BenchRun(String command, String startedAt, Machine machine, String warehouse, List<ScaleResult> scales) {

    /** The machine the run was measured on; {@code postgresql} is the server version of the first warehouse started. */
    public record Machine(int cores, long memoryBytes, String cpu, String java, String os, String postgresql) {
    }

    /**
     * One scale of generated national returns taken through the pipeline, with the baselines measured on the
     * same bytes and the same warehouse. Baselines and sizes are null when the scale stopped before them.
     *
     * @param workFolder where the scale's inbox, logs, GC logs, release and warehouse are
     * @param failure    null when every step succeeded; else what failed and where its log is
     */
    public record ScaleResult(double scale, int year, String workFolder, List<StageResult> stages,
                              CopyBaseline copyBaseline, SqlBaseline sqlBaseline, DatabaseSize databaseSize,
                              Map<String, Long> coreFactRows, String failure) {

        public StageResult stage(String name) {
            return stages.stream().filter(stage -> stage.name().equals(name)).findFirst().orElse(null);
        }

        public boolean succeeded() {
            return failure == null;
        }
    }

    /**
     * One {@code ./datapack} command run as a child process.
     *
     * @param rows        how many rows the stage processed (see {@code rowsMeaning}); null when the stage failed
     * @param rowsMeaning what {@code rows} counts, in words, for the report
     * @param exitCode    the launcher's exit code (0 = success)
     * @param logFile     the command's standard output and error
     * @param loadBefore  the machine's 1-minute load average when the command started (what else was running)
     * @param loadAfter   the same when it ended (the command's own work included)
     * @param jvms        every JVM the launcher started for the command, with its memory peaks
     * @param commandCpuSeconds  CPU time of the launcher and every JVM it ran (null when not read)
     * @param databaseCpuSeconds CPU time of the embedded PostgreSQL server during the command (null for a server
     *                           given by URL, whose processes the bench cannot see)
     */
    public record StageResult(String name, String command, double wallSeconds, Long rows, String rowsMeaning,
                              int exitCode, String logFile, double loadBefore, double loadAfter, List<JvmPeak> jvms,
                              Double commandCpuSeconds, Double databaseCpuSeconds) {

        public Double rowsPerSecond() {
            return rows == null || wallSeconds <= 0 ? null : rows / wallSeconds;
        }

        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /**
     * Memory of one JVM of a stage. RSS comes from {@code /proc/<pid>/status} (VmHWM, the kernel's own high-water
     * mark, polled while the JVM runs); heap figures come from the JVM's GC log ({@code gc+init} max capacity, the
     * largest occupancy seen before a collection or at exit). A null figure was not observed: RSS when the JVM exited
     * before the first poll, heap when it logged none.
     *
     * @param label what the JVM ran (main class or jar, and its first argument)
     */
    public record JvmPeak(long pid, String label, Long peakRssBytes, Long maxHeapBytes, Long peakHeapUsedBytes) {
    }

    /**
     * Raw PostgreSQL COPY of the generated CSV files into unlogged all-text tables, over as many connections as the
     * machine has cores: the physical floor of loading. Files COPY cannot read (SSDA903 XML exports, XLSX returns)
     * are counted but not loaded.
     */
    public record CopyBaseline(int csvFiles, long rows, long bytes, double seconds, int connections, int otherFiles,
                               long otherBytes) {

        public double rowsPerSecond() {
            return seconds > 0 ? rows / seconds : 0;
        }
    }

    /**
     * The data pack aggregations as plain SQL on the same warehouse after ingest (bench/src/main/resources/plain-sql).
     *
     * @param setupErrors statements of the unit views that failed (a core fact the warehouse does not have yet)
     */
    public record SqlBaseline(List<SqlTable> tables, List<String> setupErrors) {

        public double seconds() {
            return tables.stream().mapToDouble(SqlTable::seconds).sum();
        }

        public boolean complete() {
            return setupErrors.isEmpty() && tables.stream().allMatch(table -> table.error() == null);
        }
    }

    /**
     * One data pack table computed in plain SQL.
     *
     * @param rows    result rows fetched: one per geography and combination of filter levels (Totals included)
     * @param seconds execution and fetch
     * @param error   null, or why the query failed
     */
    public record SqlTable(String table, long rows, double seconds, String error) {
    }

    /** {@code pg_database_size} and the size of each schema's tables (indexes and TOAST included). */
    public record DatabaseSize(long totalBytes, Map<String, Long> schemaBytes) {
    }
}
