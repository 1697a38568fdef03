package uk.gov.childrenshomes.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.childrenshomes.reliability.support.ChildProcess;
import uk.gov.childrenshomes.reliability.support.LaWebServer;
import uk.gov.childrenshomes.reliability.support.Pipeline;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LA portals misbehaving during one national pull (the packaged PullCli against a real HTTP server): a portal that
 * answers 500, one that drops the connection mid-body, one that never answers, one serving a file that does not
 * match its checksum. Each of those LAs gets bounded attempts and a FAILED line saying why, nothing half-downloaded
 * reaches its inbox folder, and the honest LA beside them is delivered.
 */
@ExtendWith(WarehouseExtension.class)
class PullFaultsTest {

    private static final byte[] RETURN = "INCIDENT_ID,CHILD\nE06000001-M000001,H4880015\n".getBytes(StandardCharsets.UTF_8);
    private static final int MAX_ATTEMPTS = 3;

    @Test
    void eachFailingPortalGetsBoundedAttemptsAndAClearStatusWhileTheOthersAreDelivered(WarehouseConnection warehouse,
                                                                                      @TempDir Path work) throws IOException {
        Pipeline pipeline = new Pipeline(warehouse, work);
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        try (LaWebServer portal = new LaWebServer()
                .serve("/server-error.csv", exchange -> exchange.sendResponseHeaders(500, -1))
                .serve("/dropped.csv", exchange -> {
                    exchange.sendResponseHeaders(200, RETURN.length * 10L);
                    OutputStream body = exchange.getResponseBody();
                    body.write(RETURN);
                    body.flush(); // then the exchange is closed with nine tenths of the promised body missing
                })
                .serve("/silent.csv", exchange -> sleepPastTheReadTimeout())
                .serve("/wrong-checksum.csv", LaWebServer.file(RETURN, "X-Checksum-Sha256", "0".repeat(64)))
                .serve("/honest.csv", LaWebServer.file(RETURN, "Content-Type", "text/csv"))) {
            List<String> registry = new ArrayList<>();
            source(registry, "E06000001", portal.url("/server-error.csv"));
            source(registry, "E06000002", portal.url("/dropped.csv"));
            source(registry, "E06000003", portal.url("/silent.csv"));
            source(registry, "E06000004", portal.url("/wrong-checksum.csv"));
            registry.add("E06000004.missing.sha256-header = X-Checksum-Sha256");
            source(registry, "E06000005", portal.url("/honest.csv"));
            Path sources = Files.writeString(work.resolve("sources.properties"), String.join("\n", registry) + "\n");

            ChildProcess.Result pull = pipeline.pull("pull-faulty-portals", List.of("--sources", sources.toString(), "--inbox", inbox.toString()));

            assertEquals(0, pull.exitCode(), pull::describe);
            for (String failing : List.of("E06000001", "E06000002", "E06000003", "E06000004")) {
                assertTrue(pull.stdout().lines().anyMatch(line -> line.startsWith(failing) && line.contains("FAILED")), pull::describe);
                assertEquals(List.of(), filesIn(inbox.resolve(failing).resolve("missing")), "half a file was delivered for " + failing);
            }
            assertEquals(MAX_ATTEMPTS, portal.settledRequests("/server-error.csv"), "server errors are retried, a bounded number of times");
            assertEquals(MAX_ATTEMPTS, portal.settledRequests("/dropped.csv"), "a dropped connection is retried, a bounded number of times");
            assertEquals(MAX_ATTEMPTS, portal.settledRequests("/silent.csv"), "a read timeout is retried, a bounded number of times");
            assertEquals(1, portal.settledRequests("/wrong-checksum.csv"), "a checksum mismatch is not retried");
            assertEquals(1, filesIn(inbox.resolve("E06000005").resolve("missing")).size(), pull::describe);
        }
    }

    private static void source(List<String> registry, String laCode, String url) {
        registry.add(laCode + ".missing.kind = https");
        registry.add(laCode + ".missing.url = " + url);
        registry.add(laCode + ".missing.max-attempts = " + MAX_ATTEMPTS);
        registry.add(laCode + ".missing.initial-backoff = 10ms");
        registry.add(laCode + ".missing.max-backoff = 20ms");
        registry.add(laCode + ".missing.read-timeout = 2s");
    }

    /** A portal that accepted the connection and then says nothing, for longer than the configured read timeout. */
    private static void sleepPastTheReadTimeout() {
        try {
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Regular files of a return folder (the pull's own hidden state lives elsewhere, in .pull-state). */
    private static List<Path> filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
