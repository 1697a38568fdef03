package uk.gov.childrenshomes.warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(WarehouseExtension.class)
class WarehouseMigrationTest {

    @Test
    void buildsEveryLayerFromEmpty(WarehouseConnection warehouse) throws SQLException {
        List<String> schemas = strings(warehouse, """
                SELECT nspname FROM pg_namespace
                 WHERE nspname IN ('landing','core','mart','pub','ops','batch') ORDER BY nspname""");
        assertEquals(List.of("batch", "core", "landing", "mart", "ops", "pub"), schemas);
    }

    @Test
    void loadsDfeGeographyWithTheLasOperatingEachYear(WarehouseConnection warehouse) throws SQLException {
        assertEquals(List.of("9"), strings(warehouse, "SELECT count(*) FROM core.dim_region WHERE region_key > 0"));
        // 2024 (year to 31 March 2024): after the 2023 reorganisations, before the 2025 recodes.
        List<String> operating2024 = strings(warehouse, "SELECT new_la_code FROM core.las_operating_in(2024) ORDER BY 1");
        assertEquals(153, operating2024.size(), "153 LAs operated on 31 March 2024");
        assertTrue(operating2024.contains("E06000063"), "Cumberland is operating in 2024");
        assertTrue(!operating2024.contains("E10000006"), "Cumbria is not");
        assertTrue(operating2024.contains("E08000016"), "Barnsley's pre-2025 code is still in use in 2024");
        List<String> operating2026 = strings(warehouse, "SELECT new_la_code FROM core.las_operating_in(2026) ORDER BY 1");
        assertTrue(operating2026.contains("E08000038") && !operating2026.contains("E08000016"), "Barnsley recoded by 2026");
        List<String> operating2018 = strings(warehouse, "SELECT new_la_code FROM core.las_operating_in(2018) ORDER BY 1");
        assertTrue(operating2018.contains("E10000009") && operating2018.contains("E06000028"), "Dorset county and Bournemouth in 2018");
    }

    @Test
    void everyTableAndColumnOutsideBatchIsCommented(WarehouseConnection warehouse) throws SQLException {
        List<String> uncommented = strings(warehouse, """
                SELECT c.table_schema || '.' || c.table_name || '.' || c.column_name
                  FROM information_schema.columns c
                  JOIN pg_class t ON t.relname = c.table_name
                  JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = c.table_schema
                 WHERE c.table_schema IN ('landing','core','mart','pub','ops')
                   AND c.table_name <> 'flyway_schema_history'
                   AND NOT t.relispartition
                   AND col_description(t.oid, c.ordinal_position) IS NULL
                 ORDER BY 1""");
        assertEquals(List.of(), uncommented);
    }

    @Test
    void everyTableViewAndPartitionOutsideBatchIsCommented(WarehouseConnection warehouse) throws SQLException {
        List<String> uncommented = strings(warehouse, """
                SELECT n.nspname || '.' || t.relname
                  FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
                 WHERE n.nspname IN ('landing','core','mart','pub','ops') AND t.relkind IN ('r', 'p', 'v', 'm')
                   AND t.relname <> 'flyway_schema_history' AND obj_description(t.oid, 'pg_class') IS NULL
                 ORDER BY 1""");
        assertEquals(List.of(), uncommented);
    }

    static List<String> strings(WarehouseConnection warehouse, String sql) throws SQLException {
        try (Connection connection = warehouse.open(); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
