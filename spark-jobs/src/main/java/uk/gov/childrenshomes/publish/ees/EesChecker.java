package uk.gov.childrenshomes.publish.ees;

import uk.gov.childrenshomes.publish.disclosure.Symbols;
import uk.gov.childrenshomes.publish.tables.Filter;
import uk.gov.childrenshomes.publish.tables.GeographicLevel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The EES open-data checks a release must pass before it is written (the rules of DfE's screener that apply to a
 * tidy CSV pair). Each check is named; every failure names its table, check and what to fix. The release is
 * refused when any check fails.
 */
public final class EesChecker {

    /** One failed check. */
    public record Failure(String table, String check, String message) {
        @Override
        public String toString() {
            return table + ": [" + check + "] " + message;
        }
    }

    /** A rule over one table, adding a problem for each thing that breaks it. */
    interface Rule {
        void check(EesTable table, DfeGeography geography, List<String> problems);
    }

    /** A named rule. */
    record Check(String name, Rule rule) {
    }

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern FOUR_DIGIT_YEAR = Pattern.compile("(19|20)\\d{2}");
    /** Symbols of older DfE files that EES no longer accepts. */
    private static final Set<String> LEGACY_SYMBOLS = Set.of(":", "..", ".", "-", "~", "*", "!", "#", "N/A", "NA", "n/a", "x*");
    private static final Set<String> UNITS = Set.of("", "%", "£", "£m", "pp");
    private static final Set<String> TIME_IDENTIFIERS = Set.of(EesTable.REPORTING_YEAR);
    /** Limits of the EES API on names and values. */
    static final int MAX_COLUMN_NAME = 50;
    static final int MAX_LABEL = 80;
    static final int MAX_FILTER_ITEM = 120;

    private final DfeGeography geography;
    private final List<Check> checks;

    EesChecker(DfeGeography geography, List<Check> checks) {
        this.geography = geography;
        this.checks = List.copyOf(checks);
    }

    /** Every check of the product. */
    public static EesChecker standard(DfeGeography geography) {
        return new EesChecker(geography, List.of(
                check("required_columns", EesChecker::requiredColumns),
                check("metadata", EesChecker::metadata),
                check("geography", EesChecker::geography),
                check("time", EesChecker::time),
                check("total_levels", EesChecker::totalLevels),
                check("symbols", EesChecker::symbols),
                check("duplicates", EesChecker::duplicates),
                check("snake_case", EesChecker::snakeCase),
                check("character_limits", EesChecker::characterLimits)));
    }

    public List<Failure> check(List<EesTable> tables) {
        List<Failure> failures = new ArrayList<>();
        for (EesTable table : tables) {
            for (Check check : checks) {
                List<String> problems = new ArrayList<>();
                check.rule().check(table, geography, problems);
                problems.forEach(problem -> failures.add(new Failure(table.name(), check.name(), problem)));
            }
        }
        return failures;
    }

    private static Check check(String name, Rule rule) {
        return new Check(name, rule);
    }

    private static String cell(EesTable table, List<String> row, String column) {
        int index = table.columnIndex(column);
        return index < 0 || index >= row.size() ? "" : row.get(index);
    }

    static void requiredColumns(EesTable table, DfeGeography geography, List<String> problems) {
        List<String> always = List.of(EesTable.TIME_PERIOD, EesTable.TIME_IDENTIFIER, EesTable.GEOGRAPHIC_LEVEL,
                EesTable.COUNTRY_CODE, EesTable.COUNTRY_NAME);
        Map<String, List<String>> byLevel = Map.of(
                GeographicLevel.NATIONAL.label(), always,
                GeographicLevel.REGIONAL.label(), concat(always, EesTable.REGION_CODE, EesTable.REGION_NAME),
                GeographicLevel.LOCAL_AUTHORITY.label(), concat(always, EesTable.REGION_CODE, EesTable.REGION_NAME,
                        EesTable.NEW_LA_CODE, EesTable.LA_NAME, EesTable.OLD_LA_CODE));
        always.stream().filter(c -> !table.columns().contains(c)).forEach(c -> problems.add("missing column " + c));
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < table.rows().size(); i++) {
            List<String> row = table.rows().get(i);
            if (row.size() != table.columns().size()) {
                problems.add("row " + (i + 1) + " has " + row.size() + " cells for " + table.columns().size() + " columns");
                continue;
            }
            for (String column : byLevel.getOrDefault(cell(table, row, EesTable.GEOGRAPHIC_LEVEL), always)) {
                if (!table.columns().contains(column)) {
                    if (reported.add(column)) {
                        problems.add("missing column " + column + " needed by " + cell(table, row, EesTable.GEOGRAPHIC_LEVEL) + " rows");
                    }
                } else if (cell(table, row, column).isBlank() && reported.add(column + i)) {
                    problems.add("row " + (i + 1) + ": blank " + column);
                }
            }
        }
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(Arrays.asList(more));
        return all;
    }

    static void metadata(EesTable table, DfeGeography geography, List<String> problems) {
        Map<String, Integer> described = new HashMap<>();
        table.meta().forEach(m -> described.merge(m.colName(), 1, Integer::sum));
        described.forEach((column, times) -> {
            if (times > 1) {
                problems.add("metadata lists " + column + " " + times + " times");
            }
            if (!table.columns().contains(column)) {
                problems.add("metadata lists " + column + ", which is not a column of the data file");
            }
            if (EesTable.OBSERVATIONAL.contains(column)) {
                problems.add("metadata lists the observational unit " + column);
            }
        });
        table.columns().stream().filter(c -> !EesTable.OBSERVATIONAL.contains(c) && !described.containsKey(c))
                .forEach(c -> problems.add("column " + c + " has no metadata row"));
        if (table.indicatorColumns().isEmpty()) {
            problems.add("no indicator column");
        }
        for (MetaRow m : table.meta()) {
            if (m.label().isBlank()) {
                problems.add(m.colName() + ": blank label");
            }
            if (MetaRow.INDICATOR.equals(m.colType())) {
                if (!m.indicatorDp().matches("\\d+")) {
                    problems.add(m.colName() + ": indicator_dp must be a whole number, is '" + m.indicatorDp() + "'");
                }
                if (!UNITS.contains(m.indicatorUnit())) {
                    problems.add(m.colName() + ": indicator_unit '" + m.indicatorUnit() + "' is not one EES accepts");
                }
                if (!m.filterHint().isEmpty() || !m.filterGroupingColumn().isEmpty()) {
                    problems.add(m.colName() + ": an indicator has no filter_hint or filter_grouping_column");
                }
            } else if (MetaRow.FILTER.equals(m.colType())) {
                if (!m.indicatorGrouping().isEmpty() || !m.indicatorUnit().isEmpty() || !m.indicatorDp().isEmpty()) {
                    problems.add(m.colName() + ": a filter has no indicator_grouping, indicator_unit or indicator_dp");
                }
                if (!m.filterGroupingColumn().isEmpty() && !table.filterColumns().contains(m.filterGroupingColumn())) {
                    problems.add(m.colName() + ": filter_grouping_column " + m.filterGroupingColumn() + " is not a filter");
                }
            } else {
                problems.add(m.colName() + ": col_type must be Filter or Indicator, is '" + m.colType() + "'");
            }
        }
    }

    static void geography(EesTable table, DfeGeography geography, List<String> problems) {
        Set<String> reported = new HashSet<>();
        for (List<String> row : table.rows()) {
            String level = cell(table, row, EesTable.GEOGRAPHIC_LEVEL);
            String country = cell(table, row, EesTable.COUNTRY_CODE);
            if (!GeographicLevel.ENGLAND_NAME.equals(geography.countryName(country))
                    || !cell(table, row, EesTable.COUNTRY_NAME).equals(geography.countryName(country))) {
                report(problems, reported, "country " + country + " / " + cell(table, row, EesTable.COUNTRY_NAME)
                        + " is not England (E92000001) in DfE's lookup");
            }
            if (level.equals(GeographicLevel.REGIONAL.label()) || level.equals(GeographicLevel.LOCAL_AUTHORITY.label())) {
                String region = cell(table, row, EesTable.REGION_CODE);
                if (!cell(table, row, EesTable.REGION_NAME).equals(geography.regionName(region))) {
                    report(problems, reported, "region " + region + " / " + cell(table, row, EesTable.REGION_NAME)
                            + " does not match DfE's regions.csv");
                }
            }
            if (level.equals(GeographicLevel.LOCAL_AUTHORITY.label())) {
                String code = cell(table, row, EesTable.NEW_LA_CODE);
                DfeGeography.La la = geography.la(code);
                if (la == null) {
                    report(problems, reported, "LA " + code + " is not in DfE's las.csv");
                } else if (!la.name().equals(cell(table, row, EesTable.LA_NAME))
                        || !la.oldCode().equals(cell(table, row, EesTable.OLD_LA_CODE))
                        || !la.regionCode().equals(cell(table, row, EesTable.REGION_CODE))) {
                    report(problems, reported, "LA " + code + " published as " + cell(table, row, EesTable.LA_NAME)
                            + " (" + cell(table, row, EesTable.OLD_LA_CODE) + ") in " + cell(table, row, EesTable.REGION_CODE)
                            + "; DfE's las.csv has " + la.name() + " (" + la.oldCode() + ") in " + la.regionCode());
                }
            } else if (level.equals(GeographicLevel.NATIONAL.label()) || level.equals(GeographicLevel.REGIONAL.label())) {
                for (String column : level.equals(GeographicLevel.NATIONAL.label())
                        ? List.of(EesTable.REGION_CODE, EesTable.REGION_NAME, EesTable.NEW_LA_CODE, EesTable.LA_NAME, EesTable.OLD_LA_CODE)
                        : List.of(EesTable.NEW_LA_CODE, EesTable.LA_NAME, EesTable.OLD_LA_CODE)) {
                    if (!cell(table, row, column).isEmpty()) {
                        report(problems, reported, level + " row with a " + column);
                    }
                }
            } else {
                report(problems, reported, "geographic_level '" + level + "' is not National, Regional or Local authority");
            }
        }
    }

    private static void report(List<String> problems, Set<String> reported, String problem) {
        if (reported.add(problem)) {
            problems.add(problem);
        }
    }

    static void time(EesTable table, DfeGeography geography, List<String> problems) {
        Set<String> reported = new HashSet<>();
        for (List<String> row : table.rows()) {
            String identifier = cell(table, row, EesTable.TIME_IDENTIFIER);
            if (!TIME_IDENTIFIERS.contains(identifier)) {
                report(problems, reported, "time_identifier '" + identifier + "' is not Reporting year");
            }
            String period = cell(table, row, EesTable.TIME_PERIOD);
            if (!FOUR_DIGIT_YEAR.matcher(period).matches()) {
                report(problems, reported, "time_period '" + period + "' is not a 4-digit year, as Reporting year needs");
            }
        }
    }

    static void totalLevels(EesTable table, DfeGeography geography, List<String> problems) {
        for (String filter : table.filterColumns()) {
            int index = table.columnIndex(filter);
            if (index >= 0 && table.rows().stream().noneMatch(r -> Filter.TOTAL.equals(r.get(index)))) {
                problems.add("filter " + filter + " has no Total level");
            }
        }
    }

    static void symbols(EesTable table, DfeGeography geography, List<String> problems) {
        Set<String> reported = new HashSet<>();
        for (String indicator : table.indicatorColumns()) {
            int index = table.columnIndex(indicator);
            if (index < 0) {
                continue;
            }
            for (List<String> row : table.rows()) {
                String value = row.get(index);
                if (value.isBlank()) {
                    report(problems, reported, indicator + ": blank indicator cell (use c, z, x, k, low or u)");
                } else if (LEGACY_SYMBOLS.contains(value)) {
                    report(problems, reported, indicator + ": legacy symbol '" + value + "'");
                } else if (!NUMBER.matcher(value).matches() && !Symbols.ACCEPTED.contains(value)) {
                    report(problems, reported, indicator + ": '" + value + "' is neither a number nor an EES symbol");
                }
            }
        }
    }

    static void duplicates(EesTable table, DfeGeography geography, List<String> problems) {
        Set<String> indicators = new HashSet<>(table.indicatorColumns());
        List<Integer> keyColumns = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            if (!indicators.contains(table.columns().get(i))) {
                keyColumns.add(i);
            }
        }
        Set<List<String>> seen = new HashSet<>();
        for (List<String> row : table.rows()) {
            List<String> key = keyColumns.stream().map(i -> i < row.size() ? row.get(i) : "").toList();
            if (!seen.add(key)) {
                problems.add("duplicate row for " + key);
            }
        }
    }

    static void snakeCase(EesTable table, DfeGeography geography, List<String> problems) {
        table.columns().stream().filter(c -> !SNAKE_CASE.matcher(c).matches())
                .forEach(c -> problems.add("column name '" + c + "' is not snake_case"));
    }

    static void characterLimits(EesTable table, DfeGeography geography, List<String> problems) {
        table.columns().stream().filter(c -> c.length() > MAX_COLUMN_NAME)
                .forEach(c -> problems.add("column name " + c + " is over " + MAX_COLUMN_NAME + " characters"));
        table.meta().stream().filter(m -> m.label().length() > MAX_LABEL)
                .forEach(m -> problems.add("label of " + m.colName() + " is over " + MAX_LABEL + " characters"));
        Set<String> reported = new HashSet<>();
        for (String filter : table.filterColumns()) {
            int index = table.columnIndex(filter);
            if (index < 0) {
                continue;
            }
            table.rows().stream().map(r -> r.get(index)).filter(v -> v.length() > MAX_FILTER_ITEM)
                    .forEach(v -> report(problems, reported, filter + " level '" + v + "' is over " + MAX_FILTER_ITEM + " characters"));
        }
    }
}
