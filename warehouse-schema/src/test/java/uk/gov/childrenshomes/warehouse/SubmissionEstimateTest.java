package uk.gov.childrenshomes.warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ingest checks and refreshes a submission right after COPYing it, before ANALYZE has seen it (V75): the planner
 * must not take the new submission for a single row, or it plans nested loops that are quadratic in its size.
 */
@ExtendWith(WarehouseExtension.class)
class SubmissionEstimateTest {

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

    private static String text(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
