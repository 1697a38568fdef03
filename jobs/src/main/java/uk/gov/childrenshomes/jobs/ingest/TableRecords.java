package uk.gov.childrenshomes.jobs.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** A tabular file read record by record: a header row, then data rows (CSV, XLSX first sheet). */
interface TableRecords extends Closeable {

    /** The header cells, or null when the file has no rows at all. */
    List<String> header();

    /** The next data row's cells, or null at the end of the file. */
    List<String> next() throws IOException;
}
