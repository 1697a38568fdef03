package uk.gov.childrenshomes.warehouse.model;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.childrenshomes.warehouse.model.Returns.HARTLEPOOL;

/**
 * The roles the migrations create, each tried by taking it on (SET ROLE): the loader loads and refreshes, the
 * analyst reads mart and pub only (never landing, core, postcodes, pseudonyms or ops file paths), the publisher
 * reads core and mart and writes pub. Also: nothing an analyst can read names or locates a child.
 */
@ExtendWith(WarehouseExtension.class)
class AccessControlTest {

    private static final String ANALYST = "datapack_analyst";
    private static final String LOADER = "datapack_loader";
    private static final String PUBLISHER = "datapack_publisher";

    private Returns returns;

    @BeforeEach
    void open(WarehouseConnection warehouse) throws SQLException {
        returns = new Returns(warehouse);
    }

    @AfterEach
    void rollBack() throws SQLException {
        returns.close();
    }

    /** Runs the statement as the role; true if it was allowed, false if refused for want of privilege. */
    private boolean allowed(String role, String sql) throws SQLException {
        Savepoint savepoint = returns.connection().setSavepoint();
        try (Statement statement = returns.connection().createStatement()) {
            statement.execute("SET ROLE " + role);
            statement.execute(sql);
            statement.execute("RESET ROLE");
            returns.connection().releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            returns.connection().rollback(savepoint);
            assertEquals("42501", e.getSQLState(), "expected a privilege error, got: " + e.getMessage());
            return false;
        }
    }

    private List<String> relations(String schema) throws SQLException {
        return returns.rows("""
                SELECT n.nspname || '.' || c.relname AS relation FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v') AND NOT c.relispartition ORDER BY 1""", schema)
                .stream().map(r -> (String) r.get("relation")).toList();
    }

    private void loadAsLoader() throws SQLException {
        long submission = returns.submission(HARTLEPOOL, "ssda903", 2025, "loading");
        returns.postcode("TS24 7AA", HARTLEPOOL, 450000, 530000);
        assertTrue(allowed(LOADER, "INSERT INTO landing.ssda903_episode (submission_id, row_number, child_pseudonym, episode_start,"
                + " legal_status, placement_type, home_postcode, placement_postcode) VALUES (" + submission
                + ", 1, 'a3f9c2', DATE '2024-01-10', 'C2', 'U4', 'TS24 7AA', 'TS24 7AA')"));
        assertTrue(allowed(LOADER, "INSERT INTO landing.ssda903_header (submission_id, row_number, child_pseudonym, sex, date_of_birth)"
                + " VALUES (" + submission + ", 1, 'a3f9c2', '2', DATE '2010-05-17')"));
        assertTrue(allowed(LOADER, "CALL core.refresh_ssda903(" + submission + ")"));
        assertTrue(allowed(LOADER, "UPDATE ops.submission SET state = 'loaded' WHERE submission_id = " + submission));
    }

    @Test
    void loaderLoadsLandingRefreshesCoreAndCannotTouchReleases() throws SQLException {
        loadAsLoader();
        assertEquals(1L, returns.value("SELECT count(*) FROM core.fact_looked_after_31_march"));
        assertFalse(allowed(LOADER, "SELECT * FROM pub.release"));
        assertFalse(allowed(LOADER, "SELECT * FROM mart.placement_location"));
    }

    @Test
    void analystReadsEveryMartAndPubRelationAndNothingElse() throws SQLException {
        loadAsLoader();
        List<String> readable = new ArrayList<>(relations("mart"));
        readable.addAll(relations("pub"));
        assertTrue(readable.contains("mart.placement_location") && readable.contains("pub.placement_location"));
        for (String relation : readable) {
            assertTrue(allowed(ANALYST, "SELECT * FROM " + relation), ANALYST + " reads " + relation);
        }
        assertEquals(1L, returns.value("SELECT count(*) FROM mart.placement_location"));
        for (String schema : List.of("landing", "core", "ops")) {
            for (String relation : relations(schema)) {
                assertFalse(allowed(ANALYST, "SELECT * FROM " + relation), ANALYST + " must not read " + relation);
            }
        }
        assertFalse(allowed(ANALYST, "CALL core.refresh_all(2025)"));
        assertFalse(allowed(ANALYST, "INSERT INTO pub.release VALUES ('2025-r001', 2025, now(), 'x', '{}', '{}')"));
    }

    @Test
    void publisherReadsCoreAndMartWritesPubAndNeverReadsLanding() throws SQLException {
        assertTrue(allowed(PUBLISHER, "SELECT * FROM core.fact_looked_after_31_march"));
        assertTrue(allowed(PUBLISHER, "SELECT * FROM mart.accepted_return"));
        assertTrue(allowed(PUBLISHER, "INSERT INTO pub.release VALUES ('2025-r001', 2025, now(), 'x', '{}', '{}')"));
        assertFalse(allowed(PUBLISHER, "SELECT * FROM landing.ssda903_episode"));
        assertFalse(allowed(PUBLISHER, "SELECT * FROM landing.onspd_postcode"));
        assertFalse(allowed(PUBLISHER, "INSERT INTO core.la_adjacency VALUES ('a', 'b', 1, 1)"));
    }

    @Test
    void noMartOrPubColumnHoldsAChildIdADateOfBirthOrAFullPostcode() throws SQLException {
        loadAsLoader();
        List<Map<String, Object>> columns = returns.rows("""
                SELECT c.table_schema, c.table_name, c.column_name, c.data_type FROM information_schema.columns c
                  JOIN pg_class t ON t.relname = c.table_name JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = c.table_schema
                 WHERE c.table_schema IN ('mart', 'pub') AND NOT t.relispartition ORDER BY 1, 2, 3""");
        for (Map<String, Object> column : columns) {
            String name = (String) column.get("column_name");
            assertFalse(name.matches(".*(pseudonym|child_id|birth|dob|postcode|child_key|setting_name|address).*"),
                    column + " names an identifier");
            if ("text".equals(column.get("data_type")) && "mart".equals(column.get("table_schema"))) {
                String relation = column.get("table_schema") + "." + column.get("table_name");
                assertEquals(0L, returns.value("SELECT count(*) FROM " + relation + " WHERE " + name
                        + " ~ '^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$' OR " + name
                        + " IN (SELECT child_pseudonym FROM core.dim_child)"), relation + "." + name + " holds a postcode or pseudonym");
            }
        }
        assertEquals(LocalDate.of(2010, 5, 1), returns.value("SELECT birth_month FROM core.dim_child WHERE child_pseudonym = 'a3f9c2'"),
                "even core keeps only the month of birth");
    }
}
