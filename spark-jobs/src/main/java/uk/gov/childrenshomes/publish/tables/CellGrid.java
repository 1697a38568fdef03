package uk.gov.childrenshomes.publish.tables;

import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the aggregated Spark rows of a table into the complete grid of published rows, in publication order: every
 * year of the series x England, each region, each LA of the reporting year (an LA with no units still gets its
 * rows: zeros when it sent a return, unavailable when not) x every combination of filter levels. An aggregated row
 * that does not fit the grid (an unexpected filter level, an unknown area) is an error, never silently dropped,
 * because the Totals would then disagree with their parts.
 */
public final class CellGrid {

    private CellGrid() {
    }

    public static List<Cell> complete(TableDefinition table, ReportingGeography geography, List<Row> aggregated) {
        Map<CellKey, Row> byKey = new HashMap<>();
        for (Row row : aggregated) {
            byKey.put(keyOf(table, row), row);
        }
        List<List<String>> combinations = filterCombinations(table.filters());
        List<Cell> cells = new ArrayList<>();
        for (int year : geography.years()) {
            Map<CellKey, Boolean> areas = new LinkedHashMap<>();
            areas.put(new CellKey(year, GeographicLevel.NATIONAL, GeographicLevel.ENGLAND_CODE, List.of()), true);
            geography.regions().keySet().forEach(region ->
                    areas.put(new CellKey(year, GeographicLevel.REGIONAL, region, List.of()), true));
            geography.localAuthorities().forEach(la -> areas.put(
                    new CellKey(year, GeographicLevel.LOCAL_AUTHORITY, la.code(), List.of()),
                    geography.available(table.returnCode(), year, la.code())));
            areas.forEach((area, available) -> {
                for (List<String> levels : combinations) {
                    CellKey key = new CellKey(year, area.level(), area.areaCode(), levels);
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

    private static CellKey keyOf(TableDefinition table, Row row) {
        List<String> levels = table.filterColumns().stream().map(f -> row.<String>getAs(f)).toList();
        return new CellKey(row.<Integer>getAs(Aggregation.TIME_PERIOD),
                GeographicLevel.fromLabel(row.getAs(Aggregation.LEVEL)), row.getAs(Aggregation.AREA), levels);
    }

    private static Cell cellOf(TableDefinition table, CellKey key, boolean available, Row row) {
        Map<String, Long> counts = new HashMap<>();
        Map<String, Double> medians = new HashMap<>();
        Map<String, Long> bases = new HashMap<>();
        for (Indicator count : table.counts()) {
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
