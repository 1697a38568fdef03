package uk.gov.childrenshomes.jobs.ingest;

import uk.gov.childrenshomes.jobs.warehouse.SubmissionTotals;

/**
 * What an ingest run did with one delivery.
 *
 * @param processed false when the content was unchanged since an earlier run and so not processed again
 * @param failure   the system failure that stopped its load (the submission is then 'failed'), else null
 */
public record SubmissionOutcome(SubmissionTotals totals, boolean processed, double seconds, String failure) {
}
