package uk.gov.childrenshomes.bench;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.childrenshomes.bench.BenchRun.ScaleResult;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One scale end to end against a stand-in launcher (generate writes a tiny inbox, ingest fails, publish succeeds)
 * and a real warehouse server given as WAREHOUSE_URL would be: the scale gets a fresh migrated database, the
 * commands get its coordinates and the demo key, and a failed ingest is named with its log while publish and both
 * baselines still run on what it left.
 */
@ExtendWith(WarehouseExtension.class)
class BenchRunnerTest {

    private static final String SCALE_DATABASE = "datapack_bench_scale_0_5";

    @TempDir
    Path folder;

    private WarehouseConnection server;

    @Test
    void aFailedIngestIsNamedWithItsLogAndPublishAndTheBaselinesStillRun(WarehouseConnection warehouse) throws IOException {
        server = warehouse;
        Path launcher = launcher();
        BenchOptions options = BenchOptions.parse(List.of("--scales", "0.5", "--year", "2025", "--work",
                folder.resolve("work").toString(), "--out", folder.resolve("report.md").toString()), folder, LocalDate.now());
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        BenchRun run = new BenchRunner(launcher, options, Map.of("DATAPACK_DEMO", "true",
                "DATAPACK_PSEUDONYMISATION_KEY", "test-key"), Optional.of(warehouse), new PrintStream(progress, true))
                .run("./datapack bench --scales 0.5");

        ScaleResult scale = run.scales().get(0);
        Path logs = folder.resolve("work/scale-0.5/logs");
        assertEquals("ingest failed with exit code 1; log: " + logs.resolve("ingest.log"), scale.failure());
        assertEquals(List.of("generate", "ingest", "publish"), scale.stages().stream().map(BenchRun.StageResult::name).toList());
        assertEquals(3L, scale.stage("generate").rows(), "2 LA rows + 1 national row, from generation.json");
        assertNull(scale.stage("ingest").rows());
        assertEquals(0, scale.stage("publish").exitCode());
        assertEquals(2, scale.copyBaseline().rows());
        assertEquals(1, scale.copyBaseline().csvFiles());
        assertNotNull(scale.sqlBaseline());
        assertTrue(scale.sqlBaseline().complete(), scale.sqlBaseline().toString());
        assertTrue(scale.databaseSize().totalBytes() > 0);
        assertTrue(run.machine().postgresql().startsWith("PostgreSQL "), run.machine().postgresql());

        String publishLog = Files.readString(logs.resolve("publish.log"));
        assertTrue(publishLog.contains("warehouse=" + warehouse.withDatabase(SCALE_DATABASE).url()), publishLog);
        assertTrue(publishLog.contains("demo=true key=test-key"), publishLog);
        assertTrue(progress.toString().contains("scale 0.5 FAILED: ingest failed"), progress.toString());
    }

    @AfterEach
    void dropScaleDatabase() throws SQLException {
        try (Connection connection = server.open(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + SCALE_DATABASE + " WITH (FORCE)");
        }
    }

    /** A launcher whose generate writes one LA file and generation.json, whose ingest fails and publish succeeds. */
    private Path launcher() throws IOException {
        Path script = folder.resolve("datapack");
        Files.writeString(script, """
                #!/usr/bin/env bash
                set -euo pipefail
                case "$1" in
                  generate)
                    out="$3"
                    mkdir -p "$out/E06000001/missing"
                    printf 'child_id,missing_from\\nA1,Home\\nA2,Care\\n' > "$out/E06000001/missing/E06000001_missing_2025.csv"
                    printf '{"national":{"ofsted_register_rows":1,"onspd_postcodes":0,"la_adjacency_rows":0},'  > "$out/generation.json"
                    printf '"las":[{"files":{"missing/E06000001_missing_2025.csv":2}}]}' >> "$out/generation.json" ;;
                  ingest)
                    echo "ingest: 1 delivery FAILED" >&2
                    exit 1 ;;
                  publish)
                    echo "warehouse=$WAREHOUSE_URL"
                    echo "demo=$DATAPACK_DEMO key=$DATAPACK_PSEUDONYMISATION_KEY" ;;
                esac
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
