package uk.gov.childrenshomes.bench;

import uk.gov.childrenshomes.bench.BenchRun.DatabaseSize;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the bench reads from the warehouse after the pipeline ran: sizes, row counts, the server version. */
final class WarehouseFigures {

    private final WarehouseConnection warehouse;

    WarehouseFigures(WarehouseConnection warehouse) {
        this.warehouse = warehouse;
    }

    String serverVersion() {
        return query("SHOW server_version", rows -> {
            rows.next();
            return "PostgreSQL " + rows.getString(1);
        });
    }

    /** The database's size and, per schema, its tables with their indexes and TOAST (partitions counted once). */
    DatabaseSize databaseSize() {
        long total = query("SELECT pg_database_size(current_database())", rows -> {
            rows.next();
            return rows.getLong(1);
        });
        Map<String, Long> schemas = query("""
                SELECT n.nspname, sum(pg_total_relation_size(c.oid))::bigint
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                   AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'
                 GROUP BY n.nspname ORDER BY 2 DESC""", rows -> {
            Map<String, Long> sizes = new LinkedHashMap<>();
            while (rows.next()) {
                sizes.put(rows.getString(1), rows.getLong(2));
            }
            return sizes;
        });
        return new DatabaseSize(total, schemas);
    }

    /** Rows of every core fact table (a partitioned fact counted through its parent), by table name. */
    Map<String, Long> coreFactRows() {
        List<String> facts = query("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'core' AND c.relname LIKE 'fact\\_%' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                 ORDER BY c.relname""", rows -> {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        });
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String fact : facts) {
            counts.put(fact, query("SELECT count(*) FROM core." + fact, rows -> {
                rows.next();
                return rows.getLong(1);
            }));
        }
        return counts;
    }

    /** Data rows the ingest received for the year, over every submission it recorded (ops.submission). */
    long rowsReceived(int year) {
        try (Connection connection = warehouse.open();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT coalesce(sum(rows_received), 0) FROM ops.submission WHERE collection_year = ?")) {
            statement.setInt(1, year);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read ops.submission: " + e.getMessage(), e);
        }
    }

    private interface RowsReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> T query(String sql, RowsReader<T> reader) {
        try (Connection connection = warehouse.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return reader.read(rows);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read from the warehouse (" + sql.lines().findFirst().orElse(sql).strip()
                    + "): " + e.getMessage(), e);
        }
    }
}
