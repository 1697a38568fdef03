package uk.gov.childrenshomes.jobs.ingest;

import uk.gov.childrenshomes.jobs.validation.Finding;

/** Where file-level findings (structure, encoding, header) go as soon as they are made. */
@FunctionalInterface
public interface FileFindings {

    void record(long submissionId, String fileName, Finding finding);
}
