package uk.gov.childrenshomes.jobs.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.gov.childrenshomes.jobs.warehouse.SubmissionTotals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Writes a submission's validation report for the LA into its outbox: {@code validation-report.csv}, one line per
 * finding (rule, severity, file, row, field, value, message; never a whole record, never a child's ID),
 * {@code validation-report.html}, the same as a page to read in a browser (counts by rule first, findings capped),
 * and {@code validation-report.txt}, a short summary. Row numbers count data rows from 1, as the LA's own
 * spreadsheet does below its header. Every CSV cell is neutralised against formula injection, every HTML value escaped.
 */
@Component
public class ValidationReportWriter {

    static final String CSV_NAME = "validation-report.csv";
    static final String HTML_NAME = "validation-report.html";
    static final String SUMMARY_NAME = "validation-report.txt";
    static final List<String> HEADER = List.of("rule", "severity", "file", "row", "field", "value", "message");

    private final JdbcTemplate jdbc;

    public ValidationReportWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record RuleCount(String rule, String severity, long count, String message) {
    }

    /** One finding as the report shows it. */
    record ReportLine(String rule, String severity, String file, Long row, String field, String value, String message) {
    }

    public void write(SubmissionTotals submission, int collectionYear, Path outbox) {
        try {
            Files.createDirectories(outbox);
            writeFindings(submission.submissionId(), outbox.resolve(CSV_NAME));
            List<RuleCount> counts = ruleCounts(submission.submissionId());
            writeSummary(submission, collectionYear, counts, outbox.resolve(SUMMARY_NAME));
            List<ReportLine> shown = new ArrayList<>();
            findings(submission.submissionId(), ValidationReportPage.MAXIMUM_FINDINGS_SHOWN, shown::add);
            Files.writeString(outbox.resolve(HTML_NAME), ValidationReportPage.render(submission, collectionYear, counts, shown,
                    counts.stream().mapToLong(RuleCount::count).sum()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the validation report into " + outbox + ": " + e.getMessage(), e);
        }
    }

    private void writeFindings(long submissionId, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(HEADER);
            findings(submissionId, Long.MAX_VALUE, line -> {
                try {
                    csv.printRecord(SpreadsheetSafeText.of(line.rule()), line.severity(), SpreadsheetSafeText.of(line.file()),
                            line.row() == null ? "" : line.row(), SpreadsheetSafeText.of(line.field()),
                            SpreadsheetSafeText.of(line.value()), SpreadsheetSafeText.of(line.message()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** The submission's findings in report order (by file, then row; file-level findings first), at most {@code limit}. */
    private void findings(long submissionId, long limit, Consumer<ReportLine> consumer) {
        jdbc.query("""
                SELECT rule_code, severity, file_name, row_number, field_name, field_value, message
                  FROM ops.validation_issue WHERE submission_id = ?
                 ORDER BY file_name, row_number NULLS FIRST, validation_issue_id LIMIT ?
                """, rs -> {
            consumer.accept(new ReportLine(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getObject(4) == null ? null : rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7)));
        }, submissionId, limit);
    }

    private List<RuleCount> ruleCounts(long submissionId) {
        return jdbc.query("""
                SELECT rule_code, severity, count(*), min(message) FROM ops.validation_issue WHERE submission_id = ?
                 GROUP BY rule_code, severity ORDER BY severity, count(*) DESC, rule_code
                """, (rs, row) -> new RuleCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)), submissionId);
    }

    private void writeSummary(SubmissionTotals submission, int collectionYear, List<RuleCount> counts, Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Validation report: %s, %s return, collection year %d (submission %d)%n%n",
                submission.laCode(), submission.returnCode(), collectionYear, submission.submissionId()));
        text.append(switch (submission.state()) {
            case "loaded" -> "Result: ACCEPTED. The rows below marked 'error' were not loaded; rows marked 'query' were loaded"
                    + " but please check them.\n";
            case "rejected" -> "Result: REJECTED as a whole, nothing was loaded: " + submission.stateReason() + "\n";
            default -> "Result: " + submission.state() + "\n";
        });
        text.append(String.format(Locale.ROOT, "Rows received %,d; loaded %,d; rejected %,d.%n%n",
                submission.rowsReceived(), submission.rowsLoaded(), submission.rowsRejected()));
        if (counts.isEmpty()) {
            text.append("No problems were found.\n");
        } else {
            text.append("Findings by rule (every one is listed, with its file, row and field, in ").append(CSV_NAME)
                    .append(" and as a page in ").append(HTML_NAME).append("):\n");
            for (RuleCount count : counts) {
                text.append(String.format(Locale.ROOT, "  %-8s %-5s %,8d  %s%n", count.rule(), count.severity(), count.count(),
                        count.message()));
            }
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
