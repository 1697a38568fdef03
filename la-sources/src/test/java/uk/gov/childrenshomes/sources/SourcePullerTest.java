package uk.gov.childrenshomes.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.childrenshomes.sources.delivery.Inbox;
import uk.gov.childrenshomes.sources.delivery.PullLock;
import uk.gov.childrenshomes.sources.registry.ReturnCode;
import uk.gov.childrenshomes.sources.registry.SourceKey;
import uk.gov.childrenshomes.sources.registry.SourceEntry;
import uk.gov.childrenshomes.sources.secret.SecretReader;
import uk.gov.childrenshomes.sources.testing.LocalHttpServer;
import uk.gov.childrenshomes.sources.testing.TestSources;

class SourcePullerTest {

    @TempDir
    Path dir;

    @Test
    void pullsSeveralLasAtOnceAndReportsThemInRegistryOrder() throws Exception {
        // Each server answers only once both LAs are being pulled: one at a time, the first would time out.
        CountDownLatch bothAsked = new CountDownLatch(2);
        try (LocalHttpServer server = LocalHttpServer.http()) {
            for (String la : List.of("E06000001", "E06000002")) {
                server.route("/" + la + ".csv", (exchange, previous) -> {
                    bothAsked.countDown();
                    awaitQuietly(bothAsked);
                    LocalHttpServer.respond(exchange, 200, la + "\n");
                });
            }
            List<SourceEntry> entries = List.of(
                    TestSources.entry("E06000001.missing", dir, "kind=https\nmax-attempts=1\nurl="
                            + server.url("/E06000001.csv")),
                    TestSources.entry("E06000002.missing", dir, "kind=https\nmax-attempts=1\nurl="
                            + server.url("/E06000002.csv")));
            SourcePuller puller = new SourcePuller(new Inbox(dir.resolve("inbox")),
                    new SecretReader(Map.<String, String>of()::get), SSLContext.getDefault(), new SplittableRandom(1), 2);

            List<PullReport> reports = puller.pullAll(entries);

            assertEquals(List.of("E06000001", "E06000002"), reports.stream().map(r -> r.source().laCode()).toList());
            assertEquals(List.of(PullStatus.DELIVERED, PullStatus.DELIVERED),
                    reports.stream().map(PullReport::status).toList(), reports.toString());
        }
    }

    @Test
    void refusesToPullAReturnAnotherPullHoldsAndClearsWhatACrashedPullLeft() throws Exception {
        Inbox inbox = new Inbox(dir.resolve("inbox"));
        Path incoming = Files.createDirectories(dir.resolve("inbox/E06000002/.pull-state/incoming"));
        Path leftover = Files.writeString(incoming.resolve("missing-123.part"), "half a file from a killed pull");
        try (LocalHttpServer server = LocalHttpServer.http()) {
            server.route("/missing.csv", (exchange, previous) -> LocalHttpServer.respond(exchange, 200, "CHILD\n"));
            List<SourceEntry> entries = List.of(
                    TestSources.entry("E06000001.missing", dir, "kind=https\nurl=" + server.url("/missing.csv")),
                    TestSources.entry("E06000002.missing", dir, "kind=https\nurl=" + server.url("/missing.csv")));
            SourcePuller puller = new SourcePuller(inbox, new SecretReader(Map.<String, String>of()::get),
                    SSLContext.getDefault(), new SplittableRandom(1), 2);

            List<PullReport> reports;
            try (PullLock running = inbox.lock(new SourceKey("E06000001", ReturnCode.MISSING))) {
                reports = puller.pullAll(entries);
            }

            assertEquals(PullStatus.FAILED, reports.get(0).status());
            assertTrue(reports.get(0).failureReason().orElseThrow().startsWith("another pull of E06000001/missing is"
                    + " in progress"), reports.get(0).statusLine());
            assertEquals(PullStatus.DELIVERED, reports.get(1).status(), reports.get(1).statusLine());
            assertEquals(1, server.requests().size(), "the locked return was not fetched");
            assertFalse(Files.exists(leftover));
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
