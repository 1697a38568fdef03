package uk.gov.childrenshomes.jobs.ingest;

import uk.gov.childrenshomes.jobs.validation.Finding;

import java.util.List;

/**
 * A row after validation and pseudonymisation.
 *
 * @param landingValues values for the landing table's stored columns, in specification order; null when rejected
 */
public record ValidatedRow(SourceRow source, String[] landingValues, List<Finding> findings) {

    public boolean accepted() {
        return landingValues != null;
    }
}
