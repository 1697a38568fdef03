package uk.gov.childrenshomes.publish.tables;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.childrenshomes.publish.support.TestSpark;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Each step of the Spark aggregation on tiny frames. */
class AggregationTest {

    private static final TableDefinition TABLE = new TableDefinition("t", "test", "ssda903", "child_key",
            List.of(new Filter("group", "Group", "", List.of("A", "B"))),
            List.of(Indicator.count("children", "Children", null),
                    Indicator.count("far", "Children far away", "is_far"),
                    Indicator.median("median_distance", "Median", "distance_tenths", 1)),
            TableDefinition.Grid.COMPLETE);

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Dataset<Row> units(Object[]... rows) {
        StructType schema = new StructType()
                .add(Aggregation.TIME_PERIOD, DataTypes.IntegerType)
                .add(Aggregation.SOURCE_LA, DataTypes.StringType)
                .add("child_key", DataTypes.LongType)
                .add("group", DataTypes.StringType)
                .add("is_far", DataTypes.BooleanType)
                .add("distance_tenths", DataTypes.LongType);
        return spark.createDataFrame(java.util.Arrays.stream(rows).map(RowFactory::create).toList(), schema);
    }

    private static Dataset<Row> mappings(Object[]... rows) {
        StructType schema = new StructType()
                .add(Aggregation.TIME_PERIOD, DataTypes.IntegerType)
                .add(Aggregation.SOURCE_LA, DataTypes.StringType)
                .add(Aggregation.REPORTING_LA, DataTypes.StringType)
                .add(Aggregation.REGION, DataTypes.StringType);
        return spark.createDataFrame(java.util.Arrays.stream(rows).map(RowFactory::create).toList(), schema);
    }

    @Test
    void mapsEachUnitToTheLaItIsReportedUnderAndItsRegion() {
        Dataset<Row> mapped = Aggregation.toReportingGeography(
                units(new Object[]{2022, "OLD", 1L, "A", false, 10L}, new Object[]{2022, "SPLIT", 2L, "A", false, 10L}),
                mappings(new Object[]{2022, "OLD", "NEW", "R1"}, new Object[]{2022, "SPLIT", null, "R1"}));
        Map<Long, Row> byChild = new TreeMap<>();
        mapped.collectAsList().forEach(r -> byChild.put(r.getAs("child_key"), r));
        assertEquals("NEW", byChild.get(1L).getAs(Aggregation.REPORTING_LA));
        assertNull(byChild.get(2L).getAs(Aggregation.REPORTING_LA), "a split LA has no single successor");
        assertEquals("R1", byChild.get(2L).getAs(Aggregation.REGION));
    }

    @Test
    void countsEachUnitInEnglandItsRegionAndItsLaButNoLaWhenSplit() {
        Dataset<Row> cells = Aggregation.cells(units(
                        new Object[]{2025, "LA1", 1L, "A", false, 10L},
                        new Object[]{2025, "SPLIT", 2L, "A", false, 10L},
                        new Object[]{2025, "UNMAPPED", 3L, "A", false, 10L}),
                mappings(new Object[]{2025, "LA1", "LA1", "R1"}, new Object[]{2025, "SPLIT", null, "R1"}), TABLE);
        assertEquals(Map.of("Local authority:LA1", 1L, "National:E92000001", 3L, "Regional:R1", 2L),
                totals(cells, "children"));
    }

    /** The all-Total cell of each area: "level:area" to the value of {@code column}. */
    private static Map<String, Long> totals(Dataset<Row> cells, String column) {
        Map<String, Long> byArea = new TreeMap<>();
        cells.where("group = 'Total'").collectAsList().forEach(r ->
                byArea.put(r.getAs(Aggregation.LEVEL) + ":" + r.getAs(Aggregation.AREA), r.<Long>getAs(column)));
        return byArea;
    }

    @Test
    void aggregatesEveryCombinationOfTheLevelsPresentAndTotal() {
        TableDefinition twoFilters = new TableDefinition("t2", "test", "ssda903", "child_key",
                List.of(new Filter("group", "Group", "", List.of("A", "B")),
                        new Filter("other", "Other", "", List.of("X", "Y"))),
                List.of(Indicator.count("children", "Children", null)), TableDefinition.Grid.COMPLETE);
        Dataset<Row> unit = units(new Object[]{2025, "LA1", 1L, "A", false, 10L}).withColumn("other",
                org.apache.spark.sql.functions.lit("X"));
        List<String> combinations = Aggregation.cells(unit, mappings(new Object[]{2025, "LA1", "LA1", "R1"}), twoFilters)
                .where("geographic_level = 'National'").collectAsList().stream()
                .map(r -> r.getAs("group") + "/" + r.getAs("other") + "=" + r.getAs("children")).sorted().toList();
        assertEquals(List.of("A/Total=1", "A/X=1", "Total/Total=1", "Total/X=1"), combinations);
    }

    @Test
    void countsUnitsAndTakesTheExactMedianWithItsBasis() {
        Dataset<Row> cells = Aggregation.cells(units(
                        new Object[]{2025, "LA1", 1L, "A", true, 123L},
                        new Object[]{2025, "LA1", 4L, "A", true, 123L},
                        new Object[]{2025, "LA1", 2L, "A", false, 124L},
                        new Object[]{2025, "LA1", 3L, "B", false, null}),
                mappings(new Object[]{2025, "LA1", "LA1", "R1"}), TABLE);
        Row total = cells.where("geographic_level = 'Local authority' AND group = 'Total'").first();
        assertEquals(4L, total.<Long>getAs("children"));
        assertEquals(2L, total.<Long>getAs("far"));
        assertEquals(3L, total.<Long>getAs("median_distance" + Aggregation.BASIS_SUFFIX));
        assertEquals(123.0, total.<Double>getAs("median_distance"));
        Row groupA = cells.where("geographic_level = 'National' AND group = 'A'").first();
        // Median of 123, 123, 124 tenths over the rows is 123; of two values it is the exact half-way point.
        assertEquals(123.0, groupA.<Double>getAs("median_distance"));
        Row groupB = cells.where("geographic_level = 'Regional' AND group = 'B'").first();
        assertNull(groupB.getAs("median_distance"));
        assertEquals(0L, groupB.<Long>getAs("median_distance" + Aggregation.BASIS_SUFFIX));
        assertEquals(3 * 3, cells.count(), "3 geographies x (Total, A, B)");
    }

    @Test
    void countsDistinctValuesOfAMeasureOtherThanTheUnitOnceInEveryCellTheyShare() {
        TableDefinition incidents = new TableDefinition("i", "test", "missing", "incident_key",
                List.of(new Filter("group", "Group", "", List.of("A", "B"))),
                List.of(Indicator.count("incidents", "Incidents", null),
                        Indicator.countOf("children", "Children", null, "child_key")),
                TableDefinition.Grid.COMPLETE);
        Dataset<Row> units = units(
                new Object[]{2025, "LA1", 7L, "A", false, 1L},
                new Object[]{2025, "LA1", 7L, "B", false, 2L},
                new Object[]{2025, "LA2", 7L, "B", false, 3L},
                new Object[]{2025, "LA2", 8L, "B", false, 4L}).withColumnRenamed("distance_tenths", "incident_key");
        Dataset<Row> cells = Aggregation.cells(units,
                mappings(new Object[]{2025, "LA1", "LA1", "R1"}, new Object[]{2025, "LA2", "LA2", "R1"}), incidents);
        assertEquals(Map.of("Local authority:LA1", 2L, "Local authority:LA2", 2L, "National:E92000001", 4L,
                "Regional:R1", 4L), totals(cells, "incidents"));
        assertEquals(Map.of("Local authority:LA1", 1L, "Local authority:LA2", 2L, "National:E92000001", 2L,
                "Regional:R1", 2L), totals(cells, "children"), "child 7 went missing three times, in two LAs");
        assertEquals(2L, cells.where("geographic_level = 'National' AND group = 'B'").first().<Long>getAs("children"));
    }

    @Test
    void theMedianOfAnEvenNumberOfValuesIsExactlyHalfWay() {
        Dataset<Row> cells = Aggregation.cells(units(
                        new Object[]{2025, "LA1", 1L, "A", false, 123L},
                        new Object[]{2025, "LA1", 2L, "A", false, 124L}),
                mappings(new Object[]{2025, "LA1", "LA1", "R1"}), TABLE);
        assertEquals(123.5, cells.where("geographic_level = 'National' AND group = 'Total'").first()
                .<Double>getAs("median_distance"));
    }

    @Test
    void sumsAMeasureAndCountsDistinctValuesOfAnotherColumnUnderACondition() {
        TableDefinition homes = new TableDefinition("h", "test", "ofsted_register", "child_key",
                List.of(new Filter("group", "Group", "", List.of("A", "B"))),
                List.of(Indicator.publicSum("places", "Places", "is_far", "distance_tenths"),
                        Indicator.publicCountOf("las", "LAs with a far unit", "is_far", Aggregation.SOURCE_LA)),
                TableDefinition.Grid.COMPLETE);
        Dataset<Row> cells = Aggregation.cells(units(
                        new Object[]{2025, "LA1", 1L, "A", true, 4L},
                        new Object[]{2025, "LA1", 2L, "B", true, 6L},
                        new Object[]{2025, "LA1", 3L, "B", false, 100L},
                        new Object[]{2025, "LA2", 4L, "B", true, 5L}),
                mappings(new Object[]{2025, "LA1", "LA1", "R1"}, new Object[]{2025, "LA2", "LA2", "R1"}), homes);
        Row england = cells.where("geographic_level = 'National' AND group = 'Total'").first();
        assertEquals(15L, england.<Long>getAs("places"), "only where the condition holds");
        assertEquals(2L, england.<Long>getAs("las"));
        Row none = cells.where("geographic_level = 'Local authority' AND area_code = 'LA2' AND group = 'Total'").first();
        assertEquals(1L, none.<Long>getAs("las"));
    }
}
