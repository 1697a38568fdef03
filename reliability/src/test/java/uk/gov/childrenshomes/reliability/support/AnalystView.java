package uk.gov.childrenshomes.reliability.support;

import uk.gov.childrenshomes.warehouse.WarehouseConnection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What analysts and LA data teams can read of a warehouse, free of the values that depend on load order (surrogate
 * keys, submission ids, load times): every {@code mart} view, each submission's totals and each validation finding.
 * Two warehouses loaded from the same returns, however the loading was spread, must give equal views.
 */
public final class AnalystView {

    /** Columns whose values number rows or moments of loading, not what was loaded. */
    private static final List<String> LOAD_ORDER_COLUMNS = List.of("submission_id", "loaded_at");

    private AnalystView() {
    }

    /** Part name → its rows as text, sorted. */
    public static Map<String, List<String>> of(WarehouseConnection warehouse) {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        for (String view : Sql.strings(warehouse,
                "SELECT table_name FROM information_schema.views WHERE table_schema = 'mart' ORDER BY table_name")) {
            String columns = Sql.strings(warehouse, """
                    SELECT column_name FROM information_schema.columns
                     WHERE table_schema = 'mart' AND table_name = ? ORDER BY ordinal_position""", view).stream()
                    .filter(column -> !column.endsWith("_key") && !LOAD_ORDER_COLUMNS.contains(column))
                    .map(column -> "\"" + column + "\"")
                    .collect(Collectors.joining(", "));
            parts.put("mart." + view, rowsAsText(warehouse, "SELECT " + columns + " FROM mart." + view));
        }
        parts.put("ops.submission totals", rowsAsText(warehouse, """
                SELECT collection_year, la_code, return_code, state, rows_received, rows_loaded, rows_rejected
                  FROM ops.submission"""));
        parts.put("ops.validation_issue", rowsAsText(warehouse, """
                SELECT s.la_code, s.return_code, i.rule_code, i.row_number, i.field_name, i.field_value, i.message
                  FROM ops.validation_issue i JOIN ops.submission s USING (submission_id)"""));
        return parts;
    }

    private static List<String> rowsAsText(WarehouseConnection warehouse, String sql) {
        return Sql.rows(warehouse, sql).stream()
                .map(row -> row.values().stream().map(Objects::toString).collect(Collectors.joining("|")))
                .sorted()
                .toList();
    }
}
