package uk.gov.childrenshomes.reliability.support;

import uk.gov.childrenshomes.warehouse.WarehouseConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the warehouse the product wrote, as the account that owns it (what an auditor would look at). */
public final class Sql {

    private Sql() {
    }

    public static List<Map<String, Object>> rows(WarehouseConnection warehouse, String sql, Object... parameters) {
        try (Connection connection = warehouse.open(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= columns; c++) {
                        row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public static long number(WarehouseConnection warehouse, String sql, Object... parameters) {
        Object value = rows(warehouse, sql, parameters).get(0).values().iterator().next();
        return value == null ? 0 : ((Number) value).longValue();
    }

    public static List<String> strings(WarehouseConnection warehouse, String sql, Object... parameters) {
        return rows(warehouse, sql, parameters).stream().map(row -> String.valueOf(row.values().iterator().next())).toList();
    }
}
