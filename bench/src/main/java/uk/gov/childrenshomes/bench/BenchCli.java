package uk.gov.childrenshomes.bench;

import uk.gov.childrenshomes.warehouse.WarehouseConnection;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code ./datapack bench}: see {@link BenchOptions#USAGE}. Exit codes: 0 the run completed and its report is written
 * (targets may be missed: the report says so); 1 a stage or the bench failed (the report is still written and says
 * which stage and where its log is); 2 bad arguments or not started through the launcher.
 */
public final class BenchCli {

    /** Set by the launcher's bench command: the demo flag and key every ingest of generated data runs with. */
    static final List<String> REQUIRED_ENVIRONMENT = List.of("DATAPACK_DEMO", "DATAPACK_PSEUDONYMISATION_KEY");

    private BenchCli() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.getenv(), System.err));
    }

    static int run(List<String> args, Map<String, String> environment, PrintStream err) {
        Path repository = repositoryRoot(environment);
        boolean analystQueries = args.contains(AnalystQueryOptions.FLAG);
        BenchOptions options = null;
        AnalystQueryOptions analystOptions = null;
        try {
            if (analystQueries) {
                analystOptions = AnalystQueryOptions.parse(args.stream().filter(arg -> !arg.equals(AnalystQueryOptions.FLAG)).toList(),
                        repository, LocalDate.now());
            } else {
                options = BenchOptions.parse(args, repository, LocalDate.now());
            }
        } catch (BenchOptions.HelpRequested e) {
            err.print(analystQueries ? AnalystQueryOptions.USAGE : BenchOptions.USAGE);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            err.println("Run ./datapack bench " + (analystQueries ? AnalystQueryOptions.FLAG + " " : "") + "--help for the options.");
            return 2;
        }
        for (String variable : REQUIRED_ENVIRONMENT) {
            if (environment.getOrDefault(variable, "").isBlank()) {
                err.println("bench: " + variable + " is not set: run the bench through ./datapack bench, which sets the demo key.");
                return 2;
            }
        }
        Map<String, String> commandEnvironment = Map.of(
                "DATAPACK_DEMO", environment.get("DATAPACK_DEMO"),
                "DATAPACK_PSEUDONYMISATION_KEY", environment.get("DATAPACK_PSEUDONYMISATION_KEY"));
        String command = "./datapack bench" + (args.isEmpty() ? "" : " " + String.join(" ", args));
        if (analystQueries) {
            return runAnalystQueries(repository, analystOptions, commandEnvironment, environment, command, err);
        }
        BenchRun run = new BenchRunner(repository.resolve("datapack"), options, commandEnvironment,
                WarehouseConnection.fromEnvironment(environment), err).run(command);
        try {
            write(options.markdown(), MarkdownReport.render(run));
            write(options.json(), JsonReport.render(run));
        } catch (IOException e) {
            err.println("bench: cannot write the report: " + e.getMessage());
            return 1;
        }
        err.println("[bench] report: " + options.markdown() + " and " + options.json());
        for (Targets.Check check : Targets.evaluate(run)) {
            err.println("[bench] " + check.verdict() + ": " + check.target() + " (" + check.measured() + ")");
        }
        return run.scales().stream().allMatch(BenchRun.ScaleResult::succeeded) ? 0 : 1;
    }

    private static int runAnalystQueries(Path repository, AnalystQueryOptions options, Map<String, String> commandEnvironment,
                                         Map<String, String> environment, String command, PrintStream err) {
        AnalystQueryRun run = new AnalystQueryBench(repository.resolve("datapack"), options, commandEnvironment,
                WarehouseConnection.fromEnvironment(environment), err).run(command);
        try {
            write(options.markdown(), AnalystQueryReport.render(run));
        } catch (IOException e) {
            err.println("bench: cannot write the report: " + e.getMessage());
            return 1;
        }
        err.println("[bench] report: " + options.markdown());
        long met = run.queries().stream().filter(AnalystQueryRun.QueryTiming::meetsTarget).count();
        err.println("[bench] " + met + " of " + run.queries().size() + " queries under "
                + Math.round(AnalystQueryRun.TARGET_MILLIS) + " ms warm" + (run.succeeded() ? "" : "; FAILED: " + run.failure()));
        return run.succeeded() ? 0 : 1;
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /**
     * The checkout the bench measures: DATAPACK_REPO_ROOT when set (tests), else the folder holding the
     * {@code datapack} launcher above this jar (bench/target/bench-VERSION.jar).
     */
    static Path repositoryRoot(Map<String, String> environment) {
        String given = environment.get("DATAPACK_REPO_ROOT");
        if (given != null && !given.isBlank()) {
            return Path.of(given).toAbsolutePath().normalize();
        }
        try {
            Path location = Path.of(BenchCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path folder = location; folder != null; folder = folder.getParent()) {
                if (Files.isRegularFile(folder.resolve("datapack")) && Files.isRegularFile(folder.resolve("pom.xml"))) {
                    return folder;
                }
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the bench jar", e);
        }
        throw new IllegalStateException("Cannot find the ./datapack launcher above the bench jar; set DATAPACK_REPO_ROOT");
    }
}
