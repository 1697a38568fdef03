package uk.gov.childrenshomes.publish.warehouse;

import uk.gov.childrenshomes.publish.release.QualityRow;
import uk.gov.childrenshomes.publish.release.Submission;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads of ops and pub: the accepted submissions behind a release, the per-LA submission status of its year and the
 * releases already published.
 */
public final class OpsRecords {

    /** The returns every LA sends, reported in quality.csv whether sent or not. */
    private static final String LA_RETURNS = "ARRAY['ssda903', 'missing', 'oversight']";

    private final Warehouse warehouse;

    public OpsRecords(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** The latest release of {@code year} loaded into pub (from any output folder), if any. */
    public Optional<String> latestRelease(int year) {
        try (Connection connection = warehouse.open(); PreparedStatement statement = connection.prepareStatement(
                "SELECT max(release_id) FROM pub.release WHERE reporting_year = ?")) {
            statement.setInt(1, year);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return Optional.ofNullable(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new WarehouseException("Cannot read pub.release", e);
        }
    }

    /** Accepted (loaded) submissions of every year up to {@code reportingYear}: the inputs of a release. */
    public List<Submission> acceptedSubmissions(int reportingYear) {
        String sql = """
                SELECT submission_id, la_code, return_code, collection_year, content_sha256,
                       rows_received, rows_loaded, rows_rejected
                  FROM ops.submission WHERE state = 'loaded' AND collection_year <= ?
                 ORDER BY collection_year, la_code, return_code, submission_id""";
        try (Connection connection = warehouse.open(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, reportingYear);
            List<Submission> submissions = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    submissions.add(new Submission(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getInt(4),
                            rows.getString(5), rows.getLong(6), rows.getLong(7), rows.getLong(8)));
                }
            }
            return submissions;
        } catch (SQLException e) {
            throw new WarehouseException("Cannot read ops.submission", e);
        }
    }

    /**
     * For every LA operating in the year and every LA return: the latest submission, its state, its row accounting
     * and its error findings counted by rule ("164: 3; 218: 1"); "not received" when the LA sent nothing.
     */
    public List<QualityRow> quality(int year) {
        String sql = """
                WITH latest AS (
                    SELECT DISTINCT ON (la_code, return_code) *
                      FROM ops.submission WHERE collection_year = ?
                     ORDER BY la_code, return_code, submission_id DESC)
                SELECT la.new_la_code, la.la_name, r.return_code, s.submission_id, coalesce(s.state, 'not received'),
                       s.rows_received, s.rows_loaded, s.rows_rejected,
                       (SELECT string_agg(rule_code || ': ' || findings, '; ' ORDER BY rule_code)
                          FROM (SELECT rule_code, count(*) AS findings FROM ops.validation_issue v
                                 WHERE v.submission_id = s.submission_id AND v.severity = 'error'
                                 GROUP BY rule_code) errors)
                  FROM core.las_operating_in(?) la
                 CROSS JOIN unnest(%s) AS r (return_code)
                  LEFT JOIN latest s ON s.la_code = la.new_la_code AND s.return_code = r.return_code
                 ORDER BY la.new_la_code, r.return_code""".formatted(LA_RETURNS);
        try (Connection connection = warehouse.open(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, year);
            statement.setInt(2, year);
            List<QualityRow> quality = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    quality.add(new QualityRow(rows.getString(1), rows.getString(2), rows.getString(3),
                            (Long) rows.getObject(4), rows.getString(5), (Long) rows.getObject(6),
                            (Long) rows.getObject(7), (Long) rows.getObject(8), rows.getString(9)));
                }
            }
            return quality;
        } catch (SQLException e) {
            throw new WarehouseException("Cannot read the submission status of " + year, e);
        }
    }
}
