package uk.gov.childrenshomes.jobs.ingest.ssda903;

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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.childrenshomes.jobs.ingest.ssda903.Ssda903IngestJobFunctionalTests.XML;

/**
 * The structure rules of the EXPSSDA903 XML export (issue 7), each through a real ingest: DP077 (another root
 * element), DP078 (an element the year's layout does not have, reported by name and line) and DP079 (nesting
 * deeper than {@link ExpSsda903XmlRows#MAXIMUM_DEPTH}, refused instead of overflowing the stack).
 */
@ExtendWith(WarehouseExtension.class)
class ExpSsda903StructureRulesTest {

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
    void dp077AnotherRootElementThanExpssda903IsRejected(@TempDir Path folder) throws Exception {
        long submission = ingest("E06000001", folder, XML.replace("EXPSSDA903>", "NOTSSDA903>"));

        assertThat(application.totals(submission)).containsExactly("rejected", 0L, 0L, 0L);
        assertThat(issues(submission)).singleElement().satisfies(issue -> {
            assertThat(issue).containsEntry("rule_code", "DP077").containsEntry("field_name", "NOTSSDA903");
            assertThat((String) issue.get("message")).contains("<NOTSSDA903>");
        });
    }

    @Test
    void dp078AnElementTheLayoutDoesNotHaveIsReportedOnceByNameAndLineAndTheRestLoads(@TempDir Path folder) throws Exception {
        String unknown = XML.replace("<MC_DOB /></HEADER>", "<MC_DOB /><UNKNOWN_ELEMENT>1</UNKNOWN_ELEMENT></HEADER>")
                .replace("<EPISODE>", "<EPISODE><FAVOURITE_COLOUR><SHADE>blue</SHADE></FAVOURITE_COLOUR>");
        long clean = ingest("E06000002", folder.resolve("clean"), XML);
        long withUnknown = ingest("E06000003", folder.resolve("unknown"), unknown);

        assertThat(application.totals(clean).get(0)).isEqualTo("loaded");
        assertThat(application.totals(withUnknown)).isEqualTo(application.totals(clean));
        List<Map<String, Object>> issues = issues(withUnknown).stream().filter(issue -> "DP078".equals(issue.get("rule_code"))).toList();
        assertThat(issues).extracting(issue -> issue.get("field_name")).containsExactlyInAnyOrder("UNKNOWN_ELEMENT", "FAVOURITE_COLOUR");
        assertThat(issues).allSatisfy(issue -> assertThat((String) issue.get("message")).contains("first at line 2"));
    }

    @Test
    void dp079DeepNestingIsRefusedWithinABoundedDepthInsteadOfOverflowingTheStack(@TempDir Path folder) throws Exception {
        int depth = 100_000;
        String inAChild = "<EXPSSDA903><CHILD>" + "<HEADER>".repeat(depth) + "</HEADER>".repeat(depth) + "</CHILD></EXPSSDA903>";
        String outsideAChild = "<EXPSSDA903>" + "<X>".repeat(depth) + "</X>".repeat(depth) + "</EXPSSDA903>";

        for (String[] file : new String[][] {{"E06000004", inAChild}, {"E06000005", outsideAChild}}) {
            JobExecution execution = application.ingest(file[0], "ssda903", 2025,
                    List.of(Files.writeString(Files.createDirectories(folder.resolve(file[0])).resolve("export.xml"), file[1])),
                    folder.resolve(file[0]).resolve("outbox"));

            assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            long submission = TestIngestApplication.submissionId(execution);
            assertThat(application.totals(submission).get(0)).isEqualTo("rejected");
            assertThat(issues(submission)).extracting(issue -> issue.get("rule_code")).contains("DP079");
        }
    }

    private static long ingest(String la, Path folder, String xml) throws Exception {
        Path file = Files.writeString(Files.createDirectories(folder).resolve("export.xml"), xml);
        JobExecution execution = application.ingest(la, "ssda903", 2025, List.of(file), folder.resolve("outbox"));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return TestIngestApplication.submissionId(execution);
    }

    private static List<Map<String, Object>> issues(long submission) {
        return application.jdbc().queryForList("SELECT rule_code, field_name, message FROM ops.validation_issue"
                + " WHERE submission_id = ?", submission);
    }
}
