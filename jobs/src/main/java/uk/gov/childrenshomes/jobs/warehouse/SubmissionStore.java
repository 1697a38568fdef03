package uk.gov.childrenshomes.jobs.warehouse;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.gov.childrenshomes.jobs.ingest.FileFindings;
import uk.gov.childrenshomes.jobs.ingest.SubmissionToLoad;
import uk.gov.childrenshomes.jobs.validation.Finding;
import uk.gov.childrenshomes.jobs.validation.ReturnSpecification;
import uk.gov.childrenshomes.jobs.validation.TableSpecification;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The ops records of a submission as ingest loads, accepts or rejects it. */
@Repository
public class SubmissionStore implements FileFindings {

    private final JdbcTemplate jdbc;
    private final RefreshProcedures refreshProcedures;

    public SubmissionStore(JdbcTemplate jdbc, RefreshProcedures refreshProcedures) {
        this.jdbc = jdbc;
        this.refreshProcedures = refreshProcedures;
    }

    /** A registered submission with its files, in file-name order. */
    public SubmissionToLoad submissionToLoad(long submissionId) {
        List<SubmissionToLoad.File> files = jdbc.query("""
                SELECT file_name, table_name, source_path FROM ops.submission_file WHERE submission_id = ? ORDER BY file_name
                """, (rs, row) -> new SubmissionToLoad.File(rs.getString(1), rs.getString(2), Path.of(rs.getString(3))), submissionId);
        return jdbc.queryForObject("SELECT la_code, return_code, collection_year FROM ops.submission WHERE submission_id = ?",
                (rs, row) -> new SubmissionToLoad(submissionId, rs.getString(1), rs.getString(2), rs.getInt(3), List.copyOf(files)),
                submissionId);
    }

    /**
     * Clears whatever an interrupted earlier attempt left of a submission (landing rows, findings, counters), so
     * that loading it again yields exactly one copy.
     */
    public void prepareForLoad(SubmissionToLoad submission, ReturnSpecification specification) {
        deleteLandingRows(submission.submissionId(), specification);
        jdbc.update("DELETE FROM ops.validation_issue WHERE submission_id = ?", submission.submissionId());
        jdbc.update("UPDATE ops.submission_file SET rows_received = 0, rows_loaded = 0, rows_rejected = 0 WHERE submission_id = ?",
                submission.submissionId());
        jdbc.update("""
                UPDATE ops.submission SET state = 'loading', state_reason = NULL, rows_received = 0, rows_loaded = 0,
                       rows_rejected = 0, superseded_by = NULL, completed_at = NULL
                 WHERE submission_id = ?
                """, submission.submissionId());
    }

    @Override
    public void record(long submissionId, String fileName, Finding finding) {
        jdbc.update("""
                INSERT INTO ops.validation_issue (submission_id, file_name, row_number, rule_code, severity, field_name, field_value, message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, submissionId, fileName, finding.rowNumber(), finding.rule().code(), finding.severity().code(),
                finding.field(), finding.truncatedValue(), finding.message());
    }

    /**
     * Decides a loaded submission, in the caller's transaction: rejected as a whole when a file or submission rule
     * failed (its landing rows removed, every row counted rejected), otherwise loaded, superseding the LA's earlier
     * submission for the return and year, with the warehouse rebuilt from it by the return's refresh procedure.
     *
     * @return the reason when the submission was rejected
     */
    public Optional<String> accept(SubmissionToLoad submission, ReturnSpecification specification) {
        long id = submission.submissionId();
        Optional<String> rejection = jdbc.query("""
                SELECT file_name || ': ' || message FROM ops.validation_issue
                 WHERE submission_id = ? AND row_number IS NULL AND severity = 'error'
                 ORDER BY validation_issue_id LIMIT 1
                """, (rs, row) -> rs.getString(1), id).stream().findFirst();
        if (rejection.isPresent()) {
            deleteLandingRows(id, specification);
            jdbc.update("UPDATE ops.submission_file SET rows_loaded = 0, rows_rejected = rows_received WHERE submission_id = ?", id);
        }
        jdbc.update("""
                UPDATE ops.submission s
                   SET state = ?, state_reason = ?, rows_received = f.received, rows_loaded = f.loaded,
                       rows_rejected = f.rejected, completed_at = now()
                  FROM (SELECT coalesce(sum(rows_received), 0) AS received, coalesce(sum(rows_loaded), 0) AS loaded,
                               coalesce(sum(rows_rejected), 0) AS rejected
                          FROM ops.submission_file WHERE submission_id = ?) f
                 WHERE s.submission_id = ?
                """, rejection.isPresent() ? "rejected" : "loaded", rejection.orElse(null), id, id);
        if (rejection.isEmpty()) {
            if (specification.supersedesPrevious()) {
                jdbc.update("""
                        UPDATE ops.submission earlier SET state = 'superseded', superseded_by = given.submission_id
                          FROM ops.submission given
                         WHERE given.submission_id = ? AND earlier.la_code = given.la_code
                           AND earlier.return_code = given.return_code AND earlier.collection_year = given.collection_year
                           AND earlier.state = 'loaded' AND earlier.submission_id < given.submission_id
                        """, id);
            }
            refreshProcedures.call(specification.refreshProcedure(), id);
        }
        return rejection;
    }

    /** Marks a submission whose load failed for a system reason; a later run loads it again. */
    public void fail(long submissionId, String reason) {
        jdbc.update("UPDATE ops.submission SET state = 'failed', state_reason = ?, completed_at = now() WHERE submission_id = ?",
                reason, submissionId);
    }

    /** The submission's state and row totals as ops records them. */
    public SubmissionTotals totals(long submissionId) {
        return jdbc.queryForObject("""
                SELECT la_code, return_code, state, state_reason, rows_received, rows_loaded, rows_rejected
                  FROM ops.submission WHERE submission_id = ?
                """, (rs, row) -> new SubmissionTotals(submissionId, rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)), submissionId);
    }

    private void deleteLandingRows(long submissionId, ReturnSpecification specification) {
        specification.tables().stream().map(TableSpecification::landingTable).distinct()
                .forEach(table -> jdbc.update("DELETE FROM " + table + " WHERE submission_id = ?", submissionId));
    }
}
