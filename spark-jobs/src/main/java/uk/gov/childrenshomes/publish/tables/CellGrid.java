package uk.gov.childrenshomes.publish.tables;

import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the aggregated Spark rows of a table into the grid of published rows, in publication order: every year of
 * the series x England, each region, each LA of the reporting year (an LA with no units still gets its rows: zeros
 * when it sent a return, unavailable when not) x the combinations of filter levels: all of them for a
 * {@link TableDefinition.Grid#COMPLETE} grid; for an {@link TableDefinition.Grid#OBSERVED} grid the all-Total row
 * and the combinations that occur in the area, Total first then by level. In a complete grid, an aggregated row
 * that does not fit (an unexpected filter level, an unknown area) is an error, never silently dropped, because the
 * Totals would then disagree with their parts.
 */
public final class CellGrid {

    /** Total before any other level, then levels in text order: the order of an observed grid. */
    private static final Comparator<String> LEVEL_ORDER = Comparator
            .comparing((String level) -> !Filter.TOTAL.equals(level)).thenComparing(Comparator.naturalOrder());

    private CellGrid() {
    }

    public static List<Cell> complete(TableDefinition table, ReportingGeography geography, List<Row> aggregated) {
        Map<CellKey, Row> byKey = new HashMap<>();
        for (Row row : aggregated) {
            byKey.put(keyOf(table, row), row);
        }
        List<List<String>> combinations = filterCombinations(table.filters());
        Map<CellKey, TreeSet<List<String>>> observed = observedCombinations(byKey.keySet(), combinations.get(0));
        List<Cell> cells = new ArrayList<>();
        for (int year : geography.years()) {
            boolean nationalFigures = geography.availableNationally(table.returnCode(), year);
            Map<CellKey, Boolean> areas = new LinkedHashMap<>();
            areas.put(new CellKey(year, GeographicLevel.NATIONAL, GeographicLevel.ENGLAND_CODE, List.of()), nationalFigures);
            geography.regions().keySet().forEach(region ->
                    areas.put(new CellKey(year, GeographicLevel.REGIONAL, region, List.of()), nationalFigures));
            geography.localAuthorities().forEach(la -> areas.put(
                    new CellKey(year, GeographicLevel.LOCAL_AUTHORITY, la.code(), List.of()),
                    geography.available(table.returnCode(), year, la.code())));
            areas.forEach((area, available) -> {
                List<List<String>> levels = table.grid() == TableDefinition.Grid.COMPLETE ? combinations
                        : observed.containsKey(area) ? List.copyOf(observed.get(area)) : List.of(combinations.get(0));
                for (List<String> combination : levels) {
                    CellKey key = new CellKey(year, area.level(), area.areaCode(), combination);
                    cells.add(cellOf(table, key, available, byKey.remove(key)));
                }
            });
        }
        if (!byKey.isEmpty()) {
            throw new IllegalStateException(table.name() + ": aggregated rows outside the published grid: "
                    + byKey.keySet().stream().limit(10).toList());
        }
        return cells;
    }

    /** Per area (a key without filter levels): the all-Total combination and those aggregated, in publication order. */
    private static Map<CellKey, TreeSet<List<String>>> observedCombinations(Set<CellKey> aggregated, List<String> allTotal) {
        Map<CellKey, TreeSet<List<String>>> byArea = new HashMap<>();
        for (CellKey key : aggregated) {
            byArea.computeIfAbsent(new CellKey(key.timePeriod(), key.level(), key.areaCode(), List.of()), area -> {
                TreeSet<List<String>> levels = new TreeSet<>(CellGrid::compareLevels);
                levels.add(allTotal);
                return levels;
            }).add(key.filterLevels());
        }
        return byArea;
    }

    private static int compareLevels(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int order = LEVEL_ORDER.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static CellKey keyOf(TableDefinition table, Row row) {
        List<String> levels = table.filterColumns().stream().map(f -> row.<String>getAs(f)).toList();
        return new CellKey(row.<Integer>getAs(Aggregation.TIME_PERIOD),
                GeographicLevel.fromLabel(row.getAs(Aggregation.LEVEL)), row.getAs(Aggregation.AREA), levels);
    }

    private static Cell cellOf(TableDefinition table, CellKey key, boolean available, Row row) {
        Map<String, Long> counts = new HashMap<>();
        Map<String, Double> medians = new HashMap<>();
        Map<String, Long> bases = new HashMap<>();
        for (Indicator count : table.tallies()) {
            counts.put(count.column(), row == null ? 0L : row.<Long>getAs(count.column()));
        }
        for (Indicator median : table.medians()) {
            medians.put(median.column(), row == null ? null : row.<Double>getAs(median.column()));
            bases.put(median.column(), row == null ? 0L : row.<Long>getAs(median.column() + Aggregation.BASIS_SUFFIX));
        }
        return new Cell(key, available, counts, medians, bases);
    }

    /** Every combination of filter levels (Total first in each filter), in publication order. */
    static List<List<String>> filterCombinations(List<Filter> filters) {
        List<List<String>> combinations = new ArrayList<>();
        combinations.add(List.of());
        for (Filter filter : filters) {
            List<List<String>> extended = new ArrayList<>();
            for (List<String> prefix : combinations) {
                for (String level : filter.levelsWithTotal()) {
                    List<String> next = new ArrayList<>(prefix);
                    next.add(level);
                    extended.add(next);
                }
            }
            combinations = extended;
        }
        return combinations;
    }
}
