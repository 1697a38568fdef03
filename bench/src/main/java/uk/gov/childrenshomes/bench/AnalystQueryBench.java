package uk.gov.childrenshomes.bench;

import uk.gov.childrenshomes.bench.AnalystQueryRun.QueryTiming;
import uk.gov.childrenshomes.bench.AnalystQueryRun.YearLoad;
import uk.gov.childrenshomes.warehouse.ExampleQueries;
import uk.gov.childrenshomes.warehouse.ExampleQueries.ExampleQuery;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./datapack bench --analyst-queries}: loads consecutive collection years into a fresh warehouse the way a
 * user does ({@code ./datapack generate --year Y}, then {@code ./datapack ingest --year Y}, one year after the other,
 * each a child process), then times the README's example queries as the analyst role ({@link AnalystQueryTimer}).
 * A failed generate skips its year's ingest; the other years still load and the queries still run on what loaded,
 * and the run is reported as failed, naming the stage and its log.
 */
final class AnalystQueryBench {

    private final Path launcher;
    private final AnalystQueryOptions options;
    private final Map<String, String> environment;
    private final Optional<WarehouseConnection> server;
    private final PrintStream progress;

    /**
     * @param environment variables every command gets (the demo pseudonymisation key and flag)
     * @param server      the server of WAREHOUSE_URL, when the run uses a database there instead of an embedded one
     */
    AnalystQueryBench(Path launcher, AnalystQueryOptions options, Map<String, String> environment,
                      Optional<WarehouseConnection> server, PrintStream progress) {
        this.launcher = launcher;
        this.options = options;
        this.environment = Map.copyOf(environment);
        this.server = server;
        this.progress = progress;
    }

    AnalystQueryRun run(String command) {
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<ExampleQuery> queries = ExampleQueries.read(launcher.getParent().resolve("warehouse-schema/README.md"));
        Path folder = options.work();
        ScaleWarehouse.stopLeftover(folder.resolve("home"));
        BenchRunner.recreate(folder);
        List<YearLoad> years = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (ScaleWarehouse warehouse = ScaleWarehouse.start(folder.resolve("home"), server, "datapack_bench_analyst_queries")) {
            WarehouseFigures figures = new WarehouseFigures(warehouse.connection());
            Map<String, String> commandEnvironment = new HashMap<>(environment);
            commandEnvironment.putAll(warehouse.environment());
            StageRunner runner = new StageRunner(launcher, commandEnvironment, false, options.stageTimeout(),
                    warehouse.serverProcessId());
            for (int year : options.collectionYears()) {
                years.add(load(runner, figures, year, folder, failures));
            }
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            say(String.format(Locale.ROOT, "timing %d queries as %s (1 warm-up + %d runs each; load %.1f)", queries.size(),
                    AnalystQueryTimer.ANALYST_ROLE, options.runs(), load));
            List<QueryTiming> timings = new AnalystQueryTimer(warehouse.connection(), options.runs()).time(queries);
            for (QueryTiming timing : timings) {
                say(timing.error() != null ? "  FAILED " + timing.question() + ": " + timing.error()
                        : String.format(Locale.ROOT, "  %7.1f ms median, %7.1f ms max  %s", timing.median(), timing.max(),
                        timing.question()));
                if (timing.error() != null) {
                    failures.add("query \"" + timing.question() + "\" failed: " + timing.error());
                }
            }
            return new AnalystQueryRun(command, startedAt, MachineProbe.describe(figures.serverVersion()),
                    warehouse.description(), options.scale(), years, figures.coreFactRows(), figures.databaseSize(), load,
                    options.runs(), timings, failures.isEmpty() ? null : String.join("; ", failures));
        }
    }

    /** One year: generate into its own inbox, ingest it, then delete the inbox (ten national years fill a disk). */
    private YearLoad load(StageRunner runner, WarehouseFigures figures, int year, Path folder, List<String> failures) {
        Path inbox = folder.resolve("inbox-" + year);
        Path logs = folder.resolve("logs");
        String yearText = Integer.toString(year);
        StageRunner.Finished generate = runner.run("generate-" + year, List.of("generate", "--out", inbox.toString(),
                "--year", yearText, "--scale", Units.scale(options.scale())), logs);
        BenchRun.StageResult generated = generate.result(generate.succeeded() ? GeneratedRows.in(inbox) : null,
                "data rows written (generation.json)");
        report(generate);
        if (!generate.succeeded()) {
            failures.add(generate.failure(options.stageTimeout()));
            return new YearLoad(year, generated, null);
        }
        StageRunner.Finished ingest = runner.run("ingest-" + year, List.of("ingest", "--inbox", inbox.toString(),
                "--year", yearText), logs);
        BenchRun.StageResult ingested = ingest.result(ingest.succeeded() ? figures.rowsReceived(year) : null,
                "data rows received (ops.submission)");
        report(ingest);
        if (!ingest.succeeded()) {
            failures.add(ingest.failure(options.stageTimeout()));
        }
        BenchRunner.delete(inbox);
        return new YearLoad(year, generated, ingested);
    }

    private void report(StageRunner.Finished finished) {
        say(String.format(Locale.ROOT, "%-14s %7.1f s  %s", finished.name(), finished.wallSeconds(),
                finished.succeeded() ? "done" : "FAILED (exit " + finished.exitCode() + ")"));
    }

    private void say(String message) {
        progress.println("[bench] " + message);
    }
}
