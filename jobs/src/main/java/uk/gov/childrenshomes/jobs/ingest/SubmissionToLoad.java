package uk.gov.childrenshomes.jobs.ingest;

import java.nio.file.Path;
import java.util.List;

/** A submission an ingest run loads, with the files it was registered with. */
public record SubmissionToLoad(long submissionId, String laCode, String returnCode, int collectionYear, List<File> files) {

    /** Table name of a file that holds every table of the return (the EXPSSDA903 XML export). */
    public static final String ALL_TABLES = "*";
    /** Table name of a file the return does not use. */
    public static final String UNRECOGNISED = "unrecognised";
    /** Table name of a second file for a table that already has one in the submission. */
    public static final String DUPLICATE = "duplicate";

    public record File(String fileName, String tableName, Path path) {
    }
}
