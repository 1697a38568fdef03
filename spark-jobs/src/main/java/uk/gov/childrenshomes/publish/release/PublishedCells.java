package uk.gov.childrenshomes.publish.release;

import uk.gov.childrenshomes.publish.ees.EesTable;
import uk.gov.childrenshomes.publish.tables.Filter;
import uk.gov.childrenshomes.publish.tables.GeographicLevel;
import uk.gov.childrenshomes.publish.tables.TableDefinition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The published cells of a release's reporting year: a value by table, geography and filter levels (others Total). */
record PublishedCells(Map<String, EesTable> tables, int year) {

    PublishedCells(List<EesTable> tables, int year) {
        this(byName(tables), year);
    }

    private static Map<String, EesTable> byName(List<EesTable> tables) {
        Map<String, EesTable> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        return byName;
    }

    /** The cell, or x when the table or row is not in the release. */
    String value(TableDefinition definition, String level, String regionCode, Map<String, String> levels,
                 String indicator) {
        EesTable table = tables.get(definition.name());
        if (table == null) {
            return "x";
        }
        return rows(table, level).filter(row -> regionCode == null
                        || regionCode.equals(row.get(table.columnIndex(EesTable.REGION_CODE))))
                .filter(row -> table.filterColumns().stream().allMatch(filter ->
                        row.get(table.columnIndex(filter)).equals(levels.getOrDefault(filter, Filter.TOTAL))))
                .map(row -> row.get(table.columnIndex(indicator))).findFirst().orElse("x");
    }

    /** The England value of a table's all-Total row but for the given levels. */
    String national(TableDefinition definition, Map<String, String> levels, String indicator) {
        return value(definition, GeographicLevel.NATIONAL.label(), null, levels, indicator);
    }

    /** Region code to name, in the order of the table's regional rows. */
    Map<String, String> regionNames(TableDefinition definition) {
        Map<String, String> regions = new LinkedHashMap<>();
        Optional.ofNullable(tables.get(definition.name())).ifPresent(table ->
                rows(table, GeographicLevel.REGIONAL.label()).forEach(row -> regions.put(
                        row.get(table.columnIndex(EesTable.REGION_CODE)),
                        row.get(table.columnIndex(EesTable.REGION_NAME)))));
        return regions;
    }

    private Stream<List<String>> rows(EesTable table, String level) {
        String period = Integer.toString(year);
        return table.rows().stream().filter(row -> row.get(table.columnIndex(EesTable.TIME_PERIOD)).equals(period)
                && row.get(table.columnIndex(EesTable.GEOGRAPHIC_LEVEL)).equals(level));
    }
}
