package uk.gov.childrenshomes.warehouse.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import uk.gov.childrenshomes.warehouse.ExampleQueries;
import uk.gov.childrenshomes.warehouse.ExampleQueries.ExampleQuery;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example queries of the module README run, as an analyst, on a warehouse holding a year of returns. */
@ExtendWith(WarehouseExtension.class)
class ReadmeQueriesTest {

    @Test
    void everyExampleQueryRunsAsAnAnalyst(WarehouseConnection warehouse) throws SQLException {
        runEveryExampleAsAnAnalyst(warehouse);
    }

    /** Also run on the oldest supported PostgreSQL by {@link PostgreSql14Test}. */
    static void runEveryExampleAsAnAnalyst(WarehouseConnection warehouse) throws SQLException {
        List<String> queries = ExampleQueries.read(Path.of("README.md")).stream().map(ExampleQuery::sql).toList();
        assertTrue(queries.size() >= 8, "the README has its example queries");
        try (Returns returns = new Returns(warehouse)) {
            returns.postcode("TS24 7AA", Returns.HARTLEPOOL, 450000, 530000);
            long ssda903 = returns.submission(Returns.HARTLEPOOL, "ssda903", 2025);
            returns.episode(ssda903, 1, "child-a", "placement_type", "K2", "home_postcode", "TS24 7AA", "placement_postcode", "TS24 7AA");
            returns.call("core.refresh_ssda903", ssda903);
            returns.update("SET ROLE datapack_analyst");
            for (String query : queries) {
                returns.rows(query);
            }
            assertTrue(returns.rows(queries.get(0)).size() == 1, "the first example finds Hartlepool's child");
        }
    }
}
