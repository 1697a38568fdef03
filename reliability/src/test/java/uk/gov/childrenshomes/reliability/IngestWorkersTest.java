package uk.gov.childrenshomes.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.childrenshomes.reliability.support.AnalystView;
import uk.gov.childrenshomes.reliability.support.ChildProcess;
import uk.gov.childrenshomes.reliability.support.Inbox;
import uk.gov.childrenshomes.reliability.support.Pipeline;
import uk.gov.childrenshomes.reliability.support.Submissions;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.TestWarehouses;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ingest spread over workers, as docs/architecture.md ("Beyond one machine") describes it: each worker a process of
 * its own, with its own DATAPACK_HOME and its own copy of the inbox (as if it had pulled the returns itself), given a
 * share of the LAs with {@code --la}, all started together against one warehouse given by URL. Every worker also
 * meets the national reference files; exactly one of them loads each. The warehouse they leave must read exactly as
 * the one a single ingest of the same returns leaves.
 */
@ExtendWith(WarehouseExtension.class)
class IngestWorkersTest {

    /** The code national reference deliveries are registered under (jobs' InboxScanner). */
    private static final String NATIONAL_CODE = "E92000001";

    private static final List<List<String>> LAS_PER_WORKER = List.of(
            List.of("E06000001", "E08000025", "E09000033"),
            List.of("E06000005", "E10000014", "E08000003"));

    @Test
    void lasSpreadOverTwoWorkersLeaveTheWarehouseOneIngestWouldLeave(WarehouseConnection workersWarehouse,
                                                                       @TempDir Path work) {
        Pipeline pipeline = new Pipeline(workersWarehouse, work);
        List<String> las = LAS_PER_WORKER.stream().flatMap(List::stream).toList();
        Inbox inbox = Inbox.generated(pipeline, work.resolve("inbox"), 0.02, las);

        List<ChildProcess> workers = new ArrayList<>();
        for (int worker = 0; worker < LAS_PER_WORKER.size(); worker++) {
            Path machine = work.resolve("worker-" + (worker + 1));
            Path ownInbox = copy(inbox.root(), machine.resolve("inbox"));
            workers.add(pipeline.startIngest("ingest-worker-" + (worker + 1), ownInbox, LAS_PER_WORKER.get(worker),
                    workersWarehouse, machine.resolve("datapack-home")));
        }
        for (ChildProcess worker : workers) {
            ChildProcess.Result result = worker.waitFor();
            assertEquals(0, result.exitCode(), result::describe);
        }
        Submissions submissions = new Submissions(workersWarehouse);
        submissions.assertEveryReturnLoadedOnce(las);
        assertEquals(1, submissions.all(NATIONAL_CODE, "ofsted_register").size(),
                "the national register loaded once, by whichever worker came first");

        WarehouseConnection singleWarehouse = TestWarehouses.create("IngestWorkersTest: one ingest of the same returns");
        try {
            ChildProcess.Result single = pipeline.startIngest("ingest-single", inbox.root(), List.of(), singleWarehouse,
                    work.resolve("single-home")).waitFor();
            assertEquals(0, single.exitCode(), single::describe);
            assertSameView(AnalystView.of(singleWarehouse), AnalystView.of(workersWarehouse));
        } finally {
            TestWarehouses.drop(singleWarehouse);
        }
    }

    private static void assertSameView(Map<String, List<String>> single, Map<String, List<String>> workers) {
        assertEquals(single.keySet(), workers.keySet());
        for (String part : single.keySet()) {
            List<String> expected = single.get(part);
            List<String> actual = workers.get(part);
            List<String> onlySingle = expected.stream().filter(row -> !actual.contains(row)).limit(3).toList();
            List<String> onlyWorkers = actual.stream().filter(row -> !expected.contains(row)).limit(3).toList();
            assertEquals(expected, actual, () -> part + " differs: " + expected.size() + " rows from one ingest, "
                    + actual.size() + " from the workers; only in one ingest: " + onlySingle
                    + "; only from the workers: " + onlyWorkers);
        }
        assertFalse(single.get("mart.placement_location").isEmpty(), "the comparison covered placements");
        assertTrue(single.get("mart.missing_incidents").size() > 1, "the comparison covered missing incidents");
    }

    private static Path copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
