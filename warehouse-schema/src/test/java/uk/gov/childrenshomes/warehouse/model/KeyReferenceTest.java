package uk.gov.childrenshomes.warehouse.model;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.childrenshomes.warehouse.model.Returns.HARTLEPOOL;
import static uk.gov.childrenshomes.warehouse.model.Returns.MIDDLESBROUGH;

/**
 * V79: the landing tables and core facts hold no foreign keys (checked row by row, they were half of the ingest's
 * database time); their relationships are catalogued in ops.key_reference and audited by ops.orphan_keys, which finds
 * none after the refresh procedures have built every fact (first loads, a resubmission, refresh_all) and finds a
 * key that refers to nothing.
 */
@ExtendWith(WarehouseExtension.class)
class KeyReferenceTest {

    private Returns returns;
    private long hartlepool;

    @BeforeEach
    void everyFact(WarehouseConnection warehouse) throws SQLException {
        returns = new Returns(warehouse);
        returns.postcode("TS24 7AA", HARTLEPOOL, 450000, 530000);
        returns.postcode("TS1 1AA", MIDDLESBROUGH, 450000, 520000);
        returns.adjacency(HARTLEPOOL, MIDDLESBROUGH);
        long register = returns.submission("national", "ofsted_register", 2025);
        returns.registeredHome(register, 1, "SC000001");
        returns.call("core.refresh_ofsted_register", register);
        hartlepool = returns.submission(HARTLEPOOL, "ssda903", 2025);
        returns.episode(hartlepool, 1, "h1", "home_postcode", "TS24 7AA", "placement_postcode", "TS1 1AA",
                "placement_type", "K2", "urn", "SC000001");
        returns.episode(hartlepool, 2, "h2", "home_postcode", "TS24 7AA", "placement_postcode", "ZZ9 9ZZ");
        returns.call("core.refresh_ssda903", hartlepool);
        long missing = returns.submission(HARTLEPOOL, "missing", 2025);
        returns.missingIncident(missing, 1, "h1", "placed_out_of_area", "Y", "host_la", MIDDLESBROUGH);
        returns.call("core.refresh_missing", missing);
        long oversight = returns.submission(HARTLEPOOL, "oversight", 2025);
        returns.oversightPlacement(oversight, 1, "h1", "place", "K2", "urn", "SC000001");
        returns.call("core.refresh_oversight", oversight);
    }

    @AfterEach
    void rollBack() throws SQLException {
        returns.close();
    }

    @Test
    void landingAndFactsHaveNoForeignKeysAndTheCatalogueHoldsTheirRelationships() throws SQLException {
        assertEquals(0L, returns.value("""
                SELECT count(*) FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
                  JOIN pg_namespace n ON n.oid = r.relnamespace
                 WHERE c.contype = 'f' AND (n.nspname = 'landing' OR (n.nspname = 'core' AND r.relname LIKE 'fact\\_%'))"""));
        List<Map<String, Object>> references = returns.rows("""
                SELECT referencing_table, array_to_string(referencing_columns, ',') AS referencing_columns,
                       referenced_table, array_to_string(referenced_columns, ',') AS referenced_columns
                  FROM ops.key_reference""");
        for (Map<String, String> expected : List.<Map<String, String>>of(
                Map.of("referencing_table", "landing.ssda903_episode", "referencing_columns", "submission_id",
                        "referenced_table", "ops.submission", "referenced_columns", "submission_id"),
                Map.of("referencing_table", "core.fact_placement_episode", "referencing_columns", "child_key",
                        "referenced_table", "core.dim_child", "referenced_columns", "child_key"),
                Map.of("referencing_table", "core.fact_looked_after_31_march", "referencing_columns", "snapshot_year,episode_key",
                        "referenced_table", "core.fact_placement_episode", "referenced_columns", "collection_year,episode_key"),
                Map.of("referencing_table", "core.fact_out_of_area_placement", "referencing_columns", "host_la_key",
                        "referenced_table", "core.dim_local_authority", "referenced_columns", "la_key"))) {
            assertTrue(references.contains(Map.<String, Object>copyOf(expected)), "catalogued: " + expected);
        }
        assertTrue(references.size() >= 40, "every relationship the foreign keys declared: " + references.size());
    }

    @Test
    void everyKeyResolvesAfterLoadsAResubmissionAndRefreshAll() throws SQLException {
        long corrected = returns.submission(HARTLEPOOL, "ssda903", 2025);
        returns.episode(corrected, 1, "h3", "home_postcode", "TS24 7AA", "placement_postcode", "TS24 7AA");
        returns.call("core.refresh_ssda903", corrected);
        returns.update("CALL core.refresh_all(2025)");

        assertTrue(returns.value("SELECT count(*) FROM core.fact_placement_episode") instanceof Long count && count > 0);
        assertEquals(1L, returns.value("SELECT count(*) FROM core.fact_missing_incident"));
        assertEquals(1L, returns.value("SELECT count(*) FROM core.fact_out_of_area_placement"));
        assertEquals(List.of(), returns.rows("SELECT * FROM ops.orphan_keys(NULL)"));
    }

    @Test
    void aKeyThatRefersToNothingIsFoundInItsSubmissionOnly() throws SQLException {
        returns.update("UPDATE core.fact_placement_episode SET child_key = -999 WHERE submission_id = ? AND source_row_number = 2",
                hartlepool);
        returns.update("UPDATE core.fact_looked_after_31_march SET placement_la_key = -999 WHERE submission_id = ?", hartlepool);

        List<Map<String, Object>> expected = List.of(
                Map.of("referencing_table", "core.fact_looked_after_31_march", "referencing_columns", "placement_la_key",
                        "referenced_table", "core.dim_local_authority", "orphan_rows", 2L),
                Map.of("referencing_table", "core.fact_placement_episode", "referencing_columns", "child_key",
                        "referenced_table", "core.dim_child", "orphan_rows", 1L));
        String orphans = """
                SELECT referencing_table, array_to_string(referencing_columns, ',') AS referencing_columns,
                       referenced_table, orphan_rows FROM ops.orphan_keys(%s)""";
        assertEquals(expected, returns.rows(orphans.formatted("ARRAY[" + hartlepool + "]::bigint[]")));
        assertEquals(expected, returns.rows(orphans.formatted("NULL")));
        assertEquals(List.of(), returns.rows(orphans.formatted("ARRAY[" + (hartlepool + 1000) + "]::bigint[]")));
    }
}
