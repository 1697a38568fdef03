package uk.gov.childrenshomes.jobs.status;

import java.util.Map;

/** The latest submission of one LA's return for a year, with its error and query counts by rule code. */
public record ReturnStatus(String laCode, String returnCode, long submissionId, String state, String stateReason,
                           long rowsReceived, long rowsLoaded, long rowsRejected, String receivedAt,
                           Map<String, Long> findingsByRule) {
}
