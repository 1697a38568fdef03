package uk.gov.childrenshomes.jobs.report;

import uk.gov.childrenshomes.jobs.warehouse.SubmissionTotals;

import java.util.List;
import java.util.Locale;

/**
 * The validation report as one self-contained HTML page an LA data worker opens in a browser: the result, then the
 * findings counted by rule with the plain-English message first, then the findings themselves (the columns of the
 * CSV), capped so that the page stays usable, with a note pointing to the CSV when it is. No script, no external
 * asset (a Content-Security-Policy forbids both), every value escaped: the values are the LA's own, unchecked text.
 * Written as well-formed XHTML-compatible markup so that it can be parsed strictly.
 */
final class ValidationReportPage {

    static final int MAXIMUM_FINDINGS_SHOWN = 2_000;

    private static final String STYLE = """
            body{font-family:Arial,Helvetica,sans-serif;margin:2em;color:#0b0c0c;max-width:80em}
            table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #b1b4b6;padding:.3em .6em;text-align:left;vertical-align:top}
            th{background:#f3f2f1}.error{color:#d4351c;font-weight:bold}.query{color:#505a5f;font-weight:bold}
            .note{background:#fff7bf;padding:.5em}""";

    private final StringBuilder html = new StringBuilder();

    private ValidationReportPage() {
    }

    /** The page of a submission: its totals, the counts by rule and at most {@link #MAXIMUM_FINDINGS_SHOWN} findings. */
    static String render(SubmissionTotals submission, int collectionYear, List<ValidationReportWriter.RuleCount> counts,
                         List<ValidationReportWriter.ReportLine> findings, long totalFindings) {
        return new ValidationReportPage().page(submission, collectionYear, counts, findings, totalFindings);
    }

    private String page(SubmissionTotals submission, int collectionYear, List<ValidationReportWriter.RuleCount> counts,
                        List<ValidationReportWriter.ReportLine> findings, long totalFindings) {
        String title = String.format(Locale.ROOT, "Validation report: %s, %s return, collection year %d", submission.laCode(),
                submission.returnCode(), collectionYear);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>")
                .append("<title>").append(escape(title)).append("</title><style>").append(STYLE).append("</style></head><body>\n");
        html.append("<h1>").append(escape(title)).append("</h1>\n<p>Submission ").append(submission.submissionId()).append(".</p>\n");
        html.append("<p><strong>").append(escape(result(submission))).append("</strong></p>\n");
        html.append(String.format(Locale.ROOT, "<p>Rows received %,d; loaded %,d; rejected %,d.</p>%n",
                submission.rowsReceived(), submission.rowsLoaded(), submission.rowsRejected()));
        if (counts.isEmpty()) {
            html.append("<p>No problems were found.</p>\n</body></html>\n");
            return html.toString();
        }
        html.append("<h2>Findings by rule</h2>\n<table id=\"summary\"><thead>");
        row("th", "What is wrong", "Rule", "Severity", "Count");
        html.append("</thead><tbody>\n");
        for (ValidationReportWriter.RuleCount count : counts) {
            html.append("<tr><td>").append(escape(count.message())).append("</td><td>").append(escape(count.rule()))
                    .append("</td><td class=\"").append(escape(count.severity())).append("\">").append(escape(count.severity()))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%,d", count.count())).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n<p>An <span class=\"error\">error</span> row was not loaded; a <span class=\"query\">query</span>")
                .append(" row was loaded but please check it. Row numbers count data rows from 1, below the header row.</p>\n");
        html.append("<h2>Findings</h2>\n");
        if (totalFindings > findings.size()) {
            html.append(String.format(Locale.ROOT, "<p class=\"note\" id=\"capped\">The first %,d of %,d findings are shown here;"
                    + " every one is in %s.</p>%n", findings.size(), totalFindings, ValidationReportWriter.CSV_NAME));
        }
        html.append("<table id=\"findings\"><thead>");
        row("th", ValidationReportWriter.HEADER.toArray(String[]::new));
        html.append("</thead><tbody>\n");
        for (ValidationReportWriter.ReportLine line : findings) {
            row("td", line.rule(), line.severity(), line.file(), line.row() == null ? "" : line.row().toString(), line.field(),
                    line.value(), line.message());
        }
        html.append("</tbody></table>\n</body></html>\n");
        return html.toString();
    }

    private static String result(SubmissionTotals submission) {
        return switch (submission.state()) {
            case "loaded" -> "Result: ACCEPTED. Rows with an error were not loaded; rows with a query were loaded but please check them.";
            case "rejected" -> "Result: REJECTED as a whole, nothing was loaded: " + submission.stateReason();
            default -> "Result: " + submission.state();
        };
    }

    private void row(String cell, String... values) {
        html.append("<tr>");
        for (String value : values) {
            html.append('<').append(cell).append('>').append(escape(value)).append("</").append(cell).append('>');
        }
        html.append("</tr>\n");
    }

    /** Text as HTML character data or attribute value: markup characters and quotes as entities, controls dropped. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }
}
