package uk.gov.childrenshomes.jobs.ingest;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import uk.gov.childrenshomes.jobs.validation.ColumnSpecification;
import uk.gov.childrenshomes.jobs.validation.ColumnType;
import uk.gov.childrenshomes.jobs.validation.FieldValidator;
import uk.gov.childrenshomes.jobs.validation.Finding;
import uk.gov.childrenshomes.jobs.validation.Severity;
import uk.gov.childrenshomes.jobs.validation.ValidationRule;
import uk.gov.childrenshomes.jobs.validation.ValidationRuleCatalogue;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks every value of a row against its column specification and pseudonymises the child ID, so that nothing
 * downstream of this processor ever holds a raw child identifier. Never filters: a rejected row still travels to
 * the writer, which counts it, so every row received is accounted for.
 */
public class RowValidationProcessor implements ItemProcessor<SourceRow, ValidatedRow> {

    private final ValidationRuleCatalogue rules;
    private final Pseudonymiser pseudonymiser;

    public RowValidationProcessor(ValidationRuleCatalogue rules, Pseudonymiser pseudonymiser) {
        this.rules = rules;
        this.pseudonymiser = pseudonymiser;
    }

    @Override
    public ValidatedRow process(SourceRow row) {
        List<Finding> findings = new ArrayList<>(row.findings());
        if (row.fileRejected()) {
            return new ValidatedRow(row, null, findings);
        }
        List<ColumnSpecification> columns = row.table().columns();
        List<String> stored = new ArrayList<>(columns.size());
        boolean rejected = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        for (int c = 0; c < columns.size(); c++) {
            ColumnSpecification column = columns.get(c);
            String raw = row.values()[c];
            FieldValidator.Result result = FieldValidator.check(column, raw);
            if (!result.valid()) {
                ValidationRule rule = rules.rule(result.blankButRequired() ? column.requiredRule() : column.rule());
                // A child ID is never echoed into a report: the row number identifies the row to the LA.
                String value = column.type() == ColumnType.CHILD_ID ? null : raw;
                findings.add(new Finding(rule, row.rowNumber(), column.name(), value, result.problem()));
                rejected |= rule.severity() == Severity.ERROR;
            }
            if (column.isStored()) {
                String value = result.valid() ? result.value() : null;
                if (column.type() == ColumnType.CHILD_ID && value != null) {
                    value = pseudonymiser.pseudonym(row.submission().laCode(), value);
                }
                stored.add(value);
            }
        }
        return new ValidatedRow(row, rejected ? null : stored.toArray(String[]::new), findings);
    }
}
