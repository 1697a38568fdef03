package uk.gov.childrenshomes.publish.release;

/** An accepted submission a release is built from (ops.submission). */
public record Submission(long submissionId, String laCode, String returnCode, int collectionYear, String contentSha256,
                         long rowsReceived, long rowsLoaded, long rowsRejected) {
}
