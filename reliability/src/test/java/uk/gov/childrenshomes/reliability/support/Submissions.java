package uk.gov.childrenshomes.reliability.support;

import uk.gov.childrenshomes.warehouse.WarehouseConnection;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What the warehouse records about submissions ({@code ops}) and what of them is in {@code landing}. */
public final class Submissions {

    /** The returns every LA makes. */
    private static final List<String> LA_RETURNS = List.of("ssda903", "missing", "oversight");

    private final WarehouseConnection warehouse;

    public Submissions(WarehouseConnection warehouse) {
        this.warehouse = warehouse;
    }

    /** The one submission of an LA's return; fails if there is none or more than one. */
    public Map<String, Object> only(String laCode, String returnCode) {
        List<Map<String, Object>> rows = all(laCode, returnCode);
        assertEquals(1, rows.size(), () -> "submissions of " + laCode + " " + returnCode + ": " + rows);
        return rows.get(0);
    }

    public List<Map<String, Object>> all(String laCode, String returnCode) {
        return Sql.rows(warehouse, """
                SELECT submission_id, state, state_reason, rows_received, rows_loaded, rows_rejected
                  FROM ops.submission WHERE la_code = ? AND return_code = ? ORDER BY submission_id""", laCode, returnCode);
    }

    public static long id(Map<String, Object> submission) {
        return ((Number) submission.get("submission_id")).longValue();
    }

    public static long count(Map<String, Object> submission, String column) {
        return ((Number) submission.get(column)).longValue();
    }

    /** Rule codes of the findings on a submission, in order of row. */
    public List<String> ruleCodes(long submissionId) {
        return Sql.strings(warehouse, "SELECT rule_code FROM ops.validation_issue WHERE submission_id = ?"
                + " ORDER BY row_number NULLS FIRST, validation_issue_id", submissionId);
    }

    public List<Map<String, Object>> findings(long submissionId, String ruleCode) {
        return Sql.rows(warehouse, "SELECT row_number, field_name, field_value, message FROM ops.validation_issue"
                + " WHERE submission_id = ? AND rule_code = ? ORDER BY row_number NULLS FIRST", submissionId, ruleCode);
    }

    /** Every finding of a submission as one text (field, value, message), to look for what it names. */
    public String findingsText(long submissionId) {
        return String.join("\n", Sql.strings(warehouse, "SELECT concat_ws(' ', field_name, field_value, message)"
                + " FROM ops.validation_issue WHERE submission_id = ?", submissionId));
    }

    /** Rows of the submission in every landing table (each carries {@code submission_id}: the lineage convention). */
    public long landingRows(long submissionId) {
        List<String> tables = Sql.strings(warehouse, """
                SELECT table_schema || '.' || table_name FROM information_schema.columns
                 WHERE table_schema = 'landing' AND column_name = 'submission_id' ORDER BY 1""");
        long rows = 0;
        for (String table : tables) {
            rows += Sql.number(warehouse, "SELECT count(*) FROM " + table + " WHERE submission_id = ?", submissionId);
        }
        return rows;
    }

    /**
     * The accounting identity of one submission, end to end: received = loaded + rejected in ops (per submission
     * and summed over its files), and exactly the loaded rows are in landing, once.
     */
    public void assertAccounted(Map<String, Object> submission) {
        long id = id(submission);
        assertEquals(count(submission, "rows_received"), count(submission, "rows_loaded") + count(submission, "rows_rejected"),
                () -> "received = loaded + rejected for " + submission);
        Map<String, Object> files = Sql.rows(warehouse, """
                SELECT coalesce(sum(rows_received), 0) AS received, coalesce(sum(rows_loaded), 0) AS loaded
                  FROM ops.submission_file WHERE submission_id = ?""", id).get(0);
        assertEquals(count(submission, "rows_received"), ((Number) files.get("received")).longValue(),
                () -> "rows received of the files of " + submission);
        assertEquals(count(submission, "rows_loaded"), ((Number) files.get("loaded")).longValue(),
                () -> "rows loaded of the files of " + submission);
        if ("loaded".equals(submission.get("state"))) {
            assertEquals(count(submission, "rows_loaded"), landingRows(id), () -> "landing rows of " + submission);
        } else {
            assertFalse(landingRows(id) > 0, () -> "a submission not loaded left rows in landing: " + submission);
        }
    }

    /** The id of an LA submission the ingest is still loading with rows already in landing: the moment to strike. */
    public long awaitPartiallyLoaded(ChildProcess ingest, List<String> las) {
        return ingest.awaitWhileRunning("an LA's load had committed rows", () -> Sql.strings(warehouse,
                        "SELECT submission_id FROM ops.submission WHERE state = 'loading' AND la_code = ANY (?::text[])",
                        "{" + String.join(",", las) + "}")
                .stream().map(Long::valueOf).filter(id -> landingRows(id) > 0).findFirst());
    }

    /**
     * Every return (SSDA903, missing, oversight) of each LA has exactly one submission, loaded, with every data row of
     * its inbox files (all CSV, as the LAs given here deliver them) received and accounted for, and the LA's core
     * facts come from exactly one submission.
     */
    public void assertEveryReturnLoadedOnceAndComplete(Inbox inbox, List<String> las) {
        assertEveryReturnLoadedOnce(las);
        for (String la : las) {
            for (String returnCode : LA_RETURNS) {
                Map<String, Object> submission = only(la, returnCode);
                assertEquals(inbox.dataRows(la, returnCode), count(submission, "rows_received"), submission::toString);
            }
        }
    }

    /**
     * Every return (SSDA903, missing, oversight) of each LA has exactly one submission, loaded, its rows received
     * accounted for, and the LA's core facts come from exactly one submission.
     */
    public void assertEveryReturnLoadedOnce(List<String> las) {
        for (String la : las) {
            for (String returnCode : LA_RETURNS) {
                Map<String, Object> submission = only(la, returnCode);
                assertEquals("loaded", submission.get("state"), submission::toString);
                assertAccounted(submission);
            }
            assertEquals(1, Sql.number(warehouse, """
                    SELECT count(DISTINCT f.submission_id) FROM core.fact_missing_incident f
                      JOIN ops.submission s USING (submission_id) WHERE s.la_code = ?""", la),
                    () -> "core facts of " + la + " come from exactly one submission");
        }
    }
}
