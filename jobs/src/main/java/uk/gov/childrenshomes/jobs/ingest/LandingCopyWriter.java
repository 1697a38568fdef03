package uk.gov.childrenshomes.jobs.ingest;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import uk.gov.childrenshomes.jobs.validation.ColumnSpecification;
import uk.gov.childrenshomes.jobs.validation.Finding;
import uk.gov.childrenshomes.jobs.validation.TableSpecification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a chunk with PostgreSQL {@code COPY}, on the chunk's own transaction: accepted rows into their landing
 * tables with lineage (submission, row number), every finding into ops.validation_issue, and the rows received,
 * loaded and rejected onto each file's counters. A chunk is thus all-or-nothing, counters included.
 */
public class LandingCopyWriter implements ItemWriter<ValidatedRow> {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    public LandingCopyWriter(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Keyed by the table's name: hashing the specification itself (every column's code list) cost more than the row. */
    private record Target(long submissionId, String tableName) {
    }

    private record Rows(TableSpecification table, CopyText text) {
    }

    private record FileKey(long submissionId, String fileName) {
    }

    @Override
    public void write(Chunk<? extends ValidatedRow> chunk) throws Exception {
        Map<Target, Rows> landing = new LinkedHashMap<>();
        CopyText issues = new CopyText();
        Map<FileKey, long[]> counts = new LinkedHashMap<>();
        for (ValidatedRow row : chunk) {
            SourceRow source = row.source();
            long submissionId = source.submission().submissionId();
            long[] fileCounts = counts.computeIfAbsent(new FileKey(submissionId, source.fileName()), key -> new long[2]);
            if (row.accepted()) {
                landing.computeIfAbsent(new Target(submissionId, source.table().name()), target -> new Rows(source.table(), new CopyText()))
                        .text().row(submissionId, source.rowNumber(), row.landingValues());
                fileCounts[0]++;
            } else {
                fileCounts[1]++;
            }
            for (Finding finding : row.findings()) {
                issues.row(submissionId, source.reportedFileName(), finding.rowNumber(), finding.rule().code(),
                        finding.severity().code(), finding.field(), finding.truncatedValue(), finding.message());
            }
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (Rows rows : landing.values()) {
                copy.copyIn(copyStatement(rows.table()), rows.text().reader());
            }
            if (!issues.isEmpty()) {
                copy.copyIn("COPY ops.validation_issue (submission_id, file_name, row_number, rule_code, severity, field_name,"
                        + " field_value, message) FROM STDIN (FORMAT csv)", issues.reader());
            }
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        jdbc.batchUpdate("""
                UPDATE ops.submission_file
                   SET rows_received = rows_received + ?, rows_loaded = rows_loaded + ?, rows_rejected = rows_rejected + ?
                 WHERE submission_id = ? AND file_name = ?
                """, counts.entrySet().stream().map(entry -> new Object[] {
                entry.getValue()[0] + entry.getValue()[1], entry.getValue()[0], entry.getValue()[1],
                entry.getKey().submissionId(), entry.getKey().fileName()}).toList());
    }

    static String copyStatement(TableSpecification table) {
        List<String> columns = table.storedColumns().stream().map(ColumnSpecification::landingColumn).toList();
        return "COPY " + table.landingTable() + " (submission_id, row_number, "
                + columns.stream().collect(Collectors.joining(", ")) + ") FROM STDIN (FORMAT csv)";
    }
}
