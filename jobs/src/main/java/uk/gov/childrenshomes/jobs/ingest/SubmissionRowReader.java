package uk.gov.childrenshomes.jobs.ingest;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import uk.gov.childrenshomes.jobs.validation.ReturnSpecification;
import uk.gov.childrenshomes.jobs.validation.ReturnSpecifications;
import uk.gov.childrenshomes.jobs.validation.TableSpecification;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads every row of every file of one LA's submissions in an ingest run, file after file. A file that cannot be
 * read is reported against its submission and read as empty: one LA's bad file never stops the step.
 * The reader keeps no restart state: a restarted load starts its submissions again from a clean slate
 * (see {@link SubmissionLoadPreparation}).
 */
public class SubmissionRowReader implements ItemStreamReader<SourceRow> {

    private record PendingFile(SubmissionToLoad submission, ReturnSpecification specification, SubmissionToLoad.File file) {
    }

    private final Deque<PendingFile> pending = new ArrayDeque<>();
    private final SubmissionFileOpener opener;
    private PendingFile currentFile;
    private FileRows current;

    private final List<SubmissionToLoad> submissions;
    private final ReturnSpecifications specifications;

    public SubmissionRowReader(List<SubmissionToLoad> submissions, ReturnSpecifications specifications, SubmissionFileOpener opener) {
        this.submissions = submissions;
        this.specifications = specifications;
        this.opener = opener;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        pending.clear();
        for (SubmissionToLoad submission : submissions) {
            ReturnSpecification specification = specifications.forYear(submission.returnCode(), submission.collectionYear());
            boolean xmlExport = submission.files().stream().anyMatch(f -> f.tableName().equals(SubmissionToLoad.ALL_TABLES));
            for (TableSpecification table : specification.tables()) {
                boolean present = submission.files().stream().anyMatch(f -> f.tableName().equals(table.name()));
                if (table.required() && !present && !xmlExport) {
                    opener.reportMissingTable(submission, table);
                }
            }
            submission.files().forEach(file -> pending.add(new PendingFile(submission, specification, file)));
        }
    }

    @Override
    public SourceRow read() throws Exception {
        while (true) {
            if (current != null) {
                SourceRow row = nextOrReport();
                if (row != null) {
                    return row;
                }
                current.close();
                current = null;
            }
            currentFile = pending.poll();
            if (currentFile == null) {
                return null;
            }
            try {
                current = opener.open(currentFile.submission(), currentFile.file(), currentFile.specification());
            } catch (Exception e) {
                opener.reportUnreadable(currentFile.submission(), currentFile.file(), e);
            }
        }
    }

    private SourceRow nextOrReport() throws Exception {
        try {
            return current.next();
        } catch (java.io.IOException | RuntimeException e) {
            // A damaged file (e.g. an unterminated quote) ends where it stops being readable; the report says so
            // and the finding rejects the submission, so rows read so far never reach the warehouse on their own.
            opener.reportUnreadable(currentFile.submission(), currentFile.file(), e);
            return null;
        }
    }

    @Override
    public void close() {
        try {
            if (current != null) {
                current.close();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
