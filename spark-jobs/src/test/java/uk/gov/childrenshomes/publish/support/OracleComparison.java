package uk.gov.childrenshomes.publish.support;

import uk.gov.childrenshomes.publish.tables.Cell;
import uk.gov.childrenshomes.publish.tables.Indicator;
import uk.gov.childrenshomes.publish.tables.TableDefinition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Compares the Spark job's cells of a table with {@link SqlOracle}'s, figure by figure, before rounding and suppression. */
public final class OracleComparison {

    /** Decimal places at which medians are compared (see {@link #median}). */
    private static final int MEDIAN_SCALE = 4;

    private OracleComparison() {
    }

    /** The Spark grid in the oracle's terms: tallies, medians in their unit, median bases. */
    public static Map<String, Map<String, Object>> sparkFigures(TableDefinition table, List<Cell> cells) {
        Map<String, Map<String, Object>> figures = new LinkedHashMap<>();
        for (Cell cell : cells) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Indicator indicator : table.indicators()) {
                switch (indicator.kind()) {
                    case COUNT, SUM -> values.put(indicator.column(), cell.count(indicator.column()));
                    case MEDIAN -> {
                        Double median = cell.medians().get(indicator.column());
                        values.put(indicator.column(), median == null ? null
                                : BigDecimal.valueOf(median).divide(BigDecimal.valueOf(indicator.measurePerUnit()),
                                        MEDIAN_SCALE, RoundingMode.HALF_UP));
                        values.put(indicator.column() + "_basis", cell.medianBases().get(indicator.column()));
                    }
                    case PERCENT -> {
                    }
                }
            }
            String key = cell.key().timePeriod() + "|" + cell.key().level().label() + "|" + cell.key().areaCode()
                    + "|" + String.join("|", cell.key().filterLevels());
            figures.put(key, values);
        }
        return figures;
    }

    /**
     * A median in its indicator's unit, to 4 dp: finer than any published median (1 dp), and coarse enough that a
     * median taken in floating point (1-dp values, their half-way points) rounds as its exact value would.
     */
    public static BigDecimal median(BigDecimal exact) {
        return exact.setScale(MEDIAN_SCALE, RoundingMode.HALF_UP);
    }

    /** One figure of one cell on which the oracle and Spark differ (a null figure: the cell is missing on that side). */
    public record Disagreement(String table, String cell, String figure, Object oracle, Object spark) {
        @Override
        public String toString() {
            return table + " " + cell + " " + figure + ": oracle " + oracle + ", Spark " + spark;
        }
    }

    /**
     * Every disagreement: a figure of an oracle cell that differs in the Spark grid (or the cell is not in it), and a
     * cell of the grid with any figure other than zero that the oracle has no unit for.
     */
    public static List<Disagreement> disagreements(String table, Map<String, Map<String, Object>> oracle,
                                                   Map<String, Map<String, Object>> spark) {
        List<Disagreement> disagreements = new ArrayList<>();
        oracle.forEach((key, expected) -> {
            Map<String, Object> actual = spark.get(key);
            if (actual == null) {
                disagreements.add(new Disagreement(table, key, "(cell)", expected, null));
                return;
            }
            expected.forEach((figure, value) -> {
                if (!Objects.equals(value, actual.get(figure))) {
                    disagreements.add(new Disagreement(table, key, figure, value, actual.get(figure)));
                }
            });
        });
        spark.forEach((key, figures) -> {
            if (!oracle.containsKey(key) && !figures.values().stream().allMatch(v -> v == null || Objects.equals(v, 0L))) {
                disagreements.add(new Disagreement(table, key, "(cell)", null, figures));
            }
        });
        return disagreements;
    }

    /** Fails with how many figures disagree, by table and figure, and the first disagreements in full. */
    public static void assertNone(List<Disagreement> disagreements) {
        if (disagreements.isEmpty()) {
            return;
        }
        Map<String, Long> byFigure = disagreements.stream().collect(Collectors.groupingBy(
                d -> d.table() + " " + d.figure(), TreeMap::new, Collectors.counting()));
        throw new AssertionError(disagreements.size() + " figures disagree " + byFigure + "; the first:\n"
                + disagreements.stream().limit(20).map(Disagreement::toString).collect(Collectors.joining("\n")));
    }
}
