package uk.gov.childrenshomes.bench;

import uk.gov.childrenshomes.bench.BenchRun.CopyBaseline;
import uk.gov.childrenshomes.bench.BenchRun.DatabaseSize;
import uk.gov.childrenshomes.bench.BenchRun.JvmPeak;
import uk.gov.childrenshomes.bench.BenchRun.Machine;
import uk.gov.childrenshomes.bench.BenchRun.ScaleResult;
import uk.gov.childrenshomes.bench.BenchRun.SqlBaseline;
import uk.gov.childrenshomes.bench.BenchRun.SqlTable;
import uk.gov.childrenshomes.bench.BenchRun.StageResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fixed bench runs with figures chosen so that each target's verdict is known: at scale 1, ingest + publish 70 s
 * (met), ingest 25,000 rows/s against COPY 100,000 rows/s = 25% (missed), publish 30 s against plain SQL 20 s = 1.5×
 * (met); at scale 10, 10× scale 1 (met) and the publish JVM allowed a 4 GiB heap (missed).
 */
final class BenchRunFixture {

    static final long GIB = 1L << 30;
    static final long MIB = 1L << 20;

    private BenchRunFixture() {
    }

    static BenchRun completed() {
        return run(List.of(scale1(), scale10(null)));
    }

    /** Scale 10's ingest failed: its log is named, and the targets that need scale 10 are not measured. */
    static BenchRun scale10IngestFailed() {
        return run(List.of(scale1(), scale10("ingest failed with exit code 1; log: /work/scale-10/logs/ingest.log")));
    }

    static BenchRun run(List<ScaleResult> scales) {
        return new BenchRun("./datapack bench --scales 1,10", "2026-11-23T10:50:00Z",
                new Machine(2, 24 * GIB, "AMD EPYC", "OpenJDK 64-Bit Server VM 17.0.15", "Linux 6.1 amd64", "PostgreSQL 17.6"),
                "a fresh embedded PostgreSQL per scale", scales);
    }

    static ScaleResult scale1() {
        return new ScaleResult(1, 2025, "/work/scale-1", List.of(
                stage("generate", 30, 1_000_000L, 0, jvm(11, "GenerateCli", GIB, 2 * GIB, 900 * MIB)),
                stage("ingest", 40, 1_000_000L, 0, jvm(21, "WarehouseCli up", 120 * MIB, 6 * GIB, 40 * MIB),
                        jvm(22, "datapack-jobs.jar ingest", 1536 * MIB, 2 * GIB, 1200 * MIB)),
                stage("publish", 30, 400_000L, 0, jvm(31, "PublishCli", 900 * MIB, 2 * GIB, 700 * MIB))),
                new CopyBaseline(1500, 900_000, 300 * MIB, 9, 2, 40, 20 * MIB),
                new SqlBaseline(List.of(new SqlTable("placement_location", 9_000, 12, null),
                        new SqlTable("missing_incidents", 6_000, 8, null)), List.of()),
                new DatabaseSize(3 * GIB, sizes()), Map.of("fact_looked_after_31_march", 82_000L), null);
    }

    static ScaleResult scale10(String failure) {
        if (failure != null) {
            return new ScaleResult(10, 2025, "/work/scale-10", List.of(
                    stage("generate", 300, 10_000_000L, 0, jvm(41, "GenerateCli", GIB, 2 * GIB, GIB)),
                    stage("ingest", 12, null, 1, jvm(51, "datapack-jobs.jar ingest", 700 * MIB, 2 * GIB, 500 * MIB))),
                    new CopyBaseline(1500, 9_000_000, 3000 * MIB, 90, 2, 40, 200 * MIB), null, null, null, failure);
        }
        return new ScaleResult(10, 2025, "/work/scale-10", List.of(
                stage("generate", 300, 10_000_000L, 0, jvm(41, "GenerateCli", GIB, 2 * GIB, GIB)),
                stage("ingest", 500, 10_000_000L, 0, jvm(51, "datapack-jobs.jar ingest", 1800 * MIB, 2 * GIB, 1900 * MIB)),
                stage("publish", 200, 4_000_000L, 0, jvm(61, "PublishCli", 3 * GIB, 4 * GIB, 2500 * MIB))),
                new CopyBaseline(1500, 9_000_000, 3000 * MIB, 90, 2, 40, 200 * MIB),
                new SqlBaseline(List.of(new SqlTable("placement_location", 9_000, 100, null)), List.of()),
                new DatabaseSize(30 * GIB, sizes()), Map.of("fact_looked_after_31_march", 820_000L), null);
    }

    private static Map<String, Long> sizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        sizes.put("landing", 2 * GIB);
        sizes.put("core", GIB);
        return sizes;
    }

    private static StageResult stage(String name, double seconds, Long rows, int exitCode, JvmPeak... jvms) {
        return new StageResult(name, "./datapack " + name, seconds, rows, name + " rows", exitCode,
                "/work/logs/" + name + ".log", 0.5, 2.4, List.of(jvms), seconds * 0.8, seconds * 0.6);
    }

    private static JvmPeak jvm(long pid, String label, long rss, long maxHeap, long peakHeap) {
        return new JvmPeak(pid, label, rss, maxHeap, peakHeap);
    }
}
