package uk.gov.childrenshomes.publish.release;

import java.util.List;

/** One line of quality.csv: what an LA operating in the year sent for one return, and what became of it. */
public record QualityRow(String laCode, String laName, String returnCode, Long submissionId, String status,
                         Long rowsSent, Long rowsAccepted, Long rowsRejected, String errorsByRule) {

    public static final List<String> HEADER = List.of("new_la_code", "la_name", "return_code", "submission_id",
            "status", "rows_sent", "rows_accepted", "rows_rejected", "errors_by_rule");

    public List<String> cells() {
        return List.of(laCode, laName, returnCode, text(submissionId), status, text(rowsSent), text(rowsAccepted),
                text(rowsRejected), errorsByRule == null ? "" : errorsByRule);
    }

    private static String text(Long value) {
        return value == null ? "" : value.toString();
    }
}
