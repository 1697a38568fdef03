package uk.gov.childrenshomes.jobs.ingest.missing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import uk.gov.childrenshomes.jobs.TestIngestApplication;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.childrenshomes.jobs.validation.MissingRulesTest.CARE;
import static uk.gov.childrenshomes.jobs.validation.MissingRulesTest.HOME;
import static uk.gov.childrenshomes.jobs.validation.RuleCaseSubmission.with;

/**
 * The hostile-text rules of a CSV file (issue 7), each through a real ingest of the missing return:
 * DP018 (a control character in a value rejects the row), DP019 (binary data is not a text file) and
 * DP076 (a record longer than {@code datapack.ingest.maximum-record-bytes}, default 1 MB, rejects the file).
 */
@ExtendWith(WarehouseExtension.class)
class TextFileRulesTest {

    static final String HEADER = uk.gov.childrenshomes.jobs.validation.MissingRulesTest.INCIDENTS.header();
    /** A valid row of another child, so that a broken copy trips no cross-row rule by accident. */
    static final String OTHER_CARE = with(CARE, 0, "M3", 1, "B220931");

    static final String LA = "E06000001";
    static TestIngestApplication application;

    @BeforeAll
    static void start(WarehouseConnection warehouse) {
        application = TestIngestApplication.start(warehouse);
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    @Test
    void dp018ANulCharacterInAValueRejectsThatRowUnderTheRuleAndLoadsTheRest(@TempDir Path folder) throws Exception {
        Path file = write(folder, LA, String.join("\n", HEADER, CARE, HOME, with(OTHER_CARE, 0, "M3\u0000x")) + "\n");

        JobExecution execution = application.ingest(LA, "missing", 2025, List.of(file), folder.resolve("outbox"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long submission = TestIngestApplication.submissionId(execution);
        assertThat(application.totals(submission)).containsExactly("loaded", 3L, 2L, 1L);
        assertThat(issues(submission, "DP018")).singleElement().satisfies(issue -> {
            assertThat(issue).containsEntry("row_number", 3L).containsEntry("field_name", "INCIDENT_ID");
            assertThat((String) issue.get("field_value")).isEqualTo("M3\uFFFDx");
            assertThat((String) issue.get("message")).contains("U+0000 at character 3");
        });
    }

    @Test
    void dp018OtherControlCharactersRejectTheRowButTabsAndLineBreaksInAQuotedValueDoNot(@TempDir Path folder) throws Exception {
        String la = "E06000002";
        Path file = write(folder, la, String.join("\n", HEADER, with(CARE, 0, "\"M1\r\n\tx\"").replace("E06000001", la),
                with(HOME, 0, "M2\u001b[2J")) + "\n");

        long submission = TestIngestApplication.submissionId(
                application.ingest(la, "missing", 2025, List.of(file), folder.resolve("outbox")));

        assertThat(issues(submission, "DP018")).singleElement()
                .satisfies(issue -> assertThat(issue).containsEntry("row_number", 2L).containsEntry("field_value", "M2\u001b[2J"));
    }

    @Test
    void dp019BinaryDataIsRejectedAsNotATextFileNotAFailedLoad(@TempDir Path folder) throws Exception {
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        Path file = Files.write(folder.resolve(LA + "_missing_2025.csv"), garbage);

        JobExecution execution = application.ingest(LA, "missing", 2025, List.of(file), folder.resolve("outbox"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long submission = TestIngestApplication.submissionId(execution);
        assertThat(application.totals(submission)).containsExactly("rejected", 0L, 0L, 0L);
        assertThat(ruleCodes(submission)).containsExactly("DP019");
    }

    @Test
    void dp076ARecordLongerThanTheLimitRejectsTheFileNamingTheLineItStartsOn(@TempDir Path folder) throws Exception {
        Path file = folder.resolve(LA + "_missing_2025.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join("\n", HEADER, CARE, HOME) + "\n");
            // An unclosed quote: every following line belongs to the same record, 2 MB of it.
            out.write("M3,\"");
            for (int i = 0; i < 40_000; i++) {
                out.write(HOME + "\n");
            }
        }

        JobExecution execution = application.ingest(LA, "missing", 2025, List.of(file), folder.resolve("outbox"));

        long submission = TestIngestApplication.submissionId(execution);
        assertThat(application.totals(submission).get(0)).isEqualTo("rejected");
        assertThat(issues(submission, "DP076")).singleElement()
                .satisfies(issue -> assertThat((String) issue.get("message")).contains("line 4").contains("1048576 bytes"));
    }

    private static Path write(Path folder, String la, String content) throws IOException {
        return Files.writeString(folder.resolve(la + "_missing_2025.csv"), content);
    }

    private static List<Map<String, Object>> issues(long submission, String rule) {
        return application.jdbc().queryForList("SELECT row_number, field_name, field_value, message FROM ops.validation_issue"
                + " WHERE submission_id = ? AND rule_code = ?", submission, rule);
    }

    private static List<String> ruleCodes(long submission) {
        return application.jdbc().queryForList("SELECT rule_code FROM ops.validation_issue WHERE submission_id = ?",
                String.class, submission);
    }
}
