package uk.gov.childrenshomes.jobs.ingest;

import uk.gov.childrenshomes.jobs.ingest.ssda903.ExpSsda903XmlRows;
import uk.gov.childrenshomes.jobs.validation.Finding;
import uk.gov.childrenshomes.jobs.validation.ReturnSpecification;
import uk.gov.childrenshomes.jobs.validation.TableSpecification;
import uk.gov.childrenshomes.jobs.validation.ValidationRuleCatalogue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;

/**
 * Opens one file of a submission as rows of its table, after the checks that apply to the file as a whole:
 * recognised, one per table, named for this LA and year, not oversized, not empty, text (not binary), no record
 * longer than the limit, UTF-8. Findings about the file
 * go straight to {@link FileFindings}; the rows of a file failing one are read (so that they are counted) as rejected.
 */
public final class SubmissionFileOpener {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final ValidationRuleCatalogue rules;
    private final FileFindings findings;
    private final long maximumFileBytes;
    private final long maximumRecordBytes;

    public SubmissionFileOpener(ValidationRuleCatalogue rules, FileFindings findings, long maximumFileBytes, long maximumRecordBytes) {
        this.rules = rules;
        this.findings = findings;
        this.maximumFileBytes = maximumFileBytes;
        this.maximumRecordBytes = maximumRecordBytes;
    }

    public FileRows open(SubmissionToLoad submission, SubmissionToLoad.File file, ReturnSpecification specification) throws IOException {
        if (file.tableName().equals(SubmissionToLoad.UNRECOGNISED)) {
            report(submission, file, "DP011", file.fileName());
            return FileRows.EMPTY;
        }
        if (file.tableName().equals(SubmissionToLoad.DUPLICATE)) {
            report(submission, file, "DP015", file.fileName());
            return FileRows.EMPTY;
        }
        boolean claimsOtherwise = false;
        for (FileNameClaims.Mismatch mismatch : FileNameClaims.check(file.fileName(), submission.laCode(), submission.collectionYear())) {
            report(submission, file, mismatch.rule(), mismatch.detail());
            claimsOtherwise = true;
        }
        long size = Files.size(file.path());
        if (size > maximumFileBytes) {
            report(submission, file, "DP007", size + " bytes, limit " + maximumFileBytes);
            return FileRows.EMPTY;
        }
        if (size == 0) {
            report(submission, file, "DP002", null);
            return FileRows.EMPTY;
        }
        if (file.tableName().equals(SubmissionToLoad.ALL_TABLES)) {
            if (claimsOtherwise) {
                return FileRows.EMPTY;
            }
            return new ExpSsda903XmlRows(file.path(), submission, file, specification, rules, findings);
        }
        TableSpecification table = specification.table(file.tableName()).orElseThrow(() -> new IllegalStateException(
                "File " + file.fileName() + " was registered for table " + file.tableName() + ", which the specification lacks"));
        if (file.fileName().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            return new TabularFileRows(XlsxTableRecords.open(file.path()), submission, file, table,
                    specification.ignoreExtraColumns(), claimsOtherwise, rules, findings);
        }
        TextFileScan.Result text = TextFileScan.scan(file.path(), maximumRecordBytes);
        if (text.binary()) {
            report(submission, file, "DP019", null);
            return FileRows.EMPTY;
        }
        if (text.tooLongRecordLine() > 0) {
            report(submission, file, "DP076", "the record starting on line " + text.tooLongRecordLine() + " is longer than "
                    + maximumRecordBytes + " bytes");
            return FileRows.EMPTY;
        }
        boolean utf8 = text.utf8();
        if (!utf8) {
            report(submission, file, "DP001", null);
        }
        return new TabularFileRows(new CsvTableRecords(file.path(), utf8 ? StandardCharsets.UTF_8 : WINDOWS_1252),
                submission, file, table, specification.ignoreExtraColumns(), !utf8 || claimsOtherwise, rules, findings);
    }

    /** A file that could not be read at all (damaged, wrong format): reported, and read as having no rows. */
    public void reportUnreadable(SubmissionToLoad submission, SubmissionToLoad.File file, Exception cause) {
        report(submission, file, "DP014", cause.getClass().getSimpleName() + ": " + String.valueOf(cause.getMessage()));
    }

    public void reportMissingTable(SubmissionToLoad submission, TableSpecification table) {
        findings.record(submission.submissionId(), table.filePattern(),
                new Finding(rules.rule("DP010"), null, null, table.filePattern(), "no " + table.filePattern()));
    }

    private void report(SubmissionToLoad submission, SubmissionToLoad.File file, String rule, String detail) {
        findings.record(submission.submissionId(), file.fileName(), new Finding(rules.rule(rule), null, null, null, detail));
    }
}
