package uk.gov.childrenshomes.jobs.validation;

/**
 * A rule broken by a row (or a file, when {@code rowNumber} is null).
 *
 * @param field  the column or element concerned, as the file names it
 * @param value  the offending value, never a whole record; truncated when stored
 * @param detail what exactly is wrong with the value, appended to the rule's message
 */
public record Finding(ValidationRule rule, Long rowNumber, String field, String value, String detail) {

    private static final int VALUE_LIMIT = 60;
    /** Shown where a file had a NUL character: PostgreSQL cannot store U+0000 in text, and a finding must be stored. */
    public static final char NUL_REPLACEMENT = '\uFFFD';

    /** Everything a finding repeats from the file is made storable here, the one way into the warehouse. */
    public Finding {
        field = storable(field);
        value = storable(value);
        detail = storable(detail);
    }

    public Severity severity() {
        return rule.severity();
    }

    public String message() {
        return detail == null ? rule.message() : rule.message() + " (" + detail + ")";
    }

    public String truncatedValue() {
        return value == null || value.length() <= VALUE_LIMIT ? value : value.substring(0, VALUE_LIMIT) + "...";
    }

    private static String storable(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', NUL_REPLACEMENT);
    }
}
