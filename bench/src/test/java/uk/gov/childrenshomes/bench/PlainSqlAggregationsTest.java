package uk.gov.childrenshomes.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.childrenshomes.bench.BenchRun.SqlBaseline;
import uk.gov.childrenshomes.bench.BenchRun.SqlTable;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every plain-SQL query runs on the migrated warehouse, so the baseline is written against the real core contract.
 * With no facts loaded the only cells are the national ones of years that have data: none.
 */
@ExtendWith(WarehouseExtension.class)
class PlainSqlAggregationsTest {

    @Test
    void everyDataPackTableRunsAgainstTheCoreContract(WarehouseConnection warehouse) {
        SqlBaseline baseline = new PlainSqlAggregations(warehouse).run(2025);

        assertEquals(java.util.List.of(), baseline.setupErrors());
        assertEquals(PlainSqlAggregations.TABLES, baseline.tables().stream().map(SqlTable::table).toList());
        for (SqlTable table : baseline.tables()) {
            assertEquals(null, table.error(), table.table());
            assertEquals(0, table.rows(), table.table());
        }
    }
}
