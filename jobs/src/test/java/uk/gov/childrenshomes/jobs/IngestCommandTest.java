package uk.gov.childrenshomes.jobs;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.childrenshomes.generator.CollectionYear;
import uk.gov.childrenshomes.generator.GenerationRequest;
import uk.gov.childrenshomes.generator.NationalGenerator;
import uk.gov.childrenshomes.jobs.ingest.Pseudonymiser;
import uk.gov.childrenshomes.jobs.warehouse.KeyReferenceAudit;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code ingest} and {@code status} commands end to end, as {@code ./datapack} runs them, on generated national
 * returns with injected faults: every LA loads, every fault is reported under the rule the generator expects, the
 * rows of every file are accounted for, and a second run processes nothing again.
 */
@ExtendWith(WarehouseExtension.class)
class IngestCommandTest {

    static final List<String> LAS = List.of("E06000001", "E09000033", "E10000014");

    @TempDir
    static Path inbox;

    @BeforeAll
    static void generate() {
        NationalGenerator.generate(new GenerationRequest(inbox, new CollectionYear(2025), 0.05, 7, 0.03, LAS));
    }

    record Result(int exitCode, String out, String err) {
    }

    static Result run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = DatapackJobsApplication.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void ingestsEveryLaReportsEveryInjectedFaultAndProcessesNothingTwice(WarehouseConnection warehouse) throws Exception {
        Map<String, String> environment = TestIngestApplication.environment(warehouse);

        Result first = run(environment, "ingest", "--inbox", inbox.toString(), "--year", "2025");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("E06000001  ssda903").contains("E10000014  oversight").doesNotContain("FAILED")
                .contains("Every key of the rows loaded from the 12 submissions processed refers to an existing row.");
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(warehouse.url(), warehouse.user(), warehouse.password(), true));
        assertThat(jdbc.queryForList("SELECT DISTINCT state FROM ops.submission", String.class)).containsExactly("loaded");
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT la_code) FROM ops.submission WHERE la_code <> 'E92000001'", Integer.class))
                .isEqualTo(LAS.size());
        List<String> faults = Files.readAllLines(inbox.resolve("faults.csv")).subList(1, Files.readAllLines(inbox.resolve("faults.csv")).size());
        assertThat(faults).isNotEmpty();
        for (String fault : faults) {
            String[] f = fault.split(",");
            assertThat(jdbc.queryForObject("""
                    SELECT count(*) FROM ops.validation_issue i JOIN ops.submission s ON s.submission_id = i.submission_id
                     WHERE s.la_code = ? AND s.return_code = ? AND i.file_name = ? AND i.row_number = ? AND i.rule_code = ?
                    """, Integer.class, f[0], f[1], f[2], Long.parseLong(f[3]), f[6])).as(fault).isPositive();
        }
        for (Map<String, Object> file : jdbc.queryForList("""
                SELECT f.source_path, f.rows_received FROM ops.submission_file f WHERE f.file_name LIKE '%.csv'
                """)) {
            long dataRows = Files.readAllLines(Path.of((String) file.get("source_path"))).size() - 1;
            assertThat(file.get("rows_received")).as((String) file.get("source_path")).isEqualTo(dataRows);
        }

        Result second = run(environment, "ingest", "--inbox", inbox.toString(), "--year", "2025");

        assertThat(second.exitCode()).isZero();
        assertThat(second.out().lines().filter(line -> line.startsWith("[")))
                .isNotEmpty().allSatisfy(line -> assertThat(line).contains("not processed again"));

        Map<String, String> withoutKey = new HashMap<>(environment);
        withoutKey.remove(Pseudonymiser.KEY_VARIABLE);
        Result status = run(withoutKey, "status", "--year", "2025", "--format", "json");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).startsWith("{\"collection_year\":2025,\"returns\":[").contains("\"la_code\":\"E09000033\"")
                .contains("\"state\":\"loaded\"");

        assertKeyAuditNamesABrokenRelationship(warehouse);
    }

    /** The audit that replaces per-row foreign keys (warehouse V79) finds a fact key that refers to nothing. */
    private static void assertKeyAuditNamesABrokenRelationship(WarehouseConnection warehouse) throws Exception {
        try (Connection connection = warehouse.open()) {
            connection.setAutoCommit(false);
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            List<Long> submissions = jdbc.queryForList("SELECT submission_id FROM ops.submission", Long.class);
            KeyReferenceAudit audit = new KeyReferenceAudit(jdbc);
            audit.requireEveryKeyResolves(submissions);

            jdbc.update("UPDATE core.fact_missing_incident SET host_la_key = -999 WHERE missing_incident_key ="
                    + " (SELECT min(missing_incident_key) FROM core.fact_missing_incident)");

            assertThatThrownBy(() -> audit.requireEveryKeyResolves(submissions)).hasMessageContaining(
                    "1 rows of core.fact_missing_incident (host_la_key) refer to no row of core.dim_local_authority");
            connection.rollback();
        }
    }

    @Test
    void badArgumentsExitWithTwoAndNameTheProblem(WarehouseConnection warehouse) {
        Map<String, String> environment = TestIngestApplication.environment(warehouse);
        assertThat(run(environment, "ingest").err()).contains("--inbox DIR");
        assertThat(run(environment, "ingest").exitCode()).isEqualTo(2);
        assertThat(run(environment, "ingest", "--inbox", "/no/such/inbox").exitCode()).isEqualTo(2);
        assertThat(run(environment, "status", "--year", "twenty").exitCode()).isEqualTo(2);
        assertThat(run(environment, "publish").exitCode()).isEqualTo(2);
        assertThat(run(environment, "ingest", "--help").exitCode()).isZero();
    }

    @Test
    void aRealRunRefusesTheDemoKeyOrNoKeyAndNeverShowsTheKey(WarehouseConnection warehouse) {
        Map<String, String> demoKey = new HashMap<>(TestIngestApplication.environment(warehouse));
        demoKey.put(Pseudonymiser.KEY_VARIABLE, Pseudonymiser.DEMO_KEY);
        Result refused = run(demoKey, "ingest", "--inbox", inbox.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("demo key").doesNotContain(Pseudonymiser.DEMO_KEY);

        Map<String, String> noKey = new HashMap<>(TestIngestApplication.environment(warehouse));
        noKey.remove(Pseudonymiser.KEY_VARIABLE);
        assertThat(run(noKey, "ingest", "--inbox", inbox.toString()).err()).contains("No pseudonymisation key");
    }

    @Test
    void anUnreachableWarehouseIsASystemFailure() {
        Map<String, String> environment = new HashMap<>();
        environment.put("WAREHOUSE_URL", "jdbc:postgresql://127.0.0.1:9/none?connectTimeout=2");
        environment.put("WAREHOUSE_USER", "nobody");
        environment.put("WAREHOUSE_PASSWORD", "x");
        environment.put(Pseudonymiser.KEY_VARIABLE, TestIngestApplication.TEST_KEY);

        Result result = run(environment, "status", "--year", "2025");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("datapack: ");
    }
}
