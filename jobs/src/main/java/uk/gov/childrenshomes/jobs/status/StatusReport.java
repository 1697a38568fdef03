package uk.gov.childrenshomes.jobs.status;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code status --year YYYY}: per LA and return, the state of the latest submission, its rows received, loaded and
 * rejected and its findings by rule code, as a table for people or JSON for machines (Airflow).
 */
@Component
public class StatusReport {

    private final JdbcTemplate jdbc;

    public StatusReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<ReturnStatus> statuses(int collectionYear) {
        Map<Long, Map<String, Long>> findings = new LinkedHashMap<>();
        jdbc.query("""
                SELECT i.submission_id, i.rule_code, count(*) FROM ops.validation_issue i
                  JOIN ops.submission s ON s.submission_id = i.submission_id
                 WHERE s.collection_year = ? GROUP BY i.submission_id, i.rule_code ORDER BY i.submission_id, i.rule_code
                """, rs -> {
            findings.computeIfAbsent(rs.getLong(1), id -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
        }, collectionYear);
        return jdbc.query("""
                SELECT DISTINCT ON (la_code, return_code) submission_id, la_code, return_code, state, state_reason,
                       rows_received, rows_loaded, rows_rejected, to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                  FROM ops.submission WHERE collection_year = ?
                 ORDER BY la_code, return_code, submission_id DESC
                """, (rs, row) -> new ReturnStatus(rs.getString(2), rs.getString(3), rs.getLong(1), rs.getString(4),
                rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getString(9),
                findings.getOrDefault(rs.getLong(1), Map.of())), collectionYear);
    }

    public void printText(int collectionYear, PrintStream out) {
        List<ReturnStatus> statuses = statuses(collectionYear);
        if (statuses.isEmpty()) {
            out.println("No submissions for collection year " + collectionYear + ".");
            return;
        }
        out.printf(Locale.ROOT, "%-9s  %-15s  %-10s  %12s  %12s  %12s  %s%n", "LA", "return", "state", "received", "loaded",
                "rejected", "findings by rule");
        for (ReturnStatus status : statuses) {
            out.printf(Locale.ROOT, "%-9s  %-15s  %-10s  %,12d  %,12d  %,12d  %s%n", status.laCode(), status.returnCode(),
                    status.state(), status.rowsReceived(), status.rowsLoaded(), status.rowsRejected(),
                    status.findingsByRule().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .reduce((a, b) -> a + " " + b).orElse(""));
        }
    }

    public void printJson(int collectionYear, PrintStream out) {
        StringBuilder json = new StringBuilder("{\"collection_year\":").append(collectionYear).append(",\"returns\":[");
        List<ReturnStatus> statuses = statuses(collectionYear);
        for (int i = 0; i < statuses.size(); i++) {
            ReturnStatus status = statuses.get(i);
            json.append(i == 0 ? "" : ",").append("{\"la_code\":").append(string(status.laCode()))
                    .append(",\"return_code\":").append(string(status.returnCode()))
                    .append(",\"submission_id\":").append(status.submissionId())
                    .append(",\"state\":").append(string(status.state()))
                    .append(",\"state_reason\":").append(string(status.stateReason()))
                    .append(",\"rows_received\":").append(status.rowsReceived())
                    .append(",\"rows_loaded\":").append(status.rowsLoaded())
                    .append(",\"rows_rejected\":").append(status.rowsRejected())
                    .append(",\"received_at\":").append(string(status.receivedAt()))
                    .append(",\"findings_by_rule\":{");
            int rule = 0;
            for (Map.Entry<String, Long> entry : status.findingsByRule().entrySet()) {
                json.append(rule++ == 0 ? "" : ",").append(string(entry.getKey())).append(':').append(entry.getValue());
            }
            json.append("}}");
        }
        out.println(json.append("]}"));
    }

    private static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
