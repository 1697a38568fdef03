package uk.gov.childrenshomes.jobs.validation;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import uk.gov.childrenshomes.jobs.ingest.SubmissionToLoad;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a return's row, cross-row and submission rules (rules/catalogue.yaml) to a submission's landing rows
 * after the load, set-based in the database: each rule is one INSERT ... SELECT of its findings into
 * ops.validation_issue, then the rows an error rule found are taken out of landing and moved from loaded to rejected
 * on their file's counters, so the accounting identity still holds.
 */
@Component
public class SetBasedRuleChecks {

    private final NamedParameterJdbcTemplate jdbc;
    private final ValidationRuleCatalogue rules;

    public SetBasedRuleChecks(NamedParameterJdbcTemplate jdbc, ValidationRuleCatalogue rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    /** Where a table's rows came from: the file as reported and the file whose counters they are on. */
    private record TableSource(String reportedFileName, String fileName, String landingTable) {
    }

    public void run(SubmissionToLoad submission, ReturnSpecification specification) {
        Map<String, TableSource> sources = new LinkedHashMap<>();
        for (ValidationRule rule : rules.setBasedChecks(specification.returnCode())) {
            Optional<TableSource> source = sources.containsKey(rule.table()) ? Optional.of(sources.get(rule.table()))
                    : source(submission, specification, rule.table());
            if (source.isEmpty()) {
                continue; // the LA did not send this table: nothing to check
            }
            sources.put(rule.table(), source.get());
            jdbc.update("""
                    INSERT INTO ops.validation_issue (submission_id, file_name, row_number, rule_code, severity, field_name,
                                                      field_value, message)
                    SELECT :submission_id, :file_name, found.row_number, :rule_code, :severity, :field_name,
                           left(found.value, 60), :message
                      FROM (%s) AS found (row_number, value)
                    """.formatted(rule.check()), parameters(submission)
                    .addValue("file_name", source.get().reportedFileName())
                    .addValue("rule_code", rule.code())
                    .addValue("severity", rule.severity().code())
                    .addValue("field_name", rule.field())
                    .addValue("message", rule.message()));
        }
        for (TableSource source : sources.values()) {
            jdbc.update("""
                    WITH rejected AS (
                        DELETE FROM %s t
                         WHERE t.submission_id = :submission_id
                           AND t.row_number IN (SELECT i.row_number FROM ops.validation_issue i
                                                 WHERE i.submission_id = :submission_id AND i.file_name = :reported_file_name
                                                   AND i.severity = 'error' AND i.row_number IS NOT NULL)
                        RETURNING 1)
                    UPDATE ops.submission_file
                       SET rows_loaded = rows_loaded - (SELECT count(*) FROM rejected),
                           rows_rejected = rows_rejected + (SELECT count(*) FROM rejected)
                     WHERE submission_id = :submission_id AND file_name = :file_name
                    """.formatted(source.landingTable()), parameters(submission)
                    .addValue("reported_file_name", source.reportedFileName())
                    .addValue("file_name", source.fileName()));
        }
    }

    private static MapSqlParameterSource parameters(SubmissionToLoad submission) {
        return new MapSqlParameterSource()
                .addValue("submission_id", submission.submissionId())
                .addValue("collection_year", submission.collectionYear())
                .addValue("la_code", submission.laCode());
    }

    private static Optional<TableSource> source(SubmissionToLoad submission, ReturnSpecification specification, String tableName) {
        TableSpecification table = specification.table(tableName).orElseThrow(() -> new IllegalStateException(
                "A rule of " + specification.returnCode() + " checks table " + tableName + ", which its specification lacks"));
        return submission.files().stream()
                .filter(file -> file.tableName().equals(tableName) || file.tableName().equals(SubmissionToLoad.ALL_TABLES))
                .findFirst()
                .map(file -> new TableSource(file.tableName().equals(SubmissionToLoad.ALL_TABLES)
                        ? file.fileName() + " [" + tableName + "]" : file.fileName(), file.fileName(), table.landingTable()));
    }
}
