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
import uk.gov.childrenshomes.publish.release.ReleaseRefusedException;
import uk.gov.childrenshomes.publish.support.CoreRows;
import uk.gov.childrenshomes.publish.support.PublishProcess;
import uk.gov.childrenshomes.publish.support.SuppressionAudit;
import uk.gov.childrenshomes.publish.support.TeesValleyData;
import uk.gov.childrenshomes.publish.support.TestSpark;
import uk.gov.childrenshomes.publish.tables.DataPackTables;
import uk.gov.childrenshomes.publish.tables.Indicator;
import uk.gov.childrenshomes.publish.tables.TableDefinition;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.childrenshomes.publish.support.TeesValleyData.CUMBERLAND;
import static uk.gov.childrenshomes.publish.support.TeesValleyData.CUMBRIA;
import static uk.gov.childrenshomes.publish.support.TeesValleyData.ENGLAND;
import static uk.gov.childrenshomes.publish.support.TeesValleyData.HARTLEPOOL;
import static uk.gov.childrenshomes.publish.support.TeesValleyData.MIDDLESBROUGH;
import static uk.gov.childrenshomes.publish.support.TeesValleyData.REDCAR;

/**
 * The whole publish, end to end, on a real migrated PostgreSQL and a real SparkSession: {@link TeesValleyData}
 * (three years, Cumbria split in 2023, a rejected return, every return) is published, published again, refused
 * when the EES checks fail, and revised.
 */
@ExtendWith(WarehouseExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublishIntegrationTest {

    private static final String HOMES = DataPackTables.CHILDRENS_HOMES_GROUP;

    private static SparkSession spark;
    @TempDir
    static Path out;

    @BeforeAll
    static void warehouseAndSpark(WarehouseConnection warehouse) throws SQLException {
        spark = TestSpark.start();
        try (Connection connection = warehouse.open()) {
            TeesValleyData.load(connection);
        }
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private static PublishJob job(WarehouseConnection warehouse, DfeGeography dfeGeography) {
        return new PublishJob(spark, new Warehouse(warehouse.url(), warehouse.user(), warehouse.password()),
                DisclosurePolicy.defaults(), dfeGeography, Clock.fixed(Instant.parse("2025-09-30T09:00:00Z"), ZoneOffset.UTC));
    }

    private static PublishJob job(WarehouseConnection warehouse) {
        return job(warehouse, DfeGeography.fromClasspath());
    }

    private static List<List<String>> csv(Path file) throws Exception {
        return EesCsv.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** The cell of {@code indicator} in the row of the year, level and area with the given filter levels (others Total). */
    private static String cell(List<List<String>> table, String year, String level, String area,
                               Map<String, String> levels, String indicator) {
        List<String> header = table.get(0);
        String areaColumn = level.equals("Regional") ? "region_code" : "new_la_code";
        return table.stream().skip(1).filter(r -> r.get(0).equals(year)
                        && r.get(header.indexOf("geographic_level")).equals(level)
                        && (area.isEmpty() || area.equals(r.get(header.indexOf(areaColumn))))
                        && header.stream().filter(PublishIntegrationTest::isFilter)
                        .allMatch(f -> r.get(header.indexOf(f)).equals(levels.getOrDefault(f, "Total"))))
                .map(r -> r.get(header.indexOf(indicator)))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + List.of(year, level, area, levels)));
    }

    private static boolean isFilter(String column) {
        return DataPackTables.ALL.stream().anyMatch(t -> t.filterColumns().contains(column));
    }

    @Test
    @Order(1)
    void publishesEveryTableWithDisclosureControlAndLoadsItIntoPub(WarehouseConnection warehouse) throws Exception {
        PublishJob.Release release = job(warehouse).publish(2025, out);

        assertEquals("2025-r001", release.releaseId());
        Path dir = out.resolve("2025-r001");
        for (TableDefinition table : DataPackTables.ALL) {
            assertTrue(Files.isRegularFile(dir.resolve("data/" + table.name() + ".csv")), table.name());
            assertTrue(Files.isRegularFile(dir.resolve("data/" + table.name() + ".meta.csv")), table.name());
            assertTrue(Files.list(dir.resolve("parquet/" + table.name())).anyMatch(p -> p.toString().endsWith(".parquet")));
        }
        for (String file : List.of("manifest.json", "quality.csv", "changes.md", "index.html")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
        assertEquals("r--r--r--", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("data/placement_location.csv"))), "a release is read-only");

        List<List<String>> placement = csv(dir.resolve("data/placement_location.csv"));
        // 3 years x (England + 9 regions + 153 LAs of 2025) x 4 x 4 x 4 filter combinations
        assertEquals(3 * (1 + 9 + 153) * 64, placement.size() - 1);
        // England 2025: 42 + 19 + 10 = 71 children, rounded to 70; percentages from unrounded counts.
        assertEquals("70", cell(placement, "2025", "National", "", Map.of(), "children_at_31_march"));
        Map<String, String> homesOutside = Map.of("placement_group", HOMES, "locality", "Outside boundary");
        assertEquals("10", cell(placement, "2025", "National", "", homesOutside, "children_at_31_march"));
        assertEquals("100.0", cell(placement, "2025", "National", "", homesOutside, "percent_of_placement_group"));
        // 71 children, 63 with a distance: the 32nd smallest is after Cumberland's 10 (1.0-1.9 miles) the 22nd of
        // Hartlepool's foster children (2.0 + 21 x 0.1 = 4.1 miles).
        assertEquals("4.1", cell(placement, "2025", "National", "", Map.of(), "median_distance_miles"));
        // Hartlepool: 3 in children's homes is suppressed, and so is the smallest other group (Other, 8) so that
        // the 3 cannot be had as 42 - 31 - 8.
        Map<String, String> homes = Map.of("placement_group", HOMES);
        assertEquals("c", cell(placement, "2025", "Local authority", HARTLEPOOL, homes, "children_at_31_march"));
        assertEquals("c", cell(placement, "2025", "Local authority", HARTLEPOOL, Map.of("placement_group", "Other"),
                "children_at_31_march"));
        assertEquals("31", cell(placement, "2025", "Local authority", HARTLEPOOL, Map.of("placement_group", "Foster care"),
                "children_at_31_march"));
        assertEquals("c", cell(placement, "2025", "Local authority", HARTLEPOOL, homes, "median_distance_miles"));
        // Redcar's return was rejected and Westmorland and Furness sent nothing: unavailable, never zero.
        assertEquals("x", cell(placement, "2025", "Local authority", REDCAR, Map.of(), "children_at_31_march"));
        assertEquals("x", cell(placement, "2025", "Local authority", "E06000064", Map.of(), "percent_of_placement_group"));
        // 2023: Cumbria was split into Cumberland and Westmorland and Furness: both x at LA level, but its 20
        // children count in the North West and in England.
        assertEquals("x", cell(placement, "2023", "Local authority", CUMBERLAND, Map.of(), "children_at_31_march"));
        assertEquals("20", cell(placement, "2023", "Regional", "E12000002", Map.of(), "children_at_31_march"));
        assertEquals("25", cell(placement, "2024", "Local authority", HARTLEPOOL, Map.of(), "children_at_31_march"));

        // Homes: counts of homes and places are public and published exactly, even at LA level below 6.
        List<List<String>> homesByArea = csv(dir.resolve("data/homes_by_area.csv"));
        assertEquals("9", cell(homesByArea, "2025", "National", "", Map.of(), "homes_at_31_march"));
        assertEquals("33", cell(homesByArea, "2025", "National", "", Map.of(), "places_at_31_march"));
        assertEquals("1", cell(homesByArea, "2025", "Local authority", MIDDLESBROUGH,
                Map.of("home_type", "Secure children's home"), "homes_at_31_march"));
        assertEquals("1", cell(homesByArea, "2025", "Local authority", MIDDLESBROUGH, Map.of(), "homes_closed"));
        assertEquals("x", cell(homesByArea, "2024", "Local authority", HARTLEPOOL, Map.of(), "homes_at_31_march"),
                "no register was loaded for 2024");
        assertEquals("x", cell(homesByArea, "2024", "National", "", Map.of(), "homes_at_31_march"));

        // Children in homes: Hartlepool hosts Middlesbrough's 7, and placed its 3 in Middlesbrough.
        List<List<String>> inHomes = csv(dir.resolve("data/children_in_homes_by_area.csv"));
        assertEquals("7", cell(inHomes, "2025", "Local authority", HARTLEPOOL, Map.of(), "children_in_homes_in_area"));
        assertEquals("100.0", cell(inHomes, "2025", "Local authority", HARTLEPOOL,
                Map.of("placing_relation", "Placed by another LA"), "percent_of_children_in_area"));
        assertEquals("c", cell(inHomes, "2025", "Local authority", HARTLEPOOL, Map.of(), "children_placed_in_homes"));
        assertEquals("10", cell(inHomes, "2025", "National", "", Map.of(), "children_placed_in_homes"));

        // The flow: Middlesbrough placed 7 in Hartlepool's homes.
        List<List<String>> flow = csv(dir.resolve("data/home_placements_flow.csv"));
        assertEquals("7", cell(flow, "2025", "Local authority", MIDDLESBROUGH,
                Map.of("host_region", "North East", "host_la", "Hartlepool"), "children_in_homes"));
        assertEquals("x", cell(flow, "2025", "Local authority", REDCAR, Map.of(), "children_in_homes"));

        // Oversight: 9 placements, 8 approved (88.9%); 4 of 6 at a distance approved by the DCS: 4 is a small count,
        // so it and its percentage are suppressed.
        List<List<String>> oversight = csv(dir.resolve("data/out_of_area_oversight.csv"));
        assertEquals("9", cell(oversight, "2025", "Local authority", HARTLEPOOL, Map.of(), "placements_started"));
        assertEquals("88.9", cell(oversight, "2025", "Local authority", HARTLEPOOL, Map.of(), "percent_approved"));
        assertEquals("c", cell(oversight, "2025", "Local authority", HARTLEPOOL, Map.of(), "approved_by_dcs"));
        assertEquals("c", cell(oversight, "2025", "Local authority", HARTLEPOOL, Map.of(), "percent_approved_by_dcs"));
        assertEquals("x", cell(oversight, "2025", "Local authority", MIDDLESBROUGH, Map.of(), "placements_started"));

        // Missing and return interviews.
        List<List<String>> missingIncidents = csv(dir.resolve("data/missing_incidents.csv"));
        assertEquals("42", cell(missingIncidents, "2025", "Local authority", HARTLEPOOL, Map.of(), "incidents"));
        assertEquals("c", cell(missingIncidents, "2025", "Local authority", HARTLEPOOL, Map.of("missing_from", "Care"),
                "children"), "2 children from care");
        assertEquals("50", cell(missingIncidents, "2025", "National", "", Map.of(), "incidents"));
        List<List<String>> interviews = csv(dir.resolve("data/return_interviews.csv"));
        assertEquals("50.0", cell(interviews, "2025", "Local authority", HARTLEPOOL, Map.of("missing_from", "Home"),
                "percent_offered"));
        assertEquals("75.0", cell(interviews, "2025", "Local authority", HARTLEPOOL, Map.of("missing_from", "Care"),
                "percent_within_72_hours"), "6 of 8 completed");
        List<List<String>> offers = csv(dir.resolve("data/return_interview_offer_by_la.csv"));
        assertEquals("2", cell(offers, "2025", "National", "", Map.of("missing_from", "Care"), "las_with_incidents"));
        assertEquals("50.0", cell(offers, "2025", "National", "", Map.of("missing_from", "Care"),
                "percent_las_offering_interviews"));
        assertEquals("100.0", cell(offers, "2025", "National", "", Map.of("missing_from", "Home"),
                "percent_las_offering_interviews"));

        for (TableDefinition table : DataPackTables.ALL) {
            List<List<String>> published = csv(dir.resolve("data/" + table.name() + ".csv"));
            List<List<String>> rows = published.subList(1, published.size());
            for (Indicator count : table.tallies().stream().filter(Indicator::disclosive).toList()) {
                assertEquals(List.of(), SuppressionAudit.smallCounts(published.get(0), rows, count.column(), 5), table.name());
                assertEquals(List.of(), SuppressionAudit.recoverableCells(published.get(0), rows, table.filterColumns(),
                        count.column()), table.name());
            }
            int firstIndicator = published.get(0).indexOf(table.indicators().get(0).column());
            assertTrue(rows.stream().allMatch(r -> r.stream().skip(firstIndicator).noneMatch(String::isEmpty)),
                    table.name() + ": no blank indicator cell");
        }

        String manifest = Files.readString(dir.resolve("manifest.json"));
        assertTrue(manifest.contains("\"release_id\": \"2025-r001\""), manifest);
        assertTrue(manifest.contains("\"path\": \"data/return_interviews.csv\""));
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

        try (Connection connection = warehouse.open()) {
            for (TableDefinition table : DataPackTables.ALL) {
                try (ResultSet count = connection.createStatement().executeQuery(
                        "SELECT count(*) FROM pub." + table.name() + " WHERE release_id = '2025-r001'")) {
                    count.next();
                    assertEquals(csv(dir.resolve("data/" + table.name() + ".csv")).size() - 1, count.getInt(1), table.name());
                }
            }
        }
        List<Row> parquet = spark.read().parquet(dir.resolve("parquet/placement_location").toString())
                .where("time_period = 2025 AND geographic_level = 'National' AND placement_group = 'Total'"
                        + " AND locality = 'Total' AND distance_band = 'Total'").collectAsList();
        assertEquals(70L, parquet.get(0).<Long>getAs("children_at_31_march"));
    }

    @Test
    @Order(2)
    void aSecondPublishInAnotherJvmIsANewReleaseWithEveryFileButThoseNamingTheReleaseByteIdentical(
            WarehouseConnection warehouse) throws Exception {
        Path first = out.resolve("2025-r001");
        Path second = PublishProcess.publish(warehouse, 2025, out, out.resolve("publish-r002.log"));

        assertEquals(out.resolve("2025-r002"), second);
        List<String> files = files(first);
        assertEquals(files, files(second));
        // The manifest holds the release id and build time; changes.md and index.html name the release.
        List<String> namingTheRelease = List.of("changes.md", "index.html", "manifest.json");
        assertTrue(files.containsAll(namingTheRelease), files.toString());
        assertTrue(files.stream().filter(f -> f.startsWith("parquet/")).count() >= DataPackTables.ALL.size(), files.toString());
        for (String file : files.stream().filter(f -> !namingTheRelease.contains(f)).toList()) {
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
        }
        String changes = Files.readString(second.resolve("changes.md"));
        assertTrue(changes.contains("2025-r001") && changes.contains("No change."), changes);
    }

    private static List<String> files(Path release) throws Exception {
        try (var paths = Files.walk(release)) {
            return paths.filter(Files::isRegularFile).map(p -> release.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    @Order(3)
    void theEesChecksRefuseAReleaseThatFailsThemListingEveryFailureAndWriteNothing(WarehouseConnection warehouse)
            throws Exception {
        DfeGeography real = DfeGeography.fromClasspath();
        Map<String, DfeGeography.La> las = new HashMap<>();
        for (String code : List.of(HARTLEPOOL, MIDDLESBROUGH)) {
            DfeGeography.La la = real.la(code);
            las.put(code, new DfeGeography.La(code, la.name() + " Council", la.oldCode(), la.regionCode()));
        }
        DfeGeography renamed = new DfeGeography(las, Map.of("E12000001", "North East"), Map.of(ENGLAND, "England"));
        List<String> before = list(out);

        ReleaseRefusedException refused = assertThrows(ReleaseRefusedException.class,
                () -> job(warehouse, renamed).publish(2025, out));

        assertTrue(refused.failures().stream().anyMatch(f -> f.check().equals("geography")
                && f.message().contains("DfE's las.csv has Hartlepool Council")), refused.failures().toString());
        assertEquals(DataPackTables.ALL.size(), refused.failures().stream().map(f -> f.table()).distinct().count(),
                "every table's failures are listed");
        assertEquals(before, list(out), "nothing written");
    }

    private static List<String> list(Path directory) throws Exception {
        try (var children = Files.list(directory)) {
            return children.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    @Order(4)
    void aRevisionIsListedRowByRowInChanges(WarehouseConnection warehouse) throws Exception {
        try (Connection connection = warehouse.open()) {
            CoreRows core = new CoreRows(connection);
            long resend = core.submission(MIDDLESBROUGH, "ssda903", 2025, "loaded", 20, 0);
            connection.createStatement().execute("UPDATE ops.submission SET state = 'superseded', superseded_by = "
                    + resend + " WHERE la_code = '" + MIDDLESBROUGH + "' AND return_code = 'ssda903' AND submission_id <> " + resend);
            core.children(resend, MIDDLESBROUGH, 2025, 1, "U1", "Foster care", MIDDLESBROUGH, "Inside boundary", 9.0);
        }
        job(warehouse).publish(2025, out);

        String changes = Files.readString(out.resolve("2025-r003/changes.md"));
        assertTrue(changes.contains("- Revised: 2025 / Local authority / E12000001 / North East / " + MIDDLESBROUGH
                + " / Middlesbrough / 806 / Total / Total / Total: children_at_31_march 19 -> 20"), changes);
        List<String> unchanged = new ArrayList<>();
        changes.lines().filter(l -> l.contains(HARTLEPOOL) && l.contains("children_at_31_march")).forEach(unchanged::add);
        assertEquals(List.of(), unchanged, "Hartlepool's placements did not change");
    }

    @Test
    @Order(5)
    void thePreviewOpensOfflineInHeadlessChromiumWithItsChartsDrawn() throws Exception {
        Path page = out.resolve("2025-r001/index.html");
        Path screenshot = Path.of("target", "release-preview.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        Path profile = Files.createTempDirectory(out, "chromium-profile");
        Process chromium = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1100,2200", "--hide-scrollbars",
                "--screenshot=" + screenshot, page.toUri().toString())
                .redirectErrorStream(true).redirectOutput(out.resolve("chromium.log").toFile()).start();
        assertTrue(chromium.waitFor(90, java.util.concurrent.TimeUnit.SECONDS), "chromium finished");
        assertEquals(0, chromium.exitValue(), Files.readString(out.resolve("chromium.log")));

        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(screenshot.toFile());
        assertEquals(1100, image.getWidth());
        // The regional bar charts are drawn in the two bar colours; the headline borders use the first only.
        assertTrue(pixels(image, 0x1d70b8) > 2000, "bars of the first series are drawn");
        assertTrue(pixels(image, 0xf47738) > 500, "bars of the second series are drawn");
    }

    private static int pixels(java.awt.image.BufferedImage image, int rgb) {
        int count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
