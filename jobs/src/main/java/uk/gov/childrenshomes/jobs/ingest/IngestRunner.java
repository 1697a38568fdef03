package uk.gov.childrenshomes.jobs.ingest;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.gov.childrenshomes.jobs.source.InboxScanner;
import uk.gov.childrenshomes.jobs.source.ReturnDelivery;
import uk.gov.childrenshomes.jobs.validation.ValidationRuleCatalogue;
import uk.gov.childrenshomes.jobs.warehouse.KeyReferenceAudit;
import uk.gov.childrenshomes.jobs.warehouse.ReturnLock;
import uk.gov.childrenshomes.jobs.warehouse.SubmissionStore;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One {@code ingest} command: registers what the inbox holds as submissions, then loads each new one with its
 * return's job: the national reference data first (ONSPD, LA adjacency, the Ofsted register: the LA returns are
 * checked and derived against them), then the LAs, a few side by side, each LA's returns in order (SSDA903 before
 * the returns checked against it). Prints a progress line per submission and a summary per LA and return.
 */
@Component
public class IngestRunner {

    private static final List<String> NATIONAL_ORDER = List.of("onspd", "la_adjacency", "ofsted_register");

    private final JobOperator jobOperator;
    private final Map<String, Job> jobsByName;
    private final SubmissionRegistrar registrar;
    private final SubmissionStore store;
    private final ValidationRuleCatalogue rules;
    private final JdbcTemplate jdbc;
    private final ReturnLock returnLock;
    private final KeyReferenceAudit keyReferences;
    private final int parallelLas;

    public IngestRunner(JobOperator jobOperator, List<Job> jobs, SubmissionRegistrar registrar, SubmissionStore store,
                        ValidationRuleCatalogue rules, JdbcTemplate jdbc, ReturnLock returnLock,
                        KeyReferenceAudit keyReferences, @Value("${datapack.ingest.parallel-las:2}") int parallelLas) {
        this.jobOperator = jobOperator;
        this.jobsByName = jobs.stream().collect(Collectors.toMap(Job::getName, Function.identity()));
        this.registrar = registrar;
        this.store = store;
        this.rules = rules;
        this.jdbc = jdbc;
        this.returnLock = returnLock;
        this.keyReferences = keyReferences;
        this.parallelLas = parallelLas;
    }

    /** Runs the command; the outcomes are in summary order (national first, then by LA and return). */
    public List<SubmissionOutcome> run(IngestRequest request, PrintStream out) {
        rules.publish(jdbc);
        InboxScanner scanner = new InboxScanner(request.inbox(), out::println);
        Set<String> laCodes = laCodesToIngest(request, out);
        List<ReturnDelivery> national = scanner.nationalDeliveries().stream()
                .sorted(Comparator.comparing(delivery -> NATIONAL_ORDER.indexOf(delivery.returnCode()))).toList();
        List<ReturnDelivery> local = scanner.localAuthorityDeliveries(laCodes);
        long ingestRunId = registrar.newIngestRun(request.collectionYear(), request.inbox(), request.laCodes());
        int total = national.size() + local.size();
        out.printf(Locale.ROOT, "Ingest run %d: collection year %d, %d national deliveries, %d LA deliveries from %d LAs in %s%n",
                ingestRunId, request.collectionYear(), national.size(), local.size(),
                local.stream().map(ReturnDelivery::laCode).distinct().count(), request.inbox());
        Progress progress = new Progress(out, total);

        List<SubmissionOutcome> outcomes = new ArrayList<>();
        for (ReturnDelivery delivery : national) {
            outcomes.add(progress.report(ingest(ingestRunId, delivery, request, out)));
        }
        Map<String, List<ReturnDelivery>> byLa = local.stream()
                .collect(Collectors.groupingBy(ReturnDelivery::laCode, LinkedHashMap::new, Collectors.toList()));
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, parallelLas));
        try {
            List<Future<List<SubmissionOutcome>>> perLa = new ArrayList<>();
            for (List<ReturnDelivery> deliveries : byLa.values()) {
                perLa.add(executor.submit(() -> deliveries.stream()
                        .map(delivery -> progress.report(ingest(ingestRunId, delivery, request, out))).toList()));
            }
            for (Future<List<SubmissionOutcome>> la : perLa) {
                outcomes.addAll(la.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The ingest was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            executor.shutdown();
        }
        printSummary(outcomes, out);
        auditKeyReferences(outcomes, out);
        return outcomes;
    }

    /** The keys of every row the run loaded resolve (V79: audited per run, not checked per row). */
    private void auditKeyReferences(List<SubmissionOutcome> outcomes, PrintStream out) {
        List<Long> processed = outcomes.stream().filter(SubmissionOutcome::processed)
                .map(outcome -> outcome.totals().submissionId()).toList();
        if (!processed.isEmpty()) {
            keyReferences.requireEveryKeyResolves(processed);
            out.printf(Locale.ROOT, "Every key of the rows loaded from the %d submissions processed refers to an existing row.%n",
                    processed.size());
        }
    }

    private Set<String> laCodesToIngest(IngestRequest request, PrintStream out) {
        Set<String> operating = new HashSet<>(jdbc.queryForList(
                "SELECT new_la_code FROM core.las_operating_in(?) WHERE NOT is_unknown_member", String.class, request.collectionYear()));
        if (request.laCodes().isEmpty()) {
            return operating;
        }
        Set<String> asked = new HashSet<>();
        for (String code : request.laCodes()) {
            if (operating.contains(code)) {
                asked.add(code);
            } else {
                out.println("Ignored --la " + code + ": not an LA operating on 31 March " + request.collectionYear() + ".");
            }
        }
        return asked;
    }

    private SubmissionOutcome ingest(long ingestRunId, ReturnDelivery delivery, IngestRequest request, PrintStream out) {
        return returnLock.whileHeld(delivery.laCode(), delivery.returnCode(), request.collectionYear(), out::println,
                () -> ingestHoldingLock(ingestRunId, delivery, request));
    }

    private SubmissionOutcome ingestHoldingLock(long ingestRunId, ReturnDelivery delivery, IngestRequest request) {
        long started = System.nanoTime();
        SubmissionRegistrar.Registration registration = registrar.register(ingestRunId, delivery, request.collectionYear());
        long submissionId = registration.submissionId();
        if (!registration.toLoad()) {
            return new SubmissionOutcome(store.totals(submissionId), false, 0, null);
        }
        JobParameters parameters = new JobParametersBuilder()
                .addLong(SubmissionIngestJobFactory.SUBMISSION_ID, submissionId)
                .addLong(SubmissionIngestJobFactory.INGEST_RUN_ID, ingestRunId)
                .addString(SubmissionIngestJobFactory.REPORT_FOLDER, outbox(request.inbox(), delivery).toString(), false)
                .toJobParameters();
        String failure;
        try {
            JobExecution execution = jobOperator.start(job(delivery.returnCode()), parameters);
            failure = execution.getStatus() == BatchStatus.COMPLETED ? null
                    : execution.getAllFailureExceptions().stream().map(Throwable::getMessage).findFirst()
                    .orElse("the load ended " + execution.getStatus());
        } catch (Exception e) {
            failure = e.getMessage();
        }
        if (failure != null) {
            store.fail(submissionId, failure);
        }
        return new SubmissionOutcome(store.totals(submissionId), true, (System.nanoTime() - started) / 1e9, failure);
    }

    private Job job(String returnCode) {
        Job job = jobsByName.get(SubmissionIngestJobFactory.jobName(returnCode));
        if (job == null) {
            throw new IllegalStateException("No ingest job is configured for the return " + returnCode);
        }
        return job;
    }

    /** {@code <inbox>/<la>/outbox/<return>/}, national data under {@code national/}; one folder per ONSPD file. */
    static Path outbox(Path inbox, ReturnDelivery delivery) {
        String owner = delivery.laCode().equals(InboxScanner.NATIONAL_CODE) ? "national" : delivery.laCode();
        Path folder = inbox.resolve(owner).resolve("outbox").resolve(delivery.returnCode());
        if (delivery.returnCode().equals("onspd")) {
            String name = delivery.files().get(0).getFileName().toString();
            folder = folder.resolve(name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name);
        }
        return folder;
    }

    /** Prints one line per finished submission; LAs finish in any order, so lines are numbered as they come. */
    private static final class Progress {
        private final PrintStream out;
        private final int total;
        private final AtomicInteger done = new AtomicInteger();

        Progress(PrintStream out, int total) {
            this.out = out;
            this.total = total;
        }

        SubmissionOutcome report(SubmissionOutcome outcome) {
            var totals = outcome.totals();
            String what;
            if (!outcome.processed()) {
                what = "unchanged since submission " + totals.submissionId() + " (" + totals.state() + "): not processed again";
            } else if (outcome.failure() != null) {
                what = "FAILED: " + outcome.failure();
            } else {
                what = String.format(Locale.ROOT, "%-8s %,9d rows: %,9d loaded, %,7d rejected (%.1f s)%s", totals.state(),
                        totals.rowsReceived(), totals.rowsLoaded(), totals.rowsRejected(), outcome.seconds(),
                        totals.stateReason() == null ? "" : " - " + totals.stateReason());
            }
            synchronized (out) {
                out.printf(Locale.ROOT, "[%3d/%d] %-9s %-15s %s%n", done.incrementAndGet(), total, totals.laCode(),
                        totals.returnCode(), what);
            }
            return outcome;
        }
    }

    private static void printSummary(List<SubmissionOutcome> outcomes, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%-9s  %-15s  %-10s  %12s  %12s  %12s  %s%n", "LA", "return", "status", "received",
                "loaded", "rejected", "submission");
        long received = 0;
        long loaded = 0;
        long rejected = 0;
        for (SubmissionOutcome outcome : outcomes) {
            var totals = outcome.totals();
            out.printf(Locale.ROOT, "%-9s  %-15s  %-10s  %,12d  %,12d  %,12d  %d%s%n", totals.laCode(), totals.returnCode(),
                    totals.state(), totals.rowsReceived(), totals.rowsLoaded(), totals.rowsRejected(), totals.submissionId(),
                    outcome.processed() ? "" : " (unchanged)");
            received += totals.rowsReceived();
            loaded += totals.rowsLoaded();
            rejected += totals.rowsRejected();
        }
        out.printf(Locale.ROOT, "%-9s  %-15s  %-10s  %,12d  %,12d  %,12d%n", "all", "", "", received, loaded, rejected);
    }
}
