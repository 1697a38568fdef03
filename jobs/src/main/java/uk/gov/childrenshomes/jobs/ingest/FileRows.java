package uk.gov.childrenshomes.jobs.ingest;

import java.io.Closeable;

/** The data rows of one file of a submission, in file order. */
public interface FileRows extends Closeable {

    /** The next row, or null when the file has no more. */
    SourceRow next() throws Exception;

    FileRows EMPTY = new FileRows() {
        @Override
        public SourceRow next() {
            return null;
        }

        @Override
        public void close() {
        }
    };
}
