package uk.gov.childrenshomes.jobs.validation;

/**
 * One rule of the catalogue ({@code rules/catalogue.yaml}).
 *
 * @param kind       file (structure), field (one value, applied through the column specifications), row
 *                   (a set-based SQL check over the submission's landing rows) or submission (a set-based check
 *                   whose error rejects the whole submission)
 * @param returnCode the return it applies to, or {@code all}
 * @param table      for row rules: the return table whose rows the check reports
 * @param field      for row rules: the column the finding is about
 * @param check      for row rules: SQL returning (row_number, field_value) of the offending rows
 */
public record ValidationRule(String code, Kind kind, Severity severity, String returnCode, boolean dfeRule, String table,
                             String field, String message, String check) {

    public enum Kind { FILE, FIELD, ROW, SUBMISSION }
}
