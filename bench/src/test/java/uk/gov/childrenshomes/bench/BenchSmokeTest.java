package uk.gov.childrenshomes.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quick mode end to end, as a user runs it: {@code ./datapack bench --scales 0.05} takes generated returns through
 * generate, ingest and publish against a fresh embedded warehouse, measures both baselines and writes both reports.
 * Runs with {@code -Pbench-smoke} only (it takes minutes and needs every module packaged: {@code ./datapack build}).
 */
class BenchSmokeTest {

    @TempDir
    Path folder;

    @Test
    void quickScaleRunsThePipelineAndBothBaselinesAndWritesTheReport() throws IOException, InterruptedException {
        Path repository = Path.of(System.getenv("DATAPACK_REPO_ROOT"));
        Path markdown = folder.resolve("benchmarks.md");
        Process bench = new ProcessBuilder(List.of(repository.resolve("datapack").toString(), "bench", "--scales", "0.05",
                "--year", "2025", "--out", markdown.toString(), "--work", folder.resolve("work").toString()))
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("bench.log").toFile())
                .start();
        assertTrue(bench.waitFor(20, TimeUnit.MINUTES), "the smoke run did not finish within 20 minutes");
        String log = Files.readString(folder.resolve("bench.log"));
        assertEquals(0, bench.exitValue(), log);

        String report = Files.readString(markdown);
        assertTrue(report.contains("None: every stage of every scale completed."), report);
        assertTrue(report.contains("- Command: `./datapack bench --scales 0.05 --year 2025"), report);
        JsonNode scale = new ObjectMapper().readTree(folder.resolve("benchmarks.json").toFile()).path("run").path("scales").get(0);
        assertEquals(List.of("generate", "ingest", "publish"),
                scale.path("stages").findValuesAsText("name"));
        for (JsonNode stage : scale.path("stages")) {
            assertTrue(stage.path("rows").asLong() > 0, stage.toString());
            assertTrue(stage.path("jvms").size() > 0, stage.toString());
        }
        assertTrue(scale.path("copyBaseline").path("rows").asLong() > 0, scale.toString());
        assertTrue(scale.path("sqlBaseline").path("setupErrors").isEmpty(), scale.toString());
        for (JsonNode table : scale.path("sqlBaseline").path("tables")) {
            assertTrue(table.path("error").isNull() && table.path("rows").asLong() > 0, table.toString());
        }
        assertTrue(scale.path("databaseSize").path("totalBytes").asLong() > 0, scale.toString());
    }
}
