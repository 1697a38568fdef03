package uk.gov.childrenshomes.publish;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.childrenshomes.publish.support.CoreRows;
import uk.gov.childrenshomes.publish.support.OracleComparison;
import uk.gov.childrenshomes.publish.support.SqlOracle;
import uk.gov.childrenshomes.publish.support.TestSpark;
import uk.gov.childrenshomes.publish.tables.DataPackTables;
import uk.gov.childrenshomes.publish.tables.ReportingGeography;
import uk.gov.childrenshomes.publish.tables.TableDefinition;
import uk.gov.childrenshomes.publish.warehouse.CoreFacts;
import uk.gov.childrenshomes.publish.warehouse.Warehouse;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Truth: on generated data for nine LAs in two regions over two years (every return, unknown and out-of-England
 * hosts, repeat missing children, open incidents), every count, sum and median of every table computed by the
 * Spark job agrees exactly, before rounding and suppression, with {@link SqlOracle}'s plain SQL over the same core
 * facts. Percentages are ratios of these counts, taken by the disclosure step.
 */
@ExtendWith(WarehouseExtension.class)
class OracleAgreementTest {

    private static final List<String> NORTH_EAST = List.of("E06000001", "E06000002", "E06000003", "E06000004",
            "E06000005", "E08000021");
    private static final List<String> NORTH_WEST = List.of("E06000006", "E06000007", "E06000008");
    private static final long SEED = 20250331L;

    private static SparkSession spark;

    @BeforeAll
    static void generate(WarehouseConnection warehouse) throws Exception {
        spark = TestSpark.start();
        List<String> las = new ArrayList<>(NORTH_EAST);
        las.addAll(NORTH_WEST);
        Random random = new Random(SEED);
        try (Connection connection = warehouse.open()) {
            connection.setAutoCommit(false);
            CoreRows core = new CoreRows(connection);
            for (int year : List.of(2024, 2025)) {
                for (String la : las) {
                    lookedAfter(core, random, la, year, las);
                    missing(core, random, la, year);
                    oversight(core, random, la, year, las);
                }
                long register = core.submission("E92000001", "ofsted_register", year, "loaded", 30, 0);
                for (int i = 0; i < 30; i++) {
                    core.home(register, year, "SC" + year + i, pick(random, las), pick(random, List.of("Local authority",
                                    "Private", "Private", "Voluntary")),
                            random.nextInt(8) == 0 ? "Secure children's home" : "Children's home",
                            pick(random, List.of("Outstanding", "Good", "Requires improvement", "Inadequate", "Not yet inspected")),
                            1 + random.nextInt(8), random.nextInt(6) > 0, random.nextInt(5) == 0, random.nextInt(6) == 0);
                }
            }
            connection.commit();
        }
    }

    private static void lookedAfter(CoreRows core, Random random, String la, int year, List<String> las) throws Exception {
        int children = random.nextInt(40);
        long submission = core.submission(la, "ssda903", year, "loaded", children, 0);
        for (int i = 0; i < children; i++) {
            int kind = random.nextInt(4);
            String group = kind == 0 ? DataPackTables.CHILDRENS_HOMES_GROUP : kind == 3 ? "Other" : "Foster care";
            int where = random.nextInt(20);
            String host = where < 2 ? CoreRows.NOT_KNOWN : where == 2 ? CoreRows.OUTSIDE_ENGLAND
                    : where < 11 ? la : pick(random, las);
            String locality = host == null ? "Not known" : la.equals(host) ? "Inside boundary" : "Outside boundary";
            Double distance = host == null ? null : random.nextInt(800) / 10.0;
            core.lookedAfter(submission, la, year, core.child(la), kind == 0 ? "K2" : kind == 3 ? "P1" : "U1", group,
                    host, locality, distance);
        }
    }

    private static void missing(CoreRows core, Random random, String la, int year) throws Exception {
        int incidents = random.nextInt(40);
        long submission = core.submission(la, "missing", year, "loaded", incidents, 0);
        List<Long> children = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            children.add(core.child(la));
        }
        for (int i = 0; i < incidents; i++) {
            boolean care = random.nextBoolean();
            core.missingIncident(submission, la, year, pick(random, children), care ? "Care" : "Home",
                    care ? (random.nextBoolean() ? "In area" : "Out of area") : "Not applicable",
                    random.nextInt(4) == 0 ? "Away without authorisation" : "Missing",
                    random.nextInt(10) == 0 ? null : random.nextInt(12_000) / 60.0, // whole minutes, as MIS_START/MIS_END
                    random.nextInt(3) > 0, random.nextInt(3) > 0, random.nextBoolean(), random.nextBoolean());
        }
    }

    private static void oversight(CoreRows core, Random random, String la, int year, List<String> las) throws Exception {
        int placements = random.nextInt(15);
        long submission = core.submission(la, "oversight", year, "loaded", placements, 0);
        for (int i = 0; i < placements; i++) {
            boolean home = random.nextInt(3) == 0;
            core.outOfAreaPlacement(submission, la, year, core.child(la), home ? DataPackTables.CHILDRENS_HOMES_GROUP
                            : "Foster care", pick(random, las), random.nextBoolean() ? "At a distance" : "Adjoining LA",
                    random.nextInt(5) > 0, random.nextBoolean(), random.nextInt(4) > 0, random.nextBoolean(),
                    home ? Boolean.valueOf(random.nextBoolean()) : null);
        }
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void everyFigureOfEveryTableAgreesWithThePlainSqlOracle(WarehouseConnection warehouse) throws Exception {
        CoreFacts facts = new CoreFacts(new Warehouse(warehouse.url(), warehouse.user(), warehouse.password()));
        ReportingGeography geography = facts.geography(2025);
        Dataset<Row> mappings = CoreFacts.mappingFrame(spark, geography);
        assertEquals(List.copyOf(SqlOracle.tables()), DataPackTables.ALL.stream().map(TableDefinition::name).toList(),
                "the oracle covers every table");
        int compared = 0;
        List<OracleComparison.Disagreement> disagreements = new ArrayList<>();
        try (Connection connection = warehouse.open()) {
            for (TableDefinition table : DataPackTables.ALL) {
                Map<String, Map<String, Object>> expected = SqlOracle.cells(connection, table.name(),
                        SqlOracle.coreFactUnits(table.name()));
                Map<String, Map<String, Object>> actual = OracleComparison.sparkFigures(table,
                        PublishJob.cells(table, geography, facts.units(spark, table, 2025), mappings));
                assertTrue(expected.size() > 20, table.name() + " has figures to compare");
                disagreements.addAll(OracleComparison.disagreements(table.name(), expected, actual));
                compared += expected.size();
            }
        }
        OracleComparison.assertNone(disagreements);
        assertTrue(compared > 1000, "compared " + compared + " cells");
    }
}
