package uk.gov.childrenshomes.reliability;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.childrenshomes.reliability.support.ChildProcess;
import uk.gov.childrenshomes.reliability.support.HostileFiles;
import uk.gov.childrenshomes.reliability.support.Inbox;
import uk.gov.childrenshomes.reliability.support.Pipeline;
import uk.gov.childrenshomes.reliability.support.Submissions;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.childrenshomes.reliability.support.Inbox.quoted;
import static uk.gov.childrenshomes.reliability.support.Inbox.withValue;

/**
 * OPEN: protections the product does not have yet. Each test states the protection the issue asks for and fails
 * against the current product; they stay out of the default run (tag "open", run by {@code -Preliability-open}) until
 * the owning module fixes them, then move into {@link HostileInboxTest}. docs/reliability.md lists each with what it
 * does today and the module that owns the fix. All cases share one ingest run, one LA each, as in HostileInboxTest.
 */
@Tag("open")
@ExtendWith(WarehouseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenProtectionsTest {

    private static final String BINARY_GARBAGE = "E06000002";
    private static final String NUL_IN_A_FIELD = "E06000003";
    private static final String XML_WRONG_ROOT = "E06000004";
    private static final String XML_UNKNOWN_ELEMENT = "E06000005";
    private static final String XML_DEEP_NESTING = "E06000006";
    private static final String LONG_SINGLE_LINE = "E06000007";
    private static final int NESTING_DEPTH = 100_000;
    /** Under the default file size limit (4 GB), but larger than the heap the run is given. */
    private static final long LONG_LINE_BYTES = 300L << 20;
    private static final String HEAP = "-Xmx256m";

    private Submissions submissions;
    private ChildProcess.Result run;

    @BeforeAll
    void ingestTheOpenCases(WarehouseConnection warehouse, @TempDir Path work) {
        Pipeline pipeline = new Pipeline(warehouse, work);
        submissions = new Submissions(warehouse);
        Inbox template = Inbox.generated(pipeline, work.resolve("template"), 0.02, List.of(Inbox.TEMPLATE_LA));
        Inbox inbox = Inbox.empty(work.resolve("inbox"));

        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        inbox.write(BINARY_GARBAGE, "missing", Inbox.missingFileName(BINARY_GARBAGE), garbage);

        List<String> lines = template.missingReturnLinesAs(NUL_IN_A_FIELD);
        lines.set(1, withValue(lines.get(1), 14, quoted("nul\u0000byte")));
        inbox.writeMissing(NUL_IN_A_FIELD, lines);

        Path ssda903 = template.folder(Inbox.TEMPLATE_LA, "ssda903");
        inbox.write(XML_WRONG_ROOT, "ssda903", "export.xml", HostileFiles.expSsda903(ssda903, "NOTSSDA903", ""));
        inbox.write(XML_UNKNOWN_ELEMENT, "ssda903", "export.xml",
                HostileFiles.expSsda903(ssda903, "EXPSSDA903", "<UNKNOWN_ELEMENT>1</UNKNOWN_ELEMENT>"));
        inbox.write(XML_DEEP_NESTING, "ssda903", "export.xml", "<EXPSSDA903><CHILD>" + "<HEADER>".repeat(NESTING_DEPTH)
                + "</HEADER>".repeat(NESTING_DEPTH) + "</CHILD></EXPSSDA903>");

        HostileFiles.writeSingleLine(inbox.write(LONG_SINGLE_LINE, "missing", Inbox.missingFileName(LONG_SINGLE_LINE), ""),
                LONG_LINE_BYTES);

        run = pipeline.startIngest("ingest-open-cases", inbox.root(), List.of(HEAP)).waitFor();
    }

    private Map<String, Object> submission(String laCode, String returnCode) {
        Map<String, Object> submission = submissions.only(laCode, returnCode);
        submissions.assertAccounted(submission);
        return submission;
    }

    /** jobs: today the NUL bytes reach ops.validation_issue, PostgreSQL refuses them and the load FAILS (exit 1). */
    @Test
    void binaryGarbageIsRejectedAsAFileNotAFailedLoad() {
        Map<String, Object> submission = submission(BINARY_GARBAGE, "missing");
        assertEquals("rejected", submission.get("state"), run::describe);
    }

    /** jobs: a NUL character (U+0000) in one CSV value fails the LA's whole load instead of rejecting the row. */
    @Test
    void aNulCharacterInAValueRejectsTheRowNotTheRun() {
        Map<String, Object> submission = submission(NUL_IN_A_FIELD, "missing");
        assertEquals("loaded", submission.get("state"), run::describe);
        assertEquals(1, Submissions.count(submission, "rows_rejected"));
    }

    /** jobs: any document with CHILD elements loads, whatever its root element. */
    @Test
    void xmlWithAnotherRootThanExpssda903IsRejected() {
        Map<String, Object> submission = submission(XML_WRONG_ROOT, "ssda903");
        assertEquals("rejected", submission.get("state"), submission::toString);
    }

    /** jobs: elements the EXPSSDA903 schema does not have are ignored silently. */
    @Test
    void xmlWithAnElementTheSchemaDoesNotHaveIsReportedByName() {
        long id = Submissions.id(submission(XML_UNKNOWN_ELEMENT, "ssda903"));
        assertTrue(submissions.findingsText(id).contains("UNKNOWN_ELEMENT"), "no finding names the unknown element");
    }

    /**
     * jobs: a file under the size limit is parsed with no limit on the length of one record, so one 300 MB line
     * is read whole into memory (OutOfMemoryError with a 256 MB heap; the launcher's 2 GB heap falls to a 1 GB line).
     */
    @Test
    void aSingleLineLongerThanAnyRecordIsRejectedWithinBoundedMemory() {
        Map<String, Object> submission = submission(LONG_SINGLE_LINE, "missing");
        assertEquals("rejected", submission.get("state"), run::describe);
    }

    /** jobs: nesting recurses once per level: StackOverflowError, the submission is left 'loading' and the run exits 1. */
    @Test
    void deeplyNestedXmlIsRejectedWithinABoundedDepth() {
        Map<String, Object> submission = submission(XML_DEEP_NESTING, "ssda903");
        assertEquals("rejected", submission.get("state"), run::describe);
    }
}
