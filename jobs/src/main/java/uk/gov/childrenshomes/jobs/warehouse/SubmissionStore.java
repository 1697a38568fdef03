package uk.gov.childrenshomes.jobs.warehouse;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.gov.childrenshomes.jobs.ingest.FileFindings;
import uk.gov.childrenshomes.jobs.ingest.SubmissionToLoad;
import uk.gov.childrenshomes.jobs.validation.Finding;
import uk.gov.childrenshomes.jobs.validation.ReturnSpecification;
import uk.gov.childrenshomes.jobs.validation.TableSpecification;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ops records of submissions as ingest reads and resets them. */
@Repository
public class SubmissionStore implements FileFindings {

    private final JdbcTemplate jdbc;

    public SubmissionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The submissions of one LA that an ingest run loads, with their files, oldest first. */
    public List<SubmissionToLoad> submissionsToLoad(long ingestRunId, String laCode) {
        Map<Long, SubmissionToLoad> submissions = new LinkedHashMap<>();
        jdbc.query("""
                SELECT s.submission_id, s.la_code, s.return_code, s.collection_year, f.file_name, f.table_name, f.source_path
                  FROM ops.ingest_run_submission r
                  JOIN ops.submission s ON s.submission_id = r.submission_id
                  JOIN ops.submission_file f ON f.submission_id = s.submission_id
                 WHERE r.ingest_run_id = ? AND s.la_code = ?
                 ORDER BY s.submission_id, f.file_name
                """, rs -> {
            SubmissionToLoad submission = submissions.computeIfAbsent(rs.getLong(1), id -> {
                try {
                    return new SubmissionToLoad(id, rs.getString(2), rs.getString(3), rs.getInt(4), new ArrayList<>());
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            submission.files().add(new SubmissionToLoad.File(rs.getString(5), rs.getString(6), Path.of(rs.getString(7))));
        }, ingestRunId, laCode);
        return List.copyOf(submissions.values());
    }

    /**
     * Clears whatever an interrupted earlier attempt left of a submission (landing rows, findings, counters), so
     * that loading it again yields exactly one copy.
     */
    public void prepareForLoad(SubmissionToLoad submission, ReturnSpecification specification) {
        for (TableSpecification table : specification.tables()) {
            jdbc.update("DELETE FROM " + table.landingTable() + " WHERE submission_id = ?", submission.submissionId());
        }
        jdbc.update("DELETE FROM ops.validation_issue WHERE submission_id = ?", submission.submissionId());
        jdbc.update("UPDATE ops.submission_file SET rows_received = 0, rows_loaded = 0, rows_rejected = 0 WHERE submission_id = ?",
                submission.submissionId());
        jdbc.update("""
                UPDATE ops.submission SET state = 'loading', state_reason = NULL, rows_received = 0, rows_loaded = 0,
                       rows_rejected = 0, completed_at = NULL
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
}
