package uk.gov.childrenshomes.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.childrenshomes.bench.AnalystQueryRun.QueryTiming;
import uk.gov.childrenshomes.warehouse.ExampleQueries.ExampleQuery;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Queries are timed as the analyst role: a mart query runs; the same question asked of core is refused. */
@ExtendWith(WarehouseExtension.class)
class AnalystQueryTimerTest {

    @Test
    void timesMartQueriesAndReportsWhatTheAnalystMayNotRead(WarehouseConnection warehouse) {
        List<QueryTiming> timings = new AnalystQueryTimer(warehouse, 3).time(List.of(
                new ExampleQuery("regions", "SELECT region_name FROM mart.local_authority GROUP BY 1"),
                new ExampleQuery("core", "SELECT count(*) FROM core.fact_looked_after_31_march")));

        QueryTiming mart = timings.get(0);
        assertNull(mart.error());
        assertEquals(3, mart.millis().size());
        assertTrue(mart.rows() >= 9, "England's regions and the unknown members: " + mart.rows());
        assertTrue(mart.median() <= mart.max());
        QueryTiming core = timings.get(1);
        assertTrue(core.error().contains("permission denied"), core.error());
        assertTrue(!core.meetsTarget());
    }

    @Test
    void medianIsTheMiddleRunOrTheMeanOfTheMiddleTwo() {
        assertEquals(3.0, new QueryTiming("q", "sql", 1, List.of(9.0, 1.0, 3.0), null).median());
        assertEquals(4.0, new QueryTiming("q", "sql", 1, List.of(9.0, 1.0, 3.0, 5.0), null).median());
        assertEquals(250.0, new QueryTiming("q", "sql", 1, List.of(150.0, 250.0, 900.0), null).median());
        assertTrue(!new QueryTiming("q", "sql", 1, List.of(150.0, 250.0, 900.0), null).meetsTarget());
        assertTrue(new QueryTiming("q", "sql", 1, List.of(150.0, 199.0, 900.0), null).meetsTarget());
    }
}
