package uk.gov.childrenshomes.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.childrenshomes.bench.BenchRun.CopyBaseline;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The COPY baseline against a real PostgreSQL: an inbox laid out as the generator writes it. */
@ExtendWith(WarehouseExtension.class)
class RawCopyLoaderTest {

    private static final String SCHEMA = "bench_copy_floor_test";

    @TempDir
    Path inbox;

    @Test
    void copiesEveryCsvFileOfTheInboxAsTextAndCountsTheOthers(WarehouseConnection warehouse) throws IOException, SQLException {
        write("E06000001/ssda903/episodes.csv", "CHILD,DECOM,RNE\n101,01/04/2024,S\n102,\"02/04/2024\",\"P, quoted\"\n");
        write("E06000002/ssda903/episodes.csv", "CHILD,DECOM,RNE\n201,03/04/2024,L\n");
        write("E06000001/missing/E06000001_missing_2025.csv", "child_id,missing_from\nA1,Home\nA2,Care\nA3,Care\n");
        write("E06000002/missing/E06000002_missing_2025.xlsx", "not a CSV: counted, not loaded");
        write("E06000003/ssda903/E06000003_ssda903_2025.xml", "<Message/>");
        write("national/onspd/onspd.csv", "pcds,oslaua\nTS1 1AA,E06000001\n");
        write("generation.json", "{}"); // the generator's own report, not a return
        write("faults.csv", "la_code,return\n");

        RawCopyLoader loader = new RawCopyLoader(warehouse, SCHEMA, 2);
        CopyBaseline baseline = loader.load(inbox);

        assertEquals(4, baseline.csvFiles());
        assertEquals(7, baseline.rows());
        assertEquals(2, baseline.connections());
        assertEquals(2, baseline.otherFiles());
        assertEquals(Files.size(inbox.resolve("E06000002/missing/E06000002_missing_2025.xlsx"))
                + Files.size(inbox.resolve("E06000003/ssda903/E06000003_ssda903_2025.xml")), baseline.otherBytes());
        assertTrue(baseline.seconds() > 0);
        assertEquals(List.of("101|01/04/2024|S", "102|02/04/2024|P, quoted", "201|03/04/2024|L"),
                rows(warehouse, "ssda903_episodes_c3"));
        assertEquals(List.of("A1|Home", "A2|Care", "A3|Care"), rows(warehouse, "missing_missing_c2"));
        assertEquals(List.of("TS1 1AA|E06000001"), rows(warehouse, "onspd_onspd_c2"));
        assertEquals("u", persistence(warehouse, "ssda903_episodes_c3"), "UNLOGGED: no WAL, the floor of loading");

        loader.drop();
        assertFalse(schemaExists(warehouse));
    }

    @Test
    void namesOneTablePerKindOfFileAndColumnCount() {
        assertEquals("ssda903_episodes_c20", RawCopyLoader.tableName(Path.of("E06000001/ssda903/episodes.csv"), 20));
        assertEquals("oversight_oversight_c14",
                RawCopyLoader.tableName(Path.of("E09000033/oversight/E09000033_oversight_2025.csv"), 14));
        assertEquals("ofsted_ofsted_childrens_homes_c11",
                RawCopyLoader.tableName(Path.of("national/ofsted/ofsted_childrens_homes_2025.csv"), 11));
    }

    private void write(String relative, String content) throws IOException {
        Path file = inbox.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static List<String> rows(WarehouseConnection warehouse, String table) throws SQLException {
        try (Connection connection = warehouse.open(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM " + SCHEMA + "." + table + " ORDER BY 1")) {
            List<String> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    values.add(result.getString(column));
                }
                rows.add(String.join("|", values));
            }
            return rows;
        }
    }

    private static String persistence(WarehouseConnection warehouse, String table) throws SQLException {
        try (Connection connection = warehouse.open(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT relpersistence FROM pg_class WHERE oid = '"
                     + SCHEMA + "." + table + "'::regclass")) {
            result.next();
            return result.getString(1);
        }
    }

    private static boolean schemaExists(WarehouseConnection warehouse) throws SQLException {
        try (Connection connection = warehouse.open(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = '" + SCHEMA + "'")) {
            result.next();
            return result.getInt(1) == 1;
        }
    }
}
