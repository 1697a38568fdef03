package uk.gov.childrenshomes.publish.tables;

import java.util.List;

/**
 * An indicator of a published table. Three kinds, which the disclosure engine treats differently:
 * <ul>
 *   <li>{@link Kind#COUNT}: distinct units (children, incidents) of the unit frame, counted where
 *       {@code sourceColumn} is true (or every unit when it is null);</li>
 *   <li>{@link Kind#PERCENT}: {@code numerator} count of this row over {@code denominator} count of the row with the
 *       {@code denominatorTotals} filters set to Total (the same row when empty), from unrounded figures;</li>
 *   <li>{@link Kind#MEDIAN}: exact median of {@code sourceColumn}, an integer measure in units of 10^-dp, so the
 *       median is computed without floating-point error and rounded half up to {@code dp} places.</li>
 * </ul>
 */
public record Indicator(String column, String label, String unit, int dp, Kind kind, String sourceColumn,
                        String numerator, String denominator, List<String> denominatorTotals) {

    public enum Kind { COUNT, PERCENT, MEDIAN }

    public Indicator {
        denominatorTotals = denominatorTotals == null ? List.of() : List.copyOf(denominatorTotals);
    }

    /** Distinct units where {@code condition} holds (null: every unit). */
    public static Indicator count(String column, String label, String condition) {
        return new Indicator(column, label, "", 0, Kind.COUNT, condition, null, null, List.of());
    }

    /** Percent (1 dp) of {@code numerator} in {@code denominator} taken at the row with {@code denominatorTotals} at Total. */
    public static Indicator percent(String column, String label, String numerator, String denominator,
                                    List<String> denominatorTotals) {
        return new Indicator(column, label, "%", 1, Kind.PERCENT, null, numerator, denominator, denominatorTotals);
    }

    /** Median of an integer measure held in units of 10^-dp. */
    public static Indicator median(String column, String label, String scaledSource, int dp) {
        return new Indicator(column, label, "", dp, Kind.MEDIAN, scaledSource, null, null, List.of());
    }
}
