package uk.gov.childrenshomes.jobs.ingest;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import uk.gov.childrenshomes.jobs.validation.ReturnSpecification;
import uk.gov.childrenshomes.jobs.validation.TableSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads every row of every file of one submission, file after file. A file that cannot be read is reported against
 * the submission and read as having no more rows: one LA's bad file never stops the step, and the file-level
 * finding rejects the submission when it is accepted, so rows read before the damage never count on their own.
 * The reader keeps no restart state: a restarted load clears the submission and starts again (the job's
 * prepare step), which is what makes a re-run leave exactly one copy.
 */
public class SubmissionRowReader implements ItemStreamReader<SourceRow> {

    private final SubmissionToLoad submission;
    private final ReturnSpecification specification;
    private final SubmissionFileOpener opener;
    private final Deque<SubmissionToLoad.File> pending = new ArrayDeque<>();
    private SubmissionToLoad.File currentFile;
    private FileRows current;

    public SubmissionRowReader(SubmissionToLoad submission, ReturnSpecification specification, SubmissionFileOpener opener) {
        this.submission = submission;
        this.specification = specification;
        this.opener = opener;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        pending.clear();
        boolean xmlExport = submission.files().stream().anyMatch(f -> f.tableName().equals(SubmissionToLoad.ALL_TABLES));
        for (TableSpecification table : specification.tables()) {
            boolean present = submission.files().stream().anyMatch(f -> f.tableName().equals(table.name()));
            if (table.required() && !present && !xmlExport) {
                opener.reportMissingTable(submission, table);
            }
        }
        pending.addAll(submission.files());
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
                current = opener.open(submission, currentFile, specification);
            } catch (IOException | RuntimeException e) {
                opener.reportUnreadable(submission, currentFile, e);
            }
        }
    }

    private SourceRow nextOrReport() throws Exception {
        try {
            return current.next();
        } catch (IOException | RuntimeException e) {
            // A damaged file (e.g. an unterminated quote) ends where it stops being readable.
            opener.reportUnreadable(submission, currentFile, e);
            return null;
        }
    }

    @Override
    public void close() {
        try {
            if (current != null) {
                current.close();
                current = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
