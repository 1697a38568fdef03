package uk.gov.childrenshomes.jobs.validation;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One column of a return table, as the specification for the collection year declares it.
 *
 * @param name          column name as the specification writes it (header matching ignores case and spaces)
 * @param aliases       other names the same column is known by in the wild (e.g. ONSPD {@code pcd} for {@code pcds})
 * @param xmlName       element name in an XML export where it differs ({@code CHILDID} for {@code CHILD})
 * @param landingColumn column of the landing table, or null for a value that is validated but never stored (UPN)
 * @param rule          rule code raised when the value is not valid
 * @param requiredRule  rule code raised when a required value is blank (defaults to {@code rule})
 * @param excelSerial   a date may also come as Excel's day number (a workbook cell not formatted as a date)
 * @param blankMarkers  values the source writes for "nothing" (Ofsted's "-"), read as blank
 */
public record ColumnSpecification(String name, List<String> aliases, String xmlName, String landingColumn, ColumnType type,
                                  boolean required, Set<String> codes, Pattern pattern, Integer maxLength, Long min, Long max,
                                  String rule, String requiredRule, boolean excelSerial, Set<String> blankMarkers) {

    public boolean isStored() {
        return landingColumn != null;
    }

    /** Every name a header cell may use for this column. */
    public List<String> names() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(name), aliases.stream()).toList();
    }
}
