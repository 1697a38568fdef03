package uk.gov.childrenshomes.bench;

import uk.gov.childrenshomes.bench.BenchRun.SqlBaseline;
import uk.gov.childrenshomes.bench.BenchRun.SqlTable;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The data pack's tables written as an analyst would write them without Spark: plain SQL over the core facts
 * (resources {@code plain-sql/}), one query per table, every geography crossed with every combination of filter
 * levels and Total in one {@code GROUP BY GROUPING SETS ... CUBE}. Disclosure control, EES checks and file writing
 * are not part of it: it is the aggregation publish performs, as a database would do it. Each query is timed from
 * execution to the last row fetched, one after another on one connection.
 */
public final class PlainSqlAggregations {

    /** The data pack's tables, in publication order (spark-jobs DataPackTables.ALL); one plain-sql/NAME.sql each. */
    public static final List<String> TABLES = List.of("homes_by_area", "children_in_homes_by_area",
            "home_placements_flow", "placement_location", "out_of_area_oversight", "missing_incidents",
            "return_interviews", "return_interview_offer_by_la");

    /** Temporary views of the units each table counts; {@code %1$d} is the reporting year. */
    private static final String UNITS = "units.sql";

    private final WarehouseConnection warehouse;

    public PlainSqlAggregations(WarehouseConnection warehouse) {
        this.warehouse = warehouse;
    }

    public SqlBaseline run(int reportingYear) {
        try (Connection connection = warehouse.open(); Statement statement = connection.createStatement()) {
            // a server-side cursor would stream; the results are small (thousands of rows), so fetch them whole
            List<String> setupErrors = new ArrayList<>();
            for (String view : resource(UNITS).formatted(reportingYear).split(";\\s*\n")) {
                if (!view.isBlank()) {
                    try {
                        statement.execute(view);
                    } catch (SQLException e) {
                        setupErrors.add(firstLine(e.getMessage()));
                    }
                }
            }
            List<SqlTable> tables = new ArrayList<>();
            for (String table : TABLES) {
                tables.add(time(statement, table, resource(table + ".sql")));
            }
            return new SqlBaseline(tables, setupErrors);
        } catch (SQLException e) {
            throw new IllegalStateException("Plain-SQL baseline: cannot use the warehouse: " + e.getMessage(), e);
        }
    }

    private static SqlTable time(Statement statement, String table, String sql) {
        long started = System.nanoTime();
        long rows = 0;
        try (ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                for (int column = 1; column <= columns; column++) {
                    result.getObject(column);
                }
                rows++;
            }
        } catch (SQLException e) {
            return new SqlTable(table, 0, (System.nanoTime() - started) / 1e9, firstLine(e.getMessage()));
        }
        return new SqlTable(table, rows, (System.nanoTime() - started) / 1e9, null);
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }

    static String resource(String name) {
        try (InputStream in = PlainSqlAggregations.class.getResourceAsStream("/plain-sql/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing bench resource plain-sql/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bench resource plain-sql/" + name, e);
        }
    }
}
