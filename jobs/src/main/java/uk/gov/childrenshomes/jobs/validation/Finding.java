package uk.gov.childrenshomes.jobs.validation;

/**
 * A rule broken by a row (or a file, when {@code rowNumber} is null).
 *
 * @param value  the offending value, never a whole record; truncated when stored
 * @param detail what exactly is wrong with the value, appended to the rule's message
 */
public record Finding(ValidationRule rule, Long rowNumber, String field, String value, String detail) {

    private static final int VALUE_LIMIT = 60;

    public Severity severity() {
        return rule.severity();
    }

    public String message() {
        return detail == null ? rule.message() : rule.message() + " (" + detail + ")";
    }

    public String truncatedValue() {
        return value == null || value.length() <= VALUE_LIMIT ? value : value.substring(0, VALUE_LIMIT) + "...";
    }
}
