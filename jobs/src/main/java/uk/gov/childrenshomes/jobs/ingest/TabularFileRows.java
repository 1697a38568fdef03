package uk.gov.childrenshomes.jobs.ingest;

import uk.gov.childrenshomes.jobs.validation.ColumnSpecification;
import uk.gov.childrenshomes.jobs.validation.Finding;
import uk.gov.childrenshomes.jobs.validation.TableSpecification;
import uk.gov.childrenshomes.jobs.validation.ValidationRuleCatalogue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of a CSV or XLSX table: the header is matched to the table specification once, then each record becomes
 * a {@link SourceRow} with its values in specification order. A structural failure of the header marks every row
 * of the file rejected, so that rows received are still counted.
 */
final class TabularFileRows implements FileRows {

    private final TableRecords records;
    private final SubmissionToLoad submission;
    private final SubmissionToLoad.File file;
    private final TableSpecification table;
    private final ValidationRuleCatalogue rules;
    private final FileFindings findings;
    private final HeaderMapping mapping;
    private final boolean fileRejected;
    private long rowNumber;

    TabularFileRows(TableRecords records, SubmissionToLoad submission, SubmissionToLoad.File file, TableSpecification table,
                    boolean ignoreExtraColumns, boolean alreadyRejected, ValidationRuleCatalogue rules, FileFindings findings) {
        this.records = records;
        this.submission = submission;
        this.file = file;
        this.table = table;
        this.rules = rules;
        this.findings = findings;
        List<String> header = records.header();
        if (header == null) {
            report("DP002", null, null);
            this.mapping = null;
            this.fileRejected = true;
            return;
        }
        this.mapping = HeaderMapping.of(header, table, ignoreExtraColumns);
        boolean rejected = alreadyRejected;
        if (header.size() == 1 && (header.get(0).contains(";") || header.get(0).contains("\t"))) {
            report("DP012", null, abbreviate(header.get(0)));
            rejected = true;
        } else {
            if (!mapping.missing().isEmpty()) {
                report("DP003", String.join(", ", mapping.missing()), "missing: " + String.join(", ", mapping.missing()));
                rejected = true;
            }
            if (!mapping.duplicated().isEmpty()) {
                report("DP005", String.join(", ", mapping.duplicated()), null);
                rejected = true;
            }
            if (!ignoreExtraColumns) {
                mapping.unexpected().forEach(name -> report("DP004", name, null));
            }
        }
        this.fileRejected = rejected;
    }

    @Override
    public SourceRow next() throws IOException {
        if (mapping == null) {
            return null;
        }
        List<String> record = records.next();
        if (record == null) {
            if (rowNumber == 0) {
                report("DP006", null, null);
            }
            return null;
        }
        rowNumber++;
        List<Finding> rowFindings = new ArrayList<>(0);
        if (record.size() != mapping.width() && !fileRejected) {
            rowFindings.add(new Finding(rules.rule("DP009"), rowNumber, null, null,
                    record.size() + " fields where the header has " + mapping.width()));
        }
        String[] values = new String[table.columns().size()];
        for (int c = 0; c < values.length; c++) {
            int position = mapping.positions()[c];
            String value = position >= 0 && position < record.size() ? record.get(position) : null;
            if (value != null && !value.isEmpty()) {
                int control = firstControlCharacter(value);
                if (control >= 0) {
                    rowFindings.add(new Finding(rules.rule("DP018"), rowNumber, table.columns().get(c).name(), value,
                            String.format("U+%04X at character %d", (int) value.charAt(control), control + 1)));
                }
                String stripped = value.strip();
                if (stripped.length() != value.length()) {
                    ColumnSpecification column = table.columns().get(c);
                    rowFindings.add(new Finding(rules.rule("DP013"), rowNumber, column.name(), value, null));
                }
                value = stripped;
            }
            values[c] = value == null || value.isEmpty() ? null : value;
        }
        return new SourceRow(submission, table, file.fileName(), rowNumber, values, fileRejected, rowFindings);
    }

    @Override
    public void close() throws IOException {
        records.close();
    }

    private void report(String rule, String field, String detail) {
        findings.record(submission.submissionId(), file.fileName(), new Finding(rules.rule(rule), null, field, null, detail));
    }

    /**
     * The position of the first control character other than tab, line feed and carriage return (which a quoted
     * value may hold), or -1. NUL among them cannot even be stored by PostgreSQL; the others are invisible garbage.
     */
    private static int firstControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0x7F && c <= 0x9F) {
                return i;
            }
        }
        return -1;
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
