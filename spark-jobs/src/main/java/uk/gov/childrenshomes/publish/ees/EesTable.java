package uk.gov.childrenshomes.publish.ees;

import uk.gov.childrenshomes.publish.tables.CellKey;
import uk.gov.childrenshomes.publish.tables.Filter;
import uk.gov.childrenshomes.publish.tables.GeographicLevel;
import uk.gov.childrenshomes.publish.tables.Indicator;
import uk.gov.childrenshomes.publish.tables.LocalAuthority;
import uk.gov.childrenshomes.publish.tables.ReportingGeography;
import uk.gov.childrenshomes.publish.tables.TableDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A table exactly as published: EES tidy data (columns and rows of text cells) and its metadata. The checker,
 * the CSV writer, the Parquet writer and the pub loader all read this one form.
 */
public record EesTable(String name, List<String> columns, List<List<String>> rows, List<MetaRow> meta) {

    public static final String TIME_PERIOD = "time_period";
    public static final String TIME_IDENTIFIER = "time_identifier";
    public static final String GEOGRAPHIC_LEVEL = "geographic_level";
    public static final String COUNTRY_CODE = "country_code";
    public static final String COUNTRY_NAME = "country_name";
    public static final String REGION_CODE = "region_code";
    public static final String REGION_NAME = "region_name";
    public static final String NEW_LA_CODE = "new_la_code";
    public static final String LA_NAME = "la_name";
    public static final String OLD_LA_CODE = "old_la_code";
    /** Observational units: time and geography columns, never listed in the metadata. */
    public static final List<String> OBSERVATIONAL = List.of(TIME_PERIOD, TIME_IDENTIFIER, GEOGRAPHIC_LEVEL,
            COUNTRY_CODE, COUNTRY_NAME, REGION_CODE, REGION_NAME, NEW_LA_CODE, LA_NAME, OLD_LA_CODE);
    public static final String REPORTING_YEAR = "Reporting year";

    public EesTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        meta = List.copyOf(meta);
    }

    /** Publishes the disclosure-controlled values of a table's cells, rows in the order of {@code keys}. */
    public static EesTable assemble(TableDefinition table, ReportingGeography geography, List<CellKey> keys,
                                    Map<CellKey, List<String>> values) {
        List<String> columns = new ArrayList<>(OBSERVATIONAL);
        columns.addAll(table.filterColumns());
        table.indicators().forEach(indicator -> columns.add(indicator.column()));
        Map<String, LocalAuthority> las = geography.localAuthorities().stream()
                .collect(Collectors.toMap(LocalAuthority::code, Function.identity()));
        List<List<String>> rows = new ArrayList<>(keys.size());
        for (CellKey key : keys) {
            List<String> row = new ArrayList<>(columns.size());
            row.add(Integer.toString(key.timePeriod()));
            row.add(REPORTING_YEAR);
            row.add(key.level().label());
            row.add(GeographicLevel.ENGLAND_CODE);
            row.add(GeographicLevel.ENGLAND_NAME);
            switch (key.level()) {
                case NATIONAL -> row.addAll(List.of("", "", "", "", ""));
                case REGIONAL -> row.addAll(List.of(key.areaCode(), geography.regions().get(key.areaCode()), "", "", ""));
                case LOCAL_AUTHORITY -> {
                    LocalAuthority la = las.get(key.areaCode());
                    row.addAll(List.of(la.regionCode(), la.regionName(), la.code(), la.name(),
                            la.oldCode() == null ? "" : la.oldCode()));
                }
            }
            row.addAll(key.filterLevels());
            row.addAll(values.get(key));
            rows.add(row);
        }
        List<MetaRow> meta = new ArrayList<>();
        for (Filter filter : table.filters()) {
            meta.add(new MetaRow(filter.column(), MetaRow.FILTER, filter.label(), "", "", "", filter.hint(),
                    filter.groupingColumn()));
        }
        for (Indicator indicator : table.indicators()) {
            meta.add(new MetaRow(indicator.column(), MetaRow.INDICATOR, indicator.label(), "", indicator.unit(),
                    Integer.toString(indicator.dp()), "", ""));
        }
        return new EesTable(table.name(), columns, rows, meta);
    }

    public int columnIndex(String column) {
        return columns.indexOf(column);
    }

    /** Names of the indicator columns, from the metadata. */
    public List<String> indicatorColumns() {
        return meta.stream().filter(m -> MetaRow.INDICATOR.equals(m.colType())).map(MetaRow::colName).toList();
    }

    /** Names of the filter columns, from the metadata. */
    public List<String> filterColumns() {
        return meta.stream().filter(m -> MetaRow.FILTER.equals(m.colType())).map(MetaRow::colName).toList();
    }

    public String dataFileName() {
        return name + ".csv";
    }

    public String metaFileName() {
        return name + ".meta.csv";
    }
}
