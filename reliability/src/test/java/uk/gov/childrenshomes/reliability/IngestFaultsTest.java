package uk.gov.childrenshomes.reliability;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.childrenshomes.reliability.support.ChildProcess;
import uk.gov.childrenshomes.reliability.support.Inbox;
import uk.gov.childrenshomes.reliability.support.Pipeline;
import uk.gov.childrenshomes.reliability.support.Submissions;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operators' faults during an ingest: the process killed with {@code kill -9} in the middle of an LA's load, and two
 * ingests of the same LA started at once (overlapping schedules). Afterwards every submission must be in the
 * warehouse exactly once and complete: its rows received = loaded + rejected, exactly its loaded rows in landing,
 * and one submission behind the LA's core facts.
 */
@ExtendWith(WarehouseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestFaultsTest {

    /** Big enough (several 5,000-row chunks for Birmingham) that the kill lands after a chunk committed, before the end. */
    private static final double KILL_SCALE = 0.25;

    private Pipeline pipeline;
    private Submissions submissions;

    @BeforeAll
    void setUp(WarehouseConnection warehouse, @TempDir Path work) {
        pipeline = new Pipeline(warehouse, work);
        submissions = new Submissions(warehouse);
    }

    @Test
    void anIngestKilledMidLoadThenRunAgainLeavesExactlyOneCompleteCopyOfEverySubmission(@TempDir Path work) {
        List<String> las = List.of("E08000025", "E06000001");
        Inbox inbox = Inbox.generated(pipeline, work.resolve("inbox"), KILL_SCALE, las);

        ChildProcess killed = pipeline.startIngest("ingest-killed", inbox.root());
        long interrupted = submissions.awaitPartiallyLoaded(killed, las);
        killed.killHard();
        assertTrue(submissions.landingRows(interrupted) > 0, "the kill came after rows were committed to landing");

        ChildProcess.Result rerun = pipeline.ingest("ingest-after-kill", inbox.root());
        assertEquals(0, rerun.exitCode(), rerun::describe);
        submissions.assertEveryReturnLoadedOnceAndComplete(inbox, las);
    }

    /**
     * Each return is loaded under a database lock per LA, return and year: the second ingest waits for the first
     * and then finds the content already loaded. Without the lock both runs load the same submissions, COPY hits
     * duplicate keys in landing and a return can end 'loaded' with none of its rows.
     */
    @Test
    void twoIngestsOfTheSameLaStartedTogetherNeverLoadItTwice(@TempDir Path work) {
        List<String> las = List.of("E06000005", "E06000006");
        Inbox inbox = Inbox.generated(pipeline, work.resolve("inbox"), 0.02, las);

        ChildProcess first = pipeline.startIngest("ingest-concurrent-1", inbox.root());
        ChildProcess second = pipeline.startIngest("ingest-concurrent-2", inbox.root());
        for (ChildProcess.Result result : List.of(first.waitFor(), second.waitFor())) {
            String output = result.output().toLowerCase();
            assertTrue(result.exitCode() == 0 || output.contains("another ingest") || output.contains("lock"),
                    () -> "neither done nor a clear refusal: " + result.describe());
        }
        submissions.assertEveryReturnLoadedOnceAndComplete(inbox, las);
    }
}
