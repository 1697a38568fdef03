package uk.gov.childrenshomes.publish.warehouse;

import uk.gov.childrenshomes.publish.ees.EesTable;
import uk.gov.childrenshomes.publish.release.OutputFile;
import uk.gov.childrenshomes.publish.release.Submission;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * Loads a release into the warehouse pub schema (V70+): the release, its files, its inputs and every table exactly
 * as published, in one transaction that the caller commits only once the release directory has appeared.
 */
public final class PubLoader {

    private final Warehouse warehouse;

    public PubLoader(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** A release loaded but not yet committed. */
    public interface PendingLoad extends AutoCloseable {
        void commit() throws SQLException;

        @Override
        void close() throws SQLException;
    }

    public PendingLoad load(String releaseId, int year, Instant builtAt, String codeVersion, String policyJson,
                            String manifestJson, List<OutputFile> files, List<Submission> inputs,
                            List<EesTable> tables) throws SQLException {
        Connection connection = warehouse.open();
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement release = connection.prepareStatement("""
                    INSERT INTO pub.release (release_id, reporting_year, published_at, code_version, disclosure_policy, manifest)
                    VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb)""")) {
                release.setString(1, releaseId);
                release.setInt(2, year);
                release.setTimestamp(3, Timestamp.from(builtAt));
                release.setString(4, codeVersion);
                release.setString(5, policyJson);
                release.setString(6, manifestJson);
                release.executeUpdate();
            }
            try (PreparedStatement file = connection.prepareStatement(
                    "INSERT INTO pub.release_file (release_id, path, data_rows, bytes, sha256) VALUES (?, ?, ?, ?, ?)")) {
                for (OutputFile output : files) {
                    file.setString(1, releaseId);
                    file.setString(2, output.path());
                    file.setObject(3, output.dataRows(), Types.BIGINT);
                    file.setLong(4, output.bytes());
                    file.setString(5, output.sha256());
                    file.addBatch();
                }
                file.executeBatch();
            }
            try (PreparedStatement input = connection.prepareStatement("""
                    INSERT INTO pub.release_input (release_id, submission_id, la_code, return_code, collection_year,
                                                   content_sha256, rows_loaded, rows_rejected)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (Submission submission : inputs) {
                    input.setString(1, releaseId);
                    input.setLong(2, submission.submissionId());
                    input.setString(3, submission.laCode());
                    input.setString(4, submission.returnCode());
                    input.setInt(5, submission.collectionYear());
                    input.setString(6, submission.contentSha256());
                    input.setLong(7, submission.rowsLoaded());
                    input.setLong(8, submission.rowsRejected());
                    input.addBatch();
                }
                input.executeBatch();
            }
            for (EesTable table : tables) {
                loadTable(connection, releaseId, table);
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            connection.close();
            throw e;
        }
        return new PendingLoad() {
            @Override
            public void commit() throws SQLException {
                connection.commit();
            }

            @Override
            public void close() throws SQLException {
                if (!connection.isClosed()) {
                    connection.rollback();
                    connection.close();
                }
            }
        };
    }

    /** pub.<table> has release_id, row_number and the published columns, in the CSV's order; blanks become null. */
    private static void loadTable(Connection connection, String releaseId, EesTable table) throws SQLException {
        String columns = String.join(", ", table.columns());
        String placeholders = "?, ?" + ", ?".repeat(table.columns().size());
        int timePeriod = table.columnIndex(EesTable.TIME_PERIOD);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pub." + table.name()
                + " (release_id, row_number, " + columns + ") VALUES (" + placeholders + ")")) {
            int rowNumber = 0;
            for (List<String> row : table.rows()) {
                insert.setString(1, releaseId);
                insert.setInt(2, ++rowNumber);
                for (int i = 0; i < row.size(); i++) {
                    if (i == timePeriod) {
                        insert.setInt(i + 3, Integer.parseInt(row.get(i)));
                    } else {
                        insert.setString(i + 3, row.get(i).isEmpty() ? null : row.get(i));
                    }
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
