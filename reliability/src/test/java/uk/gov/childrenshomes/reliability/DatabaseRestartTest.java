package uk.gov.childrenshomes.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.childrenshomes.reliability.support.ChildProcess;
import uk.gov.childrenshomes.reliability.support.Inbox;
import uk.gov.childrenshomes.reliability.support.Pipeline;
import uk.gov.childrenshomes.reliability.support.Sql;
import uk.gov.childrenshomes.reliability.support.Submissions;
import uk.gov.childrenshomes.warehouse.EmbeddedWarehouseServer;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.WarehouseMigrator;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL restarted (stopped with pg_ctl, then started again) while the packaged ingest is loading an LA: the run
 * must end rather than hang, the load in flight must not be visible to analysts, and a re-run loads every return
 * once and completely. The test has a PostgreSQL server of its own, since the test kit's server is shared.
 */
class DatabaseRestartTest {

    private static final List<String> LAS = List.of("E08000035", "E06000004");

    @Test
    void aDatabaseRestartMidLoadLeavesNothingHalfLoadedVisibleAndARerunLoadsEverything(@TempDir Path home,
                                                                                      @TempDir Path work) throws IOException {
        EmbeddedWarehouseServer server = new EmbeddedWarehouseServer(home, freePort(), Map.of("fsync", "off"));
        try {
            WarehouseConnection warehouse = server.start();
            WarehouseMigrator.migrate(warehouse);
            Pipeline pipeline = new Pipeline(warehouse, work);
            Submissions submissions = new Submissions(warehouse);
            Inbox inbox = Inbox.generated(pipeline, work.resolve("inbox"), 0.25, LAS);

            ChildProcess ingest = pipeline.startIngest("ingest-database-restarted", inbox.root());
            submissions.awaitPartiallyLoaded(ingest, LAS);
            server.stop();
            assertFalse(server.isRunning(), "the server stopped mid-load");
            server.start();
            ChildProcess.Result interrupted = ingest.waitFor();

            assertTrue(interrupted.exitCode() == 0 || interrupted.exitCode() == 1, interrupted::describe);
            assertEquals(0, Sql.number(warehouse, "SELECT count(*) FROM mart.accepted_return a"
                    + " JOIN ops.submission s USING (submission_id) WHERE s.state <> 'loaded'"),
                    () -> "analysts see a submission that is not loaded: " + interrupted.describe());
            assertEquals(0, Sql.number(warehouse, "SELECT count(*) FROM core.fact_missing_incident f"
                    + " JOIN ops.submission s USING (submission_id) WHERE s.state <> 'loaded'"),
                    "core facts of a submission that is not loaded");

            ChildProcess.Result rerun = pipeline.ingest("ingest-after-restart", inbox.root());
            assertEquals(0, rerun.exitCode(), rerun::describe);
            submissions.assertEveryReturnLoadedOnceAndComplete(inbox, LAS);
        } finally {
            server.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
