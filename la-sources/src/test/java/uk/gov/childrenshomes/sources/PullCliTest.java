package uk.gov.childrenshomes.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.childrenshomes.sources.secret.SecretReader;
import uk.gov.childrenshomes.sources.testing.LocalHttpServer;
import uk.gov.childrenshomes.sources.testing.LocalSftpServer;
import uk.gov.childrenshomes.sources.testing.TestSources;

/** The command line over real servers: every LA is pulled and reported, whatever happens to the others. */
class PullCliTest {

    @TempDir
    Path dir;

    private LocalHttpServer http;
    private LocalSftpServer sftp;
    private Path registry;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException, GeneralSecurityException {
        http = LocalHttpServer.http()
                .route("/E06000001/missing.csv", (exchange, previous) ->
                        LocalHttpServer.respond(exchange, 200, "CHILD,MISSING\n1001,M\n"))
                .route("/E06000002/missing.csv", (exchange, previous) ->
                        LocalHttpServer.respond(exchange, 503, "down for maintenance"));
        Path served = Files.createDirectories(dir.resolve("served/outgoing"));
        Files.writeString(served.resolve("oversight.csv"), "CHILD,APPROVED_BY\n1001,DCS\n");
        sftp = LocalSftpServer.start(dir.resolve("served"), dir.resolve("host-key.ser"));
        sftp.writeKnownHosts(dir.resolve("known_hosts"));
        sftp.writeClientKey(dir.resolve("E10000002.key"));
        registry = Files.writeString(dir.resolve("sources.properties"),
                TestSources.registryText("E06000001.missing", "kind=https\nurl=" + http.url("/E06000001/missing.csv"))
                + TestSources.registryText("E06000002.missing", "kind=https\nmax-attempts=2\nurl="
                        + http.url("/E06000002/missing.csv"))
                + TestSources.registryText("E10000002.oversight", """
                        kind=sftp
                        host=127.0.0.1
                        port=%d
                        user=%s
                        key-file=E10000002.key
                        known-hosts=known_hosts
                        remote-dir=/outgoing
                        """.formatted(sftp.port(), LocalSftpServer.USER))
                + "E09000001.ssda903.kind=inbox\n");
    }

    @AfterEach
    void stop() throws IOException {
        http.close();
        sftp.close();
    }

    @Test
    void oneLaFailingDoesNotStopTheOthersAndTheRunStillExitsZero() throws IOException {
        Path inbox = dir.resolve("inbox");

        int exit = run("pull", "--sources", registry.toString(), "--inbox", inbox.toString());

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        assertEquals(5, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("E06000001 missing   https delivered 1 file (21 bytes); 1 attempt"), lines.get(0));
        assertTrue(lines.get(1).startsWith("E06000002 missing   https FAILED: HTTP 503 (server error) from 127.0.0.1:"
                + http.url("").split(":")[2]), lines.get(1));
        assertTrue(lines.get(1).contains("; 2 attempts"), lines.get(1));
        assertEquals("E09000001 ssda903   inbox nothing to pull (the LA delivers to the inbox)", lines.get(2));
        assertTrue(lines.get(3).startsWith("E10000002 oversight sftp  delivered 1 file"), lines.get(3));
        assertEquals("4 LA returns: 2 delivered, 0 unchanged, 1 failed, 1 nothing to pull", lines.get(4));
        assertEquals("CHILD,MISSING\n1001,M\n", Files.readString(inbox.resolve("E06000001/missing/missing.csv")));
        assertEquals("CHILD,APPROVED_BY\n1001,DCS\n", Files.readString(inbox.resolve("E10000002/oversight/oversight.csv")));
    }

    @Test
    void pullsOnlyTheLasAskedFor() {
        int exit = run("pull", "--sources", registry.toString(), "--inbox", dir.resolve("inbox").toString(),
                "--la", "E06000001", "E06000009");

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, exit);
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("E06000001 missing"), lines.get(0));
        assertEquals("E06000009 (no entry in the registry: its returns are expected in the inbox)", lines.get(1));
        assertEquals(1, http.requests().size());
    }

    @Test
    void badArgumentsExitTwoWithoutPullingAnything() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.properties"), "E06000001.missing.kind=ftp\n");
        String inbox = dir.resolve("inbox").toString();

        assertEquals(2, run());
        assertEquals(2, run("fetch", "--sources", registry.toString(), "--inbox", inbox));
        assertEquals(2, run("pull", "--inbox", inbox));
        assertEquals(2, run("pull", "--sources", registry.toString(), "--inbox", inbox, "--la", "Hartlepool"));
        assertEquals(2, run("pull", "--sources", dir.resolve("absent.properties").toString(), "--inbox", inbox));
        assertEquals(2, run("pull", "--sources", broken.toString(), "--inbox", inbox));

        assertTrue(err.toString(StandardCharsets.UTF_8).contains("E06000001.missing: kind 'ftp' is not one of"));
        assertEquals(List.of(), http.requests());
    }

    @Test
    void anInboxThatCannotBeWrittenExitsOne() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("inbox"), "a file where the inbox should be");

        int exit = run("pull", "--sources", registry.toString(), "--inbox", notAFolder.toString());

        assertEquals(1, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is not writable"));
        assertEquals(List.of(), http.requests());
    }

    @Test
    void helpExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: PullCli pull --sources FILE --inbox DIR"));
    }

    private int run(String... args) {
        PullCli cli = new PullCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), inbox -> {
                    try {
                        return new SourcePuller(inbox, new SecretReader(Map.<String, String>of()::get),
                                SSLContext.getDefault(), new SplittableRandom(5), 3);
                    } catch (NoSuchAlgorithmException e) {
                        throw new IllegalStateException(e);
                    }
                });
        return cli.run(args);
    }
}
