package uk.gov.childrenshomes.reliability;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.childrenshomes.reliability.support.ChildProcess;
import uk.gov.childrenshomes.reliability.support.LaWebServer;
import uk.gov.childrenshomes.reliability.support.Pipeline;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LA codes and file names are attacker-controlled text (a council's server names its files; an operator or a
 * scheduler passes LA codes): a {@code ../} or an absolute path must never make the product read or write outside
 * the inbox. Symbolic links inside the inbox are covered by {@link HostileInboxTest}.
 */
@ExtendWith(WarehouseExtension.class)
class PathsAndNamesTest {

    private static final String CSV = "INCIDENT_ID,CHILD\nE06000001-M000001,H4880015\n";

    private LaWebServer server;

    @BeforeEach
    void startLaServer() {
        byte[] body = CSV.getBytes(StandardCharsets.UTF_8);
        server = new LaWebServer()
                .serve("/traversal.csv", LaWebServer.file(body, "Content-Disposition", "attachment; filename=\"../../escaped.csv\""))
                .serve("/absolute.csv", LaWebServer.file(body, "Content-Disposition",
                        "attachment; filename=\"/tmp/datapack-reliability-absolute.csv\""))
                .serve("/honest.csv", LaWebServer.file(body, "Content-Disposition", "attachment; filename=\"E06000003_missing_2025.csv\""));
    }

    @AfterEach
    void stopLaServer() {
        server.close();
    }

    @Test
    void aPullRefusesServerFileNamesThatLeaveTheInboxAndDeliversTheHonestOne(WarehouseConnection warehouse, @TempDir Path work)
            throws IOException {
        Pipeline pipeline = new Pipeline(warehouse, work);
        Path inbox = Files.createDirectories(work.resolve("a/b/inbox"));
        Path sources = work.resolve("sources.properties");
        Files.writeString(sources, String.join("\n",
                "E06000001.missing.kind = https", "E06000001.missing.url = " + server.url("/traversal.csv"),
                "E06000002.missing.kind = https", "E06000002.missing.url = " + server.url("/absolute.csv"),
                "E06000003.missing.kind = https", "E06000003.missing.url = " + server.url("/honest.csv"),
                ""));

        ChildProcess.Result pull = pipeline.pull("pull-hostile-names", List.of("--sources", sources.toString(), "--inbox", inbox.toString()));

        assertEquals(0, pull.exitCode(), pull::describe);
        assertTrue(pull.stdout().lines().anyMatch(line -> line.startsWith("E06000001") && line.contains("FAILED")), pull::describe);
        assertTrue(pull.stdout().lines().anyMatch(line -> line.startsWith("E06000002") && line.contains("FAILED")), pull::describe);
        assertTrue(Files.isRegularFile(inbox.resolve("E06000003/missing/E06000003_missing_2025.csv")), pull::describe);
        try (Stream<Path> everything = Files.walk(work)) {
            assertEquals(List.of(), everything.filter(path -> path.getFileName().toString().equals("escaped.csv")).toList());
        }
        assertTrue(Files.notExists(Path.of("/tmp/datapack-reliability-absolute.csv")), "a pull wrote to an absolute path");
    }

    @Test
    void anLaCodeWithAPathInItIsRefusedByEveryCommand(WarehouseConnection warehouse, @TempDir Path work) throws IOException {
        Pipeline pipeline = new Pipeline(warehouse, work);
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        for (String laCode : List.of("../E06000001", "/etc", "E06000001/../../x")) {
            ChildProcess.Result ingest = ChildProcess.run("ingest-la-path", pipeline.jobsCommand(List.of("-Xmx256m"),
                    List.of("ingest", "--inbox", inbox.toString(), "--la", laCode)), pipeline.environment(), pipeline.logs());
            assertEquals(2, ingest.exitCode(), ingest::describe);
            assertTrue(ingest.stderr().contains("--la takes an LA code"), ingest::describe);

            Path sources = work.resolve("sources-" + laCode.hashCode() + ".properties");
            Files.writeString(sources, laCode + ".missing.kind = https\n" + laCode + ".missing.url = https://example.org/x.csv\n");
            ChildProcess.Result pull = pipeline.pull("pull-la-path", List.of("--sources", sources.toString(), "--inbox", inbox.toString()));
            assertEquals(2, pull.exitCode(), pull::describe);
            ChildProcess.Result pullOne = pipeline.pull("pull-la-path-option",
                    List.of("--sources", sources.toString(), "--inbox", inbox.toString(), "--la", laCode));
            assertEquals(2, pullOne.exitCode(), pullOne::describe);
        }
        try (Stream<Path> written = Files.list(inbox)) {
            assertEquals(List.of(), written.toList(), "nothing was written for a refused LA code");
        }
    }
}
