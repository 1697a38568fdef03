package uk.gov.childrenshomes.publish;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.childrenshomes.publish.disclosure.DisclosurePolicy;
import uk.gov.childrenshomes.publish.ees.DfeGeography;
import uk.gov.childrenshomes.publish.ees.EesCsv;
import uk.gov.childrenshomes.publish.support.CoreRows;
import uk.gov.childrenshomes.publish.support.SuppressionAudit;
import uk.gov.childrenshomes.publish.support.TestSpark;
import uk.gov.childrenshomes.publish.warehouse.Warehouse;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole publish, end to end, on a real migrated PostgreSQL and a real SparkSession: a small realistic set of
 * core rows over three years (including Cumbria, split in 2023, and an LA whose return was rejected) is published
 * twice and then revised.
 */
@ExtendWith(WarehouseExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublishIntegrationTest {

    private static final String HARTLEPOOL = "E06000001";
    private static final String MIDDLESBROUGH = "E06000002";
    private static final String REDCAR = "E06000003";
    private static final String CUMBERLAND = "E06000063";
    private static final String CUMBRIA = "E10000006";
    private static final String HOMES = "Children's homes (K1, K2)";
    private static final List<String> FILTERS = List.of("placement_group", "locality", "distance_band");

    private static SparkSession spark;
    @TempDir
    static Path out;

    @BeforeAll
    static void warehouseAndSpark(WarehouseConnection warehouse) throws SQLException {
        spark = TestSpark.start();
        try (Connection connection = warehouse.open()) {
            CoreRows core = new CoreRows(connection);
            long hartlepool = core.submission(HARTLEPOOL, 2025, "loaded", 42, 0);
            core.children(hartlepool, HARTLEPOOL, 2025, 31, "U1", "Foster care", "Inside boundary", 2.0);
            core.children(hartlepool, HARTLEPOOL, 2025, 3, "K2", HOMES, "Outside boundary", 45.0);
            core.children(hartlepool, HARTLEPOOL, 2025, 8, "P1", "Other", "Not known", null);
            long middlesbrough = core.submission(MIDDLESBROUGH, 2025, "loaded", 19, 0);
            core.children(middlesbrough, MIDDLESBROUGH, 2025, 12, "U3", "Foster care", "Inside boundary", 5.0);
            core.children(middlesbrough, MIDDLESBROUGH, 2025, 7, "K2", HOMES, "Outside boundary", 30.0);
            long cumberland = core.submission(CUMBERLAND, 2025, "loaded", 10, 0);
            core.children(cumberland, CUMBERLAND, 2025, 10, "U1", "Foster care", "Inside boundary", 1.0);
            long redcar = core.submission(REDCAR, 2025, "rejected", 12, 12);
            core.errors(redcar, "164", 3);
            long hartlepool2024 = core.submission(HARTLEPOOL, 2024, "loaded", 25, 1);
            core.children(hartlepool2024, HARTLEPOOL, 2024, 25, "U1", "Foster care", "Inside boundary", 3.0);
            long cumbria2023 = core.submission(CUMBRIA, 2023, "loaded", 20, 0);
            core.children(cumbria2023, CUMBRIA, 2023, 20, "U1", "Foster care", "Inside boundary", 4.0);
        }
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private static PublishJob job(WarehouseConnection warehouse) {
        return new PublishJob(spark, new Warehouse(warehouse.url(), warehouse.user(), warehouse.password()),
                DisclosurePolicy.defaults(), DfeGeography.fromClasspath(),
                Clock.fixed(Instant.parse("2025-09-30T09:00:00Z"), ZoneOffset.UTC));
    }

    private static List<List<String>> csv(Path file) throws Exception {
        return EesCsv.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static List<String> row(List<List<String>> table, String year, String level, String area,
                                    String group, String locality, String band) {
        List<String> header = table.get(0);
        return table.stream().skip(1).filter(r -> r.get(0).equals(year)
                        && r.get(header.indexOf("geographic_level")).equals(level)
                        && (area.isEmpty() || area.equals(r.get(header.indexOf(level.equals("Regional") ? "region_code" : "new_la_code"))))
                        && r.get(header.indexOf("placement_group")).equals(group)
                        && r.get(header.indexOf("locality")).equals(locality)
                        && r.get(header.indexOf("distance_band")).equals(band))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + List.of(year, level, area, group, locality, band)));
    }

    private static String cell(List<List<String>> table, List<String> row, String column) {
        return row.get(table.get(0).indexOf(column));
    }

    @Test
    @Order(1)
    void publishesTheReleaseWithDisclosureControlAndLoadsItIntoPub(WarehouseConnection warehouse) throws Exception {
        PublishJob.Release release = job(warehouse).publish(2025, out);

        assertEquals("2025-r001", release.releaseId());
        Path dir = out.resolve("2025-r001");
        for (String file : List.of("data/placement_location.csv", "data/placement_location.meta.csv", "manifest.json",
                "quality.csv", "changes.md", "index.html")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
        assertTrue(Files.list(dir.resolve("parquet/placement_location")).anyMatch(p -> p.toString().endsWith(".parquet")));
        assertEquals("r--r--r--", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("data/placement_location.csv"))), "a release is read-only");

        List<List<String>> table = csv(dir.resolve("data/placement_location.csv"));
        // 3 years x (England + 9 regions + 153 LAs of 2025) x 4 x 4 x 4 filter combinations
        assertEquals(3 * (1 + 9 + 153) * 64, table.size() - 1);
        // England 2025: 42 + 19 + 10 = 71 children, rounded to 70; percentages from unrounded counts.
        List<String> england = row(table, "2025", "National", "", "Total", "Total", "Total");
        assertEquals("70", cell(table, england, "children_at_31_march"));
        List<String> homesOutside = row(table, "2025", "National", "", HOMES, "Outside boundary", "Total");
        assertEquals("10", cell(table, homesOutside, "children_at_31_march"));
        assertEquals("100.0", cell(table, homesOutside, "percent_of_placement_group"));
        // 71 children, 63 with a distance: the 32nd smallest is after Cumberland's 10 (1.0-1.9 miles) the 22nd of
        // Hartlepool's foster children (2.0 + 21 x 0.1 = 4.1 miles).
        assertEquals("4.1", cell(table, england, "median_distance_miles"));

        // Hartlepool: 3 in children's homes is suppressed, and so is the smallest other group (Other, 8) so that
        // the 3 cannot be had as 42 - 31 - 8.
        List<String> hartlepoolHomes = row(table, "2025", "Local authority", HARTLEPOOL, HOMES, "Total", "Total");
        assertEquals("c", cell(table, hartlepoolHomes, "children_at_31_march"));
        assertEquals("c", cell(table, row(table, "2025", "Local authority", HARTLEPOOL, "Other", "Total", "Total"),
                "children_at_31_march"));
        assertEquals("31", cell(table, row(table, "2025", "Local authority", HARTLEPOOL, "Foster care", "Total", "Total"),
                "children_at_31_march"));
        assertEquals("c", cell(table, hartlepoolHomes, "median_distance_miles"));
        // Redcar's return was rejected and Westmorland and Furness sent nothing: unavailable, never zero.
        assertEquals("x", cell(table, row(table, "2025", "Local authority", REDCAR, "Total", "Total", "Total"),
                "children_at_31_march"));
        assertEquals("x", cell(table, row(table, "2025", "Local authority", "E06000064", "Total", "Total", "Total"),
                "percent_of_placement_group"));
        // 2023: Cumbria was split into Cumberland and Westmorland and Furness: both x at LA level, but its 20
        // children count in the North West and in England.
        assertEquals("x", cell(table, row(table, "2023", "Local authority", CUMBERLAND, "Total", "Total", "Total"),
                "children_at_31_march"));
        assertEquals("20", cell(table, row(table, "2023", "Regional", "E12000002", "Total", "Total", "Total"),
                "children_at_31_march"));
        assertEquals("25", cell(table, row(table, "2024", "Local authority", HARTLEPOOL, "Total", "Total", "Total"),
                "children_at_31_march"));

        List<List<String>> rows = table.subList(1, table.size());
        assertEquals(List.of(), SuppressionAudit.smallCounts(table.get(0), rows, "children_at_31_march", 5));
        assertEquals(List.of(), SuppressionAudit.recoverableCells(table.get(0), rows, FILTERS, "children_at_31_march"));
        assertTrue(rows.stream().allMatch(r -> r.stream().skip(13).noneMatch(String::isEmpty)), "no blank indicator cell");

        String manifest = Files.readString(dir.resolve("manifest.json"));
        assertTrue(manifest.contains("\"release_id\": \"2025-r001\""), manifest);
        assertTrue(manifest.contains("\"path\": \"data/placement_location.csv\""));
        assertTrue(manifest.contains("\"la_counts_suppressed\": \"1 to 5 shown as c\""));
        assertTrue(manifest.contains("\"la_code\": \"" + CUMBRIA + "\""), "every accepted input, earlier years included");
        List<List<String>> quality = csv(dir.resolve("quality.csv"));
        assertTrue(quality.contains(List.of(REDCAR, "Redcar and Cleveland", "ssda903",
                quality.stream().filter(r -> r.get(0).equals(REDCAR) && r.get(2).equals("ssda903")).findFirst().orElseThrow().get(3),
                "rejected", "12", "0", "12", "164: 3")), quality.toString());
        assertTrue(Files.readString(dir.resolve("changes.md")).contains("First release"));
        String index = Files.readString(dir.resolve("index.html"));
        assertTrue(index.contains("<svg") && index.contains("North East"), "inline chart by region");
        assertFalse(index.contains("<script") || index.contains("src=\"http"), "no external assets");

        try (Connection connection = warehouse.open();
             ResultSet count = connection.createStatement().executeQuery(
                     "SELECT count(*), count(DISTINCT release_id) FROM pub.placement_location WHERE release_id = '2025-r001'")) {
            count.next();
            assertEquals(table.size() - 1, count.getInt(1));
        }
        List<Row> parquet = spark.read().parquet(dir.resolve("parquet/placement_location").toString())
                .where("time_period = 2025 AND geographic_level = 'National' AND placement_group = 'Total'"
                        + " AND locality = 'Total' AND distance_band = 'Total'").collectAsList();
        assertEquals(70L, parquet.get(0).<Long>getAs("children_at_31_march"));
    }

    @Test
    @Order(2)
    void aSecondPublishOfTheSameDataIsANewReleaseWithByteIdenticalDataFiles(WarehouseConnection warehouse) throws Exception {
        PublishJob.Release release = job(warehouse).publish(2025, out);

        assertEquals("2025-r002", release.releaseId());
        for (String file : List.of("data/placement_location.csv", "data/placement_location.meta.csv")) {
            assertArrayEquals(Files.readAllBytes(out.resolve("2025-r001").resolve(file)),
                    Files.readAllBytes(out.resolve("2025-r002").resolve(file)), file);
        }
        String changes = Files.readString(out.resolve("2025-r002/changes.md"));
        assertTrue(changes.contains("2025-r001") && changes.contains("No change."), changes);
    }

    @Test
    @Order(3)
    void aRevisionIsListedRowByRowInChanges(WarehouseConnection warehouse) throws Exception {
        try (Connection connection = warehouse.open()) {
            CoreRows core = new CoreRows(connection);
            long resend = core.submission(MIDDLESBROUGH, 2025, "loaded", 20, 0);
            connection.createStatement().execute("UPDATE ops.submission SET state = 'superseded', superseded_by = "
                    + resend + " WHERE la_code = '" + MIDDLESBROUGH + "' AND submission_id <> " + resend);
            core.children(resend, MIDDLESBROUGH, 2025, 1, "U1", "Foster care", "Inside boundary", 9.0);
        }
        job(warehouse).publish(2025, out);

        String changes = Files.readString(out.resolve("2025-r003/changes.md"));
        assertTrue(changes.contains("- Revised: 2025 / Local authority / E12000001 / North East / " + MIDDLESBROUGH
                + " / Middlesbrough / 806 / Total / Total / Total: children_at_31_march 19 -> 20"), changes);
        List<String> unchanged = new ArrayList<>();
        changes.lines().filter(l -> l.contains(HARTLEPOOL)).forEach(unchanged::add);
        assertEquals(List.of(), unchanged, "Hartlepool did not change");
    }
}
