package uk.gov.childrenshomes.jobs.ingest;

import uk.gov.childrenshomes.jobs.validation.Finding;
import uk.gov.childrenshomes.jobs.validation.TableSpecification;

import java.util.List;

/**
 * One data row as read from an LA's file, before validation.
 *
 * @param values       raw values in the order of the table specification's columns (null where blank or absent)
 * @param fileRejected the row's file failed a structural rule: the row counts as received and rejected
 * @param findings     problems found while reading (field count, surrounding spaces)
 */
public record SourceRow(SubmissionToLoad submission, TableSpecification table, String fileName, long rowNumber,
                        String[] values, boolean fileRejected, List<Finding> findings) {

    /** The file as a validation report names it: with the table where one file carries several (XML export). */
    public String reportedFileName() {
        return table.matches(fileName) ? fileName : fileName + " [" + table.name() + "]";
    }
}
