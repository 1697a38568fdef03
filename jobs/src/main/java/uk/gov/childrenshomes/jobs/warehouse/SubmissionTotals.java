package uk.gov.childrenshomes.jobs.warehouse;

/** A submission's state and row accounting (rows received = rows loaded + rows rejected). */
public record SubmissionTotals(long submissionId, String laCode, String returnCode, String state, String stateReason,
                               long rowsReceived, long rowsLoaded, long rowsRejected) {
}
