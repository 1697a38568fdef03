package uk.gov.childrenshomes.bench;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.childrenshomes.bench.AnalystQueryRun.QueryTiming;
import uk.gov.childrenshomes.bench.AnalystQueryRun.YearLoad;
import uk.gov.childrenshomes.warehouse.ExampleQueries;
import uk.gov.childrenshomes.warehouse.ExampleQueries.ExampleQuery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analyst query benchmark on tiny data, as {@code ./datapack bench --analyst-queries --scale 0.02 --years 2}
 * runs it: two years generated and ingested through the launcher into a fresh embedded warehouse, then every README
 * example timed as the analyst role on them. It needs the modules packaged, as they are in a reactor build
 * ({@code ./mvnw -pl bench -am verify}); a stale build is rebuilt once by the launcher before the run starts.
 */
class AnalystQueryBenchTest {

    private static final Path REPOSITORY = Path.of(System.getenv("DATAPACK_REPO_ROOT"));
    private static final Map<String, String> DEMO = Map.of("DATAPACK_DEMO", "true",
            "DATAPACK_PSEUDONYMISATION_KEY", "demo-key-not-for-real-data-0000000000000000");

    @TempDir
    static Path folder;

    @BeforeAll
    static void launcherIsBuilt() throws IOException, InterruptedException {
        // any command makes the launcher build what is stale, so that no timed stage includes a build
        Process help = new ProcessBuilder(REPOSITORY.resolve("datapack").toString(), "generate", "--help")
                .redirectErrorStream(true).redirectOutput(folder.resolve("build.log").toFile()).start();
        assertTrue(help.waitFor(10, TimeUnit.MINUTES), "the launcher's build did not finish within 10 minutes");
        assertEquals(0, help.exitValue(), Files.readString(folder.resolve("build.log")));
    }

    @Test
    void twoTinyYearsLoadAndEveryReadmeQueryIsTimedAsTheAnalyst() throws IOException {
        AnalystQueryOptions options = AnalystQueryOptions.parse(List.of("--scale", "0.02", "--years", "2", "--last-year", "2025",
                "--runs", "2", "--out", folder.resolve("analyst-queries.md").toString(), "--work", folder.resolve("work").toString()),
                REPOSITORY, LocalDate.of(2026, 11, 23));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        AnalystQueryRun run = new AnalystQueryBench(REPOSITORY.resolve("datapack"), options, DEMO, Optional.empty(),
                new PrintStream(progress, true, StandardCharsets.UTF_8)).run("./datapack bench --analyst-queries (test)");
        String log = progress.toString(StandardCharsets.UTF_8);

        assertNull(run.failure(), log);
        assertEquals(List.of(2024, 2025), run.years().stream().map(YearLoad::year).toList());
        for (YearLoad year : run.years()) {
            assertTrue(year.generate().rows() > 0 && year.ingest().rows() > 0, year.toString());
        }
        assertTrue(run.coreFactRows().get("fact_looked_after_31_march") > 0, run.coreFactRows().toString());

        List<ExampleQuery> readme = ExampleQueries.read(REPOSITORY.resolve("warehouse-schema/README.md"));
        assertEquals(readme.stream().map(ExampleQuery::question).toList(), run.queries().stream().map(QueryTiming::question).toList());
        for (QueryTiming query : run.queries()) {
            assertNull(query.error(), query.question());
            assertEquals(2, query.millis().size(), query.question());
        }
        QueryTiming trend = run.queries().stream().filter(q -> q.question().contains("every year")).findFirst().orElseThrow();
        assertTrue(trend.rows() >= 2 * 150, "every LA in both years: " + trend.rows());

        String report = AnalystQueryReport.render(run);
        assertTrue(report.contains("| 2024 | ") && report.contains("| 2025 | "), report);
        assertTrue(report.contains("Out-of-area rate by LA and year, every year"), report);
    }

    @Test
    void cliTellsItsOptionsAndRefusesUnknownOnes() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> environment = Map.of("DATAPACK_REPO_ROOT", REPOSITORY.toString());
        assertEquals(0, BenchCli.run(List.of("--analyst-queries", "--help"), environment,
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Usage: ./datapack bench --analyst-queries"));
        assertEquals(2, BenchCli.run(List.of("--analyst-queries", "--scales", "1"), environment,
                new PrintStream(err, true, StandardCharsets.UTF_8)));
    }
}
