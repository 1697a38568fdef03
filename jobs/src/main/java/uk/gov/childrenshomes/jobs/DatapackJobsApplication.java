package uk.gov.childrenshomes.jobs;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import uk.gov.childrenshomes.jobs.cli.CommandLine;
import uk.gov.childrenshomes.jobs.ingest.IngestRunner;
import uk.gov.childrenshomes.jobs.ingest.Pseudonymiser;
import uk.gov.childrenshomes.jobs.ingest.SubmissionOutcome;
import uk.gov.childrenshomes.jobs.status.StatusReport;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code jobs} jar: {@code ingest} and {@code status}, as {@code ./datapack} runs them with the warehouse in
 * {@code WAREHOUSE_URL}/{@code _USER}/{@code _PASSWORD}. Arguments and the pseudonymisation key are checked before
 * anything starts, so a mistake costs no database connection. Exit codes: 0 done, 1 system failure, 2 bad arguments.
 */
@SpringBootApplication
public class DatapackJobsApplication {

    public static final int OK = 0;
    public static final int SYSTEM_FAILURE = 1;
    public static final int BAD_ARGUMENTS = 2;

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs a command with the given environment; returns the exit code. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        CommandLine command;
        try {
            command = CommandLine.parse(args, LocalDate.now());
        } catch (IllegalArgumentException e) {
            err.println("datapack: " + e.getMessage());
            err.println("Run with --help for the commands and options.");
            return BAD_ARGUMENTS;
        }
        if (command instanceof CommandLine.Help) {
            err.print(CommandLine.USAGE);
            return OK;
        }
        if (command instanceof CommandLine.Ingest) {
            try {
                Pseudonymiser.fromEnvironment(environment);
            } catch (IllegalStateException e) {
                err.println("datapack: " + e.getMessage());
                return BAD_ARGUMENTS;
            }
        }
        if (environment.get("WAREHOUSE_URL") == null || environment.get("WAREHOUSE_URL").isBlank()) {
            err.println("datapack: WAREHOUSE_URL is not set. Run the command through ./datapack, which starts the warehouse,"
                    + " or set WAREHOUSE_URL, WAREHOUSE_USER and WAREHOUSE_PASSWORD.");
            return SYSTEM_FAILURE;
        }
        try (ConfigurableApplicationContext context = start(environment)) {
            if (command instanceof CommandLine.Ingest ingest) {
                List<SubmissionOutcome> outcomes = context.getBean(IngestRunner.class).run(ingest.request(), out);
                return outcomes.stream().anyMatch(outcome -> outcome.failure() != null) ? SYSTEM_FAILURE : OK;
            }
            CommandLine.Status status = (CommandLine.Status) command;
            StatusReport report = context.getBean(StatusReport.class);
            if (status.json()) {
                report.printJson(status.collectionYear(), out);
            } else {
                report.printText(status.collectionYear(), out);
            }
            return OK;
        } catch (RuntimeException e) {
            err.println("datapack: " + rootMessage(e));
            return SYSTEM_FAILURE;
        }
    }

    /**
     * The application with the given environment in front of every other property source, so that what the launcher
     * (or a test) passes is what is used.
     */
    public static ConfigurableApplicationContext start(Map<String, String> environment) {
        SpringApplication application = new SpringApplication(DatapackJobsApplication.class);
        Map<String, Object> properties = new HashMap<>(environment);
        application.addInitializers(context -> context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("datapack-environment", properties)));
        return application.run();
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + cause.getMessage() + ")";
    }
}
