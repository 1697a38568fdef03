package uk.gov.childrenshomes.jobs.ingest;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import uk.gov.childrenshomes.jobs.report.ValidationReportWriter;
import uk.gov.childrenshomes.jobs.validation.ReturnSpecification;
import uk.gov.childrenshomes.jobs.validation.ReturnSpecifications;
import uk.gov.childrenshomes.jobs.validation.SetBasedRuleChecks;
import uk.gov.childrenshomes.jobs.warehouse.SubmissionStore;

import java.nio.file.Path;

/**
 * Builds the job that loads one submission of a return; every return's job has the same five steps, so each
 * {@code *IngestJobConfiguration} declares its job through this factory:
 * <ol>
 *   <li>{@code prepare}: clear whatever an interrupted attempt left of the submission;</li>
 *   <li>{@code load}: stream the files, validate and pseudonymise each row, COPY chunks into landing and
 *       ops.validation_issue with the file counters, each chunk in its own transaction;</li>
 *   <li>{@code check}: the set-based row, cross-row and submission rules;</li>
 *   <li>{@code accept}: in one transaction, reject the submission or mark it loaded, supersede the previous
 *       one and call the return's refresh procedure;</li>
 *   <li>{@code report}: the validation report into the LA's outbox.</li>
 * </ol>
 * A job instance is identified by the submission and the ingest run (never by an incrementer: Batch 6 ignores
 * given parameters with one), so a re-run of the same command restarts exactly the submissions left unfinished.
 */
@Component
public class SubmissionIngestJobFactory {

    public static final String SUBMISSION_ID = "submission.id";
    public static final String INGEST_RUN_ID = "ingest.run.id";
    /** Not identifying: where the validation report goes. */
    public static final String REPORT_FOLDER = "report.folder";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final SubmissionStore store;
    private final ReturnSpecifications specifications;
    private final SubmissionRowReader reader;
    private final RowValidationProcessor processor;
    private final LandingCopyWriter writer;
    private final SetBasedRuleChecks ruleChecks;
    private final ValidationReportWriter reports;
    private final int chunkSize;

    public SubmissionIngestJobFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                      SubmissionStore store, ReturnSpecifications specifications, SubmissionRowReader reader,
                                      RowValidationProcessor processor, LandingCopyWriter writer,
                                      SetBasedRuleChecks ruleChecks, ValidationReportWriter reports,
                                      @Value("${datapack.ingest.chunk-size:5000}") int chunkSize) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.store = store;
        this.specifications = specifications;
        this.reader = reader;
        this.processor = processor;
        this.writer = writer;
        this.ruleChecks = ruleChecks;
        this.reports = reports;
        this.chunkSize = chunkSize;
    }

    /** The name of the job that loads a submission of the return. */
    public static String jobName(String returnCode) {
        return returnCode + "Ingest";
    }

    public Job job(String returnCode) {
        return new JobBuilder(jobName(returnCode), jobRepository)
                .start(submissionStep(returnCode + ".prepare", (submission, specification, chunk) ->
                        store.prepareForLoad(submission, specification)))
                .next(new StepBuilder(returnCode + ".load", jobRepository)
                        .<SourceRow, ValidatedRow>chunk(chunkSize)
                        .transactionManager(transactionManager)
                        .reader(reader)
                        .processor(processor)
                        .writer(writer)
                        .build())
                .next(submissionStep(returnCode + ".check", (submission, specification, chunk) ->
                        ruleChecks.run(submission, specification)))
                .next(submissionStep(returnCode + ".accept", (submission, specification, chunk) ->
                        store.accept(submission, specification)))
                .next(submissionStep(returnCode + ".report", (submission, specification, chunk) ->
                        reports.write(store.totals(submission.submissionId()), submission.collectionYear(),
                                Path.of((String) chunk.getStepContext().getJobParameters().get(REPORT_FOLDER)))))
                .build();
    }

    /** What a one-shot step does with the job's submission; it runs in the step's transaction. */
    @FunctionalInterface
    private interface SubmissionWork {
        void run(SubmissionToLoad submission, ReturnSpecification specification, ChunkContext chunk);
    }

    private Step submissionStep(String name, SubmissionWork work) {
        return new StepBuilder(name, jobRepository)
                .tasklet((contribution, chunk) -> {
                    long submissionId = (Long) chunk.getStepContext().getJobParameters().get(SUBMISSION_ID);
                    SubmissionToLoad submission = store.submissionToLoad(submissionId);
                    work.run(submission, specifications.forYear(submission.returnCode(), submission.collectionYear()), chunk);
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }
}
