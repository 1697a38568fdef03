package uk.gov.childrenshomes.bench;

import uk.gov.childrenshomes.bench.AnalystQueryRun.QueryTiming;
import uk.gov.childrenshomes.warehouse.ExampleQueries.ExampleQuery;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Times analyst queries as the analyst role runs them: on one connection that has taken on {@code datapack_analyst}
 * (so a query reaching past {@code mart} and {@code pub} fails here as it would for an analyst), each query once to
 * warm the caches, then {@code runs} times, each timed from execution to the last row fetched.
 */
final class AnalystQueryTimer {

    static final String ANALYST_ROLE = "datapack_analyst";

    private final WarehouseConnection warehouse;
    private final int runs;

    AnalystQueryTimer(WarehouseConnection warehouse, int runs) {
        this.warehouse = warehouse;
        this.runs = runs;
    }

    List<QueryTiming> time(List<ExampleQuery> queries) {
        try (Connection connection = warehouse.open(); Statement statement = connection.createStatement()) {
            statement.execute("SET ROLE " + ANALYST_ROLE);
            List<QueryTiming> timings = new ArrayList<>();
            for (ExampleQuery query : queries) {
                timings.add(time(statement, query));
            }
            return timings;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot query the warehouse as " + ANALYST_ROLE + ": " + e.getMessage(), e);
        }
    }

    private QueryTiming time(Statement statement, ExampleQuery query) {
        List<Double> millis = new ArrayList<>();
        long rows = 0;
        try {
            fetchAll(statement, query.sql());
            for (int run = 0; run < runs; run++) {
                long started = System.nanoTime();
                rows = fetchAll(statement, query.sql());
                millis.add((System.nanoTime() - started) / 1e6);
            }
        } catch (SQLException e) {
            String message = e.getMessage() == null ? "unknown error" : e.getMessage().lines().findFirst().orElse("");
            return new QueryTiming(query.question(), query.sql(), 0, List.of(), message);
        }
        return new QueryTiming(query.question(), query.sql(), rows, millis, null);
    }

    private static long fetchAll(Statement statement, String sql) throws SQLException {
        long rows = 0;
        try (ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                for (int column = 1; column <= columns; column++) {
                    result.getObject(column);
                }
                rows++;
            }
        }
        return rows;
    }
}
