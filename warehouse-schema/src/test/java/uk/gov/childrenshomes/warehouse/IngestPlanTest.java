package uk.gov.childrenshomes.warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plans ingest depends on at national volumes (issue 8): a submission's checks and refresh must scale with the
 * submission, not with the warehouse.
 */
@ExtendWith(WarehouseExtension.class)
class IngestPlanTest {

    /**
     * Ingest checks and refreshes a submission right after COPYing it, before ANALYZE has seen it (V75): the planner
     * must not take the new submission for a single row, or it plans nested loops quadratic in its size.
     */
    @Test
    void aSubmissionAnalyzeHasNotSeenIsNotEstimatedAtOneRow(WarehouseConnection warehouse) throws SQLException {
        try (Connection connection = warehouse.open(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                // 50 earlier submissions of 40 incidents each: fewer values than the statistics target, so ANALYZE
                // would list every one of them as a most common value.
                sql.execute("""
                        INSERT INTO ops.submission (la_code, return_code, collection_year, source, content_sha256, content_bytes)
                        SELECT 'E06000001', 'missing', 2025, 'test', lpad(n::text, 64, '0'), 0 FROM generate_series(1, 51) n
                        """);
                sql.execute("""
                        INSERT INTO landing.missing_incident (submission_id, row_number, incident_id, child_pseudonym,
                                                              missing_from, missing_type, mis_start)
                        SELECT s.submission_id, r, 'I' || r, 'child' || r, 'HOME', 'M', timestamp '2024-06-01' + r * interval '1 day'
                          FROM (SELECT submission_id FROM ops.submission ORDER BY submission_id LIMIT 50) s,
                               generate_series(1, 40) r
                        """);
                sql.execute("ANALYZE landing.missing_incident");
                String newest = text(sql, "SELECT max(submission_id) FROM ops.submission");
                String plan = text(sql, "EXPLAIN (FORMAT JSON) SELECT * FROM landing.missing_incident WHERE submission_id = " + newest);
                long estimate = Long.parseLong(plan.replaceAll("(?s).*\"Plan Rows\": ([0-9]+).*", "$1"));

                assertTrue(estimate > 1, "the planner expects " + estimate + " rows of the submission ANALYZE has not seen");
            } finally {
                connection.rollback();
            }
        }
    }

    /** A refresh replaces the rows of an LA's few earlier submissions through the index by submission (V76). */
    @Test
    void theEarlierSubmissionsOfAReturnAreExpectedToBeAFew(WarehouseConnection warehouse) throws SQLException {
        try (Connection connection = warehouse.open(); Statement sql = connection.createStatement()) {
            String plan = text(sql, "EXPLAIN (FORMAT JSON) SELECT core.sibling_submissions(1)");
            long estimate = Long.parseLong(plan.replaceAll("(?s).*\"Plan Rows\": ([0-9]+).*", "$1"));

            assertTrue(estimate < 10, "the planner expects " + estimate + " sibling submissions");
        }
    }

    /** The postcode helpers, rewritten in PL/pgSQL for speed (V76), still give what V8 defined. */
    @Test
    void postcodesAreNormalisedAndReducedToSectorsAsBefore(WarehouseConnection warehouse) throws SQLException {
        try (Connection connection = warehouse.open(); Statement sql = connection.createStatement()) {
            assertEquals("plpgsql,plpgsql", text(sql, """
                    SELECT string_agg(l.lanname, ',' ORDER BY p.proname) FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
                     WHERE p.pronamespace = 'core'::regnamespace AND p.proname IN ('normalise_postcode', 'postcode_sector')"""));
            assertEquals("TS1 1AA|TS1 1|SW1A 1AA|SW1A 1|||||||1234 567|", text(sql, """
                    SELECT string_agg(coalesce(core.normalise_postcode(v), '') || '|' || coalesce(core.postcode_sector(v), ''), '|' ORDER BY n)
                      FROM unnest(ARRAY['ts1  1aa', 'SW1A1AA', 'TS1', NULL, '12345 6AB', '1234567']) WITH ORDINALITY AS t (v, n)"""));
        }
    }

    /** LA codes resolve as V32 defined, through the PL/pgSQL rewrite for speed (V77). */
    @Test
    void laCodesResolveToTheLaOperatingOnTheDayAsBefore(WarehouseConnection warehouse) throws SQLException {
        try (Connection connection = warehouse.open(); Statement sql = connection.createStatement()) {
            assertEquals("plpgsql", text(sql, "SELECT l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang"
                    + " WHERE p.oid = 'core.la_key_on(text, date)'::regprocedure"));
            // Itself; Dorset unitary before it existed (its predecessor county); Cumbria after its split (not known);
            // Wales; blank.
            assertEquals("E06000001|E10000009|-1|-2|-1", text(sql, """
                    SELECT string_agg(coalesce(la.new_la_code, k.key::text), '|' ORDER BY n)
                      FROM (VALUES (1, ' e06000001 ', DATE '2024-03-31'), (2, 'E06000059', DATE '2018-03-31'),
                                   (3, 'E10000006', DATE '2024-03-31'), (4, 'W06000001', DATE '2024-03-31'),
                                   (5, '', DATE '2024-03-31')) AS t (n, code, day)
                     CROSS JOIN LATERAL (SELECT core.la_key_on(t.code, t.day) AS key) k
                      LEFT JOIN core.dim_local_authority la ON la.la_key = k.key AND k.key > 0"""));
        }
    }

    /** The Nth working day after a day is an index lookup, not a scan of dim_date (V78). */
    @Test
    void workingDaysAreLookedUpByIndex(WarehouseConnection warehouse) throws SQLException {
        try (Connection connection = warehouse.open(); Statement sql = connection.createStatement()) {
            String plan = text(sql, """
                    EXPLAIN (FORMAT JSON) SELECT min(later.calendar_date) FROM core.dim_date d
                      JOIN core.dim_date later ON later.working_day_number = d.working_day_number + 5 AND later.is_working_day
                     WHERE d.calendar_date = DATE '2024-12-20'""");

            assertTrue(!plan.contains("Seq Scan"), "the lookup scans dim_date: " + plan);
            // Friday 20 December 2024: counting the 5 working days after it skips Christmas Day and Boxing Day.
            assertEquals("2024-12-31", text(sql, "SELECT core.add_working_days(DATE '2024-12-20', 5)"));
        }
    }

    private static String text(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
