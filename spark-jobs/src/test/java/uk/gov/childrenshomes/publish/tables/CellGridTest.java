package uk.gov.childrenshomes.publish.tables;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The published grid from aggregated rows: complete or observed, availability, order. */
class CellGridTest {

    private static final StructType AGGREGATED = new StructType()
            .add(Aggregation.TIME_PERIOD, DataTypes.IntegerType)
            .add(Aggregation.LEVEL, DataTypes.StringType)
            .add(Aggregation.AREA, DataTypes.StringType)
            .add("host", DataTypes.StringType)
            .add("children", DataTypes.LongType);

    private static TableDefinition table(String returnCode, TableDefinition.Grid grid, List<String> levels) {
        return new TableDefinition("t", "test", returnCode, "child_key",
                List.of(new Filter("host", "Host", "", levels)),
                List.of(Indicator.count("children", "Children", null)), grid);
    }

    private static final ReportingGeography GEOGRAPHY = ReportingGeography.build(2025,
            Map.of(2025, List.of(new LocalAuthority("LA1", "801", "One", "R1", "Region one"),
                    new LocalAuthority("LA2", "802", "Two", "R1", "Region one"))),
            Map.of(), List.of(new ReportingGeography.AcceptedReturn("LA1", "ssda903", 2025)));

    private static Row row(String level, String area, String host, long children) {
        return new GenericRowWithSchema(new Object[]{2025, level, area, host, children}, AGGREGATED);
    }

    @Test
    void aCompleteGridHasEveryCombinationForEveryAreaWithZerosAndUnavailableLas() {
        List<Cell> cells = CellGrid.complete(table("ssda903", TableDefinition.Grid.COMPLETE, List.of("A", "B")), GEOGRAPHY,
                List.of(row("National", "E92000001", "Total", 3), row("National", "E92000001", "A", 3)));
        assertEquals((1 + 1 + 2) * 3, cells.size(), "England, R1, LA1, LA2 x (Total, A, B)");
        assertEquals(List.of("Total"), cells.get(0).key().filterLevels());
        assertEquals(3L, cells.get(0).count("children"));
        assertEquals(0L, cells.get(2).count("children"), "B: no units");
        assertTrue(cells.stream().filter(c -> c.key().areaCode().equals("LA1")).allMatch(Cell::available));
        assertFalse(cells.stream().filter(c -> c.key().areaCode().equals("LA2")).anyMatch(Cell::available),
                "LA2 sent no return");
    }

    @Test
    void anObservedGridHasTheTotalRowOfEveryAreaAndTheCombinationsThatOccurTotalFirst() {
        List<Cell> cells = CellGrid.complete(table("ssda903", TableDefinition.Grid.OBSERVED, List.of()), GEOGRAPHY,
                List.of(row("Local authority", "LA1", "Zeta", 2), row("Local authority", "LA1", "Total", 5),
                        row("Local authority", "LA1", "Alpha", 3)));
        List<String> la1 = cells.stream().filter(c -> c.key().areaCode().equals("LA1"))
                .map(c -> c.key().filterLevels().get(0) + "=" + c.count("children")).toList();
        assertEquals(List.of("Total=5", "Alpha=3", "Zeta=2"), la1);
        assertEquals(List.of("E92000001:Total", "R1:Total", "LA2:Total"), cells.stream()
                .filter(c -> !c.key().areaCode().equals("LA1"))
                .map(c -> c.key().areaCode() + ":" + c.key().filterLevels().get(0)).toList());
    }

    @Test
    void aNationalReturnMakesEveryLevelUnavailableInAYearItWasNotAccepted() {
        List<Cell> cells = CellGrid.complete(table("ofsted_register", TableDefinition.Grid.COMPLETE, List.of("A")),
                GEOGRAPHY, List.of());
        assertTrue(cells.stream().noneMatch(Cell::available));
    }

    @Test
    void anAggregatedRowOutsideACompleteGridIsAnErrorNotDropped() {
        assertThrows(IllegalStateException.class, () -> CellGrid.complete(
                table("ssda903", TableDefinition.Grid.COMPLETE, List.of("A")), GEOGRAPHY,
                List.of(row("National", "E92000001", "Unexpected", 1))));
    }
}
