package uk.gov.childrenshomes.jobs;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.childrenshomes.jobs.ingest.SubmissionIngestJobFactory;
import uk.gov.childrenshomes.jobs.ingest.SubmissionRegistrar;
import uk.gov.childrenshomes.jobs.source.ReturnDelivery;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The jobs application running against a test class's warehouse, with a test pseudonymisation key, and helpers to
 * run one submission's job the way {@code ingest} does.
 */
public final class TestIngestApplication implements AutoCloseable {

    public static final String TEST_KEY = "test-key-for-unit-tests-only-0123456789abcdef";

    private final ConfigurableApplicationContext context;
    private final Map<String, String> environment;

    private TestIngestApplication(Map<String, String> environment) {
        this.environment = environment;
        this.context = DatapackJobsApplication.start(environment);
    }

    public static Map<String, String> environment(WarehouseConnection warehouse) {
        return Map.of("WAREHOUSE_URL", warehouse.url(), "WAREHOUSE_USER", warehouse.user(),
                "WAREHOUSE_PASSWORD", warehouse.password(), "DATAPACK_PSEUDONYMISATION_KEY", TEST_KEY);
    }

    public static TestIngestApplication start(WarehouseConnection warehouse) {
        return new TestIngestApplication(environment(warehouse));
    }

    public Map<String, String> environment() {
        return environment;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    /** Registers a delivery as the ingest does and, if it is new, runs its return's job to the end. */
    public JobExecution ingest(String laCode, String returnCode, int collectionYear, List<Path> files, Path reportFolder) throws Exception {
        SubmissionRegistrar registrar = bean(SubmissionRegistrar.class);
        long run = registrar.newIngestRun(collectionYear, files.get(0).getParent(), List.of());
        SubmissionRegistrar.Registration registration = registrar.register(run,
                new ReturnDelivery(laCode, returnCode, "test", files), collectionYear);
        if (!registration.toLoad()) {
            return null;
        }
        Job job = context.getBeansOfType(Job.class).values().stream()
                .filter(candidate -> candidate.getName().equals(SubmissionIngestJobFactory.jobName(returnCode)))
                .findFirst().orElseThrow();
        return bean(JobOperator.class).start(job, new JobParametersBuilder()
                .addLong(SubmissionIngestJobFactory.SUBMISSION_ID, registration.submissionId())
                .addLong(SubmissionIngestJobFactory.INGEST_RUN_ID, run)
                .addString(SubmissionIngestJobFactory.REPORT_FOLDER, reportFolder.toString(), false)
                .toJobParameters());
    }

    public static long submissionId(JobExecution execution) {
        return execution.getJobParameters().getLong(SubmissionIngestJobFactory.SUBMISSION_ID);
    }

    public static StepExecution step(JobExecution execution, String suffix) {
        return execution.getStepExecutions().stream().filter(step -> step.getStepName().endsWith("." + suffix))
                .findFirst().orElseThrow(() -> new AssertionError("no step " + suffix));
    }

    /** The submission's state, rows received, loaded and rejected. */
    public List<Object> totals(long submission) {
        return jdbc().queryForObject(
                "SELECT state, rows_received, rows_loaded, rows_rejected FROM ops.submission WHERE submission_id = ?",
                (rs, row) -> List.of(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), submission);
    }

    /** A landing table's rows of a submission without the submission id, in row order. */
    public List<Map<String, Object>> landingRows(String table, long submission) {
        List<Map<String, Object>> rows = jdbc().queryForList(
                "SELECT * FROM " + table + " WHERE submission_id = ? ORDER BY row_number", submission);
        rows.forEach(row -> row.remove("submission_id"));
        return rows;
    }

    @Override
    public void close() {
        context.close();
    }
}
