package uk.gov.childrenshomes.publish.ees;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A valid table passes; breaking one rule makes exactly that check fail. */
class EesCheckerTest {

    private static final DfeGeography DFE = DfeGeography.fromClasspath();
    private static final EesChecker CHECKER = EesChecker.standard(DFE);
    private static final List<String> COLUMNS = List.of("time_period", "time_identifier", "geographic_level",
            "country_code", "country_name", "region_code", "region_name", "new_la_code", "la_name", "old_la_code",
            "placement_group", "children");

    private static List<List<String>> validRows() {
        List<List<String>> rows = new ArrayList<>();
        for (String group : List.of("Total", "Foster care")) {
            rows.add(List.of("2025", "Reporting year", "National", "E92000001", "England", "", "", "", "", "", group, "80"));
            rows.add(List.of("2025", "Reporting year", "Regional", "E92000001", "England", "E12000001", "North East", "", "", "", group, "40"));
            rows.add(List.of("2025", "Reporting year", "Local authority", "E92000001", "England", "E12000001", "North East",
                    "E06000001", "Hartlepool", "805", group, group.equals("Total") ? "c" : "12"));
        }
        return rows;
    }

    private static List<MetaRow> validMeta() {
        return List.of(new MetaRow("placement_group", "Filter", "Placement group", "", "", "", "", ""),
                new MetaRow("children", "Indicator", "Children", "", "", "0", "", ""));
    }

    private static EesTable table(List<String> columns, List<List<String>> rows, List<MetaRow> meta) {
        return new EesTable("placement_location", columns, rows, meta);
    }

    private static EesTable withCell(int row, String column, String value) {
        List<List<String>> rows = new ArrayList<>(validRows().stream().map(ArrayList::new).toList());
        rows.get(row).set(COLUMNS.indexOf(column), value);
        return table(COLUMNS, rows, validMeta());
    }

    private static List<String> failedChecks(EesTable table) {
        return CHECKER.check(List.of(table)).stream().map(EesChecker.Failure::check).distinct().toList();
    }

    @Test
    void aValidTablePasses() {
        assertEquals(List.of(), CHECKER.check(List.of(table(COLUMNS, validRows(), validMeta()))));
    }

    @Test
    void requiredColumns() {
        List<String> columns = new ArrayList<>(COLUMNS);
        int index = columns.indexOf("country_name");
        columns.remove(index);
        List<List<String>> rows = validRows().stream().map(r -> {
            List<String> copy = new ArrayList<>(r);
            copy.remove(index);
            return (List<String>) copy;
        }).toList();
        assertTrue(failedChecks(table(columns, rows, validMeta())).contains("required_columns"));
        assertEquals(List.of("required_columns"), failedChecks(withCell(2, "old_la_code", "")).stream()
                .filter(c -> c.equals("required_columns")).toList(), "an LA row needs old_la_code");
    }

    @Test
    void metadata() {
        assertEquals(List.of("metadata"), failedChecks(table(COLUMNS, validRows(), List.of(validMeta().get(1)))),
                "a filter without a metadata row");
        assertEquals(List.of("metadata"), failedChecks(table(COLUMNS, validRows(), List.of(validMeta().get(0),
                new MetaRow("children", "Indicator", "Children", "", "people", "0", "", "")))), "unknown unit");
        assertEquals(List.of("metadata"), failedChecks(table(COLUMNS, validRows(), List.of(validMeta().get(0),
                new MetaRow("children", "Indicator", "Children", "", "", "", "", "")))), "indicator without dp");
    }

    @Test
    void geography() {
        assertEquals(List.of("geography"), failedChecks(withCell(2, "la_name", "Hartlepol")));
        assertEquals(List.of("geography"), failedChecks(withCell(2, "region_code", "E12000002")
                .rows().isEmpty() ? null : withRegion(2, "E12000002", "North West")), "LA in the wrong region");
        assertEquals(List.of("geography"), failedChecks(withCell(1, "region_name", "North-East")));
        assertEquals(List.of("geography"), failedChecks(withCell(0, "country_code", "K02000001")));
    }

    private static EesTable withRegion(int row, String code, String name) {
        List<List<String>> rows = new ArrayList<>(validRows().stream().map(ArrayList::new).toList());
        rows.get(row).set(COLUMNS.indexOf("region_code"), code);
        rows.get(row).set(COLUMNS.indexOf("region_name"), name);
        return table(COLUMNS, rows, validMeta());
    }

    @Test
    void time() {
        assertEquals(List.of("time"), failedChecks(withCell(0, "time_identifier", "Academic year")));
        assertEquals(List.of("time"), failedChecks(withCell(0, "time_period", "202425")));
    }

    @Test
    void totalLevels() {
        List<List<String>> rows = validRows().stream().filter(r -> !r.get(10).equals("Total")).toList();
        assertEquals(List.of("total_levels"), failedChecks(table(COLUMNS, rows, validMeta())));
    }

    @Test
    void symbols() {
        assertEquals(List.of("symbols"), failedChecks(withCell(0, "children", "")), "blank");
        assertEquals(List.of("symbols"), failedChecks(withCell(0, "children", ":")), "legacy");
        assertEquals(List.of("symbols"), failedChecks(withCell(0, "children", "n/k")), "unknown symbol");
    }

    @Test
    void duplicates() {
        List<List<String>> rows = new ArrayList<>(validRows());
        List<String> again = new ArrayList<>(rows.get(0));
        again.set(11, "90");
        rows.add(again);
        assertEquals(List.of("duplicates"), failedChecks(table(COLUMNS, rows, validMeta())));
    }

    @Test
    void snakeCase() {
        UnaryOperator<String> rename = c -> c.equals("children") ? "Children" : c;
        List<String> columns = COLUMNS.stream().map(rename).toList();
        List<MetaRow> meta = List.of(validMeta().get(0), new MetaRow("Children", "Indicator", "Children", "", "", "0", "", ""));
        assertEquals(List.of("snake_case"), failedChecks(table(columns, validRows(), meta)));
    }

    @Test
    void characterLimits() {
        String longName = "children_" + "a".repeat(EesChecker.MAX_COLUMN_NAME);
        List<String> columns = COLUMNS.stream().map(c -> c.equals("children") ? longName : c).toList();
        List<MetaRow> meta = List.of(validMeta().get(0), new MetaRow(longName, "Indicator", "Children", "", "", "0", "", ""));
        assertEquals(List.of("character_limits"), failedChecks(table(columns, validRows(), meta)));
        assertEquals(List.of("character_limits"), failedChecks(withCell(1, "placement_group",
                "Foster care" + " ".repeat(EesChecker.MAX_FILTER_ITEM)).rows().isEmpty() ? null
                : longLevel()), "a filter level over the limit");
    }

    private static EesTable longLevel() {
        String level = "F" + "o".repeat(EesChecker.MAX_FILTER_ITEM);
        List<List<String>> rows = validRows().stream().map(r -> {
            List<String> copy = new ArrayList<>(r);
            if (copy.get(10).equals("Foster care")) {
                copy.set(10, level);
            }
            return (List<String>) copy;
        }).toList();
        return table(COLUMNS, rows, validMeta());
    }
}
