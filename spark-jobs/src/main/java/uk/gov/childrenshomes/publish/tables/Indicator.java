package uk.gov.childrenshomes.publish.tables;

import java.util.List;

/**
 * An indicator of a published table. Four kinds, which the aggregation and the disclosure engine treat differently:
 * <ul>
 *   <li>{@link Kind#COUNT}: distinct values of {@code measure} (the table's unit when null: children, incidents;
 *       the unit frame has one row per unit, so those are counted as rows) over the units where {@code condition}
 *       is true (every unit when null);</li>
 *   <li>{@link Kind#SUM}: sum of the integer {@code measure} over the units where {@code condition} is true;</li>
 *   <li>{@link Kind#PERCENT}: {@code numerator} count of this row over {@code denominator} count of the row with the
 *       {@code denominatorTotals} filters set to Total (the same row when empty), from unrounded figures;</li>
 *   <li>{@link Kind#MEDIAN}: exact median of {@code measure}, an integer measure of which {@code measurePerUnit}
 *       make one unit of the indicator (10^dp for a measure in units of 10^-dp; 3600 for hours measured in
 *       seconds), so the median is computed without floating-point error, and rounding happens once: the median,
 *       divided exactly, is rounded half up to {@code dp} places.</li>
 * </ul>
 * A count or sum is {@code disclosive} when it counts children or what happened to them (placements, incidents):
 * those are suppressed and rounded by the disclosure policy. Counts of homes, places and councils describe public
 * registers and administrations, not children, and are published exactly.
 */
public record Indicator(String column, String label, String unit, int dp, Kind kind, String condition, String measure,
                        boolean disclosive, String numerator, String denominator, List<String> denominatorTotals,
                        long measurePerUnit) {

    public enum Kind { COUNT, SUM, PERCENT, MEDIAN }

    public Indicator {
        denominatorTotals = denominatorTotals == null ? List.of() : List.copyOf(denominatorTotals);
    }

    /** Distinct units where {@code condition} holds (null: every unit): a disclosive count. */
    public static Indicator count(String column, String label, String condition) {
        return countOf(column, label, condition, null);
    }

    /** Distinct values of {@code measure} (e.g. children among incidents) where {@code condition} holds: disclosive. */
    public static Indicator countOf(String column, String label, String condition, String measure) {
        return new Indicator(column, label, "", 0, Kind.COUNT, condition, measure, true, null, null, List.of(), 1);
    }

    /** Distinct values of {@code measure} (homes, councils) where {@code condition} holds, published exactly. */
    public static Indicator publicCountOf(String column, String label, String condition, String measure) {
        return new Indicator(column, label, "", 0, Kind.COUNT, condition, measure, false, null, null, List.of(), 1);
    }

    /** Sum of an integer {@code measure} (places) where {@code condition} holds, published exactly. */
    public static Indicator publicSum(String column, String label, String condition, String measure) {
        return new Indicator(column, label, "", 0, Kind.SUM, condition, measure, false, null, null, List.of(), 1);
    }

    /** Percent (1 dp) of {@code numerator} in {@code denominator} taken at the row with {@code denominatorTotals} at Total. */
    public static Indicator percent(String column, String label, String numerator, String denominator,
                                    List<String> denominatorTotals) {
        return new Indicator(column, label, "%", 1, Kind.PERCENT, null, null, false, numerator, denominator,
                denominatorTotals, 1);
    }

    /** Median of an integer measure held in units of 10^-dp. */
    public static Indicator median(String column, String label, String scaledMeasure, int dp) {
        return median(column, label, scaledMeasure, (long) Math.pow(10, dp), dp);
    }

    /** Median of an integer measure of which {@code measurePerUnit} make one unit of the indicator (seconds per hour). */
    public static Indicator median(String column, String label, String measure, long measurePerUnit, int dp) {
        return new Indicator(column, label, "", dp, Kind.MEDIAN, null, measure, false, null, null, List.of(),
                measurePerUnit);
    }

    /** Whether the cell holds a whole number aggregated from units (a count or a sum). */
    public boolean isTally() {
        return kind == Kind.COUNT || kind == Kind.SUM;
    }
}
