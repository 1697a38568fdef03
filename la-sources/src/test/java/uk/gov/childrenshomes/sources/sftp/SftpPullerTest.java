package uk.gov.childrenshomes.sources.sftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.childrenshomes.sources.PullReport;
import uk.gov.childrenshomes.sources.PullStatus;
import uk.gov.childrenshomes.sources.delivery.DeliveredFile;
import uk.gov.childrenshomes.sources.delivery.Inbox;
import uk.gov.childrenshomes.sources.pull.Retrier;
import uk.gov.childrenshomes.sources.registry.SftpSource;
import uk.gov.childrenshomes.sources.secret.SecretReader;
import uk.gov.childrenshomes.sources.testing.LocalSftpServer;
import uk.gov.childrenshomes.sources.testing.LogCapture;
import uk.gov.childrenshomes.sources.testing.SecretFiles;
import uk.gov.childrenshomes.sources.testing.TestSources;

/** The SFTP puller against a real in-process Apache MINA SSHD server over a temporary folder. */
class SftpPullerTest {

    @TempDir
    Path dir;

    private LocalSftpServer server;
    private Path outgoing;
    private Path inbox;
    private SftpPuller puller;

    @BeforeEach
    void start() throws IOException, GeneralSecurityException {
        Path served = Files.createDirectories(dir.resolve("served"));
        outgoing = Files.createDirectories(served.resolve("outgoing/oversight"));
        server = LocalSftpServer.start(served, dir.resolve("host-key.ser"));
        server.writeKnownHosts(dir.resolve("known_hosts"));
        server.writeClientKey(dir.resolve("client-key"));
        inbox = dir.resolve("inbox");
        puller = new SftpPuller(new Inbox(inbox), new SecretReader(Map.<String, String>of()::get),
                new Retrier(new SplittableRandom(11)));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void deliversNewFilesSkipsUnchangedOnesAndRedeliversChangedOnes() throws IOException {
        write("oversight.csv", "CHILD,APPROVED_BY\n1001,DCS\n", 1_000);
        write("notes.csv", "a note\n", 1_000);
        Files.createDirectories(outgoing.resolve("archive"));

        PullReport first = puller.pull(keySource());
        PullReport second = puller.pull(keySource());
        write("oversight.csv", "CHILD,APPROVED_BY\n1001,DCS\n1002,NO\n", 2_000);
        PullReport third = puller.pull(keySource());

        assertEquals(PullStatus.DELIVERED, first.status(), first.statusLine());
        assertEquals(List.of("notes.csv", "oversight.csv"), names(first.delivered()));
        assertEquals(PullStatus.UNCHANGED, second.status(), second.statusLine());
        assertEquals(0, second.bytesReceived(), "size and time unchanged: not even downloaded");
        assertEquals(PullStatus.DELIVERED, third.status(), third.statusLine());
        assertEquals(List.of("oversight.csv"), names(third.delivered()));
        assertEquals(1, third.unchangedFiles());
        assertEquals("CHILD,APPROVED_BY\n1001,DCS\n1002,NO\n", Files.readString(oversightFolder().resolve("oversight.csv")));
        assertEquals(List.of("notes.csv", "oversight.csv"), filesIn(oversightFolder()));
    }

    @Test
    void aFileTouchedWithoutChangingItsContentIsNotDeliveredAgain() throws IOException {
        write("oversight.csv", "CHILD\n1001\n", 1_000);
        assertEquals(PullStatus.DELIVERED, puller.pull(keySource()).status());
        Files.delete(oversightFolder().resolve("oversight.csv"));
        Files.setLastModifiedTime(outgoing.resolve("oversight.csv"), FileTime.from(Instant.ofEpochSecond(5_000)));

        PullReport touched = puller.pull(keySource());

        assertEquals(PullStatus.UNCHANGED, touched.status(), touched.statusLine());
        assertTrue(touched.bytesReceived() > 0, "downloaded to compare its SHA-256");
        assertEquals(List.of(), filesIn(oversightFolder()));
    }

    @Test
    void refusesAServerWhoseHostKeyIsNotThePinnedOne() throws IOException, GeneralSecurityException {
        write("oversight.csv", "CHILD\n1001\n", 1_000);
        server.writeKnownHostsPinning(dir.resolve("known_hosts"), LocalSftpServer.newEcKeyPair().getPublic());

        PullReport report = puller.pull(keySource());

        assertEquals(PullStatus.FAILED, report.status());
        assertTrue(report.failureReason().orElseThrow().matches(
                "host key SHA256:\\S+ of 127\\.0\\.0\\.1:\\d+ is not the one pinned in known-hosts .*; refused"),
                report.statusLine());
        assertEquals(1, report.attempts(), "a wrong host key is not retried");
        assertEquals(List.of(), filesIn(oversightFolder()));
    }

    @Test
    void refusesAServerMissingFromKnownHosts() throws IOException {
        write("oversight.csv", "CHILD\n1001\n", 1_000);
        Files.writeString(dir.resolve("known_hosts"), "");

        PullReport report = puller.pull(keySource());

        assertEquals(PullStatus.FAILED, report.status());
        assertTrue(report.failureReason().orElseThrow().startsWith("host key SHA256:"), report.statusLine());
        assertEquals(List.of(), filesIn(oversightFolder()));
    }

    @Test
    void logsInWithAPasswordFromAFileAndNeverLogsIt() throws IOException {
        write("oversight.csv", "CHILD\n1001\n", 1_000);
        SecretFiles.ownerOnly(dir.resolve("password"), LocalSftpServer.PASSWORD + "\n");
        SecretFiles.ownerOnly(dir.resolve("wrong-password"), "not-the-password");

        PullReport accepted;
        PullReport refused;
        String logs;
        try (LogCapture capture = new LogCapture()) {
            accepted = puller.pull(source("password-file=password"));
            refused = puller.pull(source("password-file=wrong-password"));
            logs = capture.text();
        }

        assertEquals(PullStatus.DELIVERED, accepted.status(), accepted.statusLine());
        assertEquals(PullStatus.FAILED, refused.status());
        assertEquals("the server refused password authentication as " + LocalSftpServer.USER,
                refused.failureReason().orElseThrow());
        assertEquals(1, refused.attempts(), "a refused credential is not retried");
        assertFalse(logs.contains(LocalSftpServer.PASSWORD) || logs.contains("not-the-password"), logs);
    }

    @Test
    void refusesAKeyFileOthersCanRead() throws IOException {
        write("oversight.csv", "CHILD\n1001\n", 1_000);
        Files.setPosixFilePermissions(dir.resolve("client-key"), java.nio.file.attribute.PosixFilePermissions
                .fromString("rw-r-----"));

        PullReport report = puller.pull(keySource());

        assertEquals(PullStatus.FAILED, report.status());
        assertTrue(report.failureReason().orElseThrow().contains("accessible to group or others"), report.statusLine());
        assertEquals(0, report.attempts(), "refused before connecting");
    }

    @Test
    void refusesARemoteFileNameWithControlCharactersAndStillDeliversTheOthers() throws IOException {
        write("oversight.csv", "CHILD\n1001\n", 1_000);
        write("evil\u001b]0;pwned\u0007.csv", "x\n", 1_000);

        PullReport report = puller.pull(keySource());

        assertEquals(PullStatus.FAILED, report.status());
        assertTrue(report.failureReason().orElseThrow().startsWith(
                "refused 1 remote file(s): file name 'evil\\u001b]0;pwned\\u0007.csv' refused: control character"),
                report.statusLine());
        assertEquals(List.of("oversight.csv"), names(report.delivered()));
        assertEquals(List.of("oversight.csv"), filesIn(oversightFolder()));
    }

    @Test
    void aFileStillBeingUploadedIsNotDeliveredUntilItIsWhole() throws IOException {
        String whole = "CHILD,APPROVED_BY\n1001,DCS\n1002,NO\n";
        write("oversight.csv", "CHILD,APPROVED_BY\n1001,DCS\n", 1_000);
        // The LA's upload is still going on when the download starts: the file grows once it has been opened.
        server.onFirstOpen(file -> {
            try {
                Files.writeString(file, whole);
                Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(1_001)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        PullReport report = puller.pull(keySource());

        assertEquals(PullStatus.DELIVERED, report.status(), report.statusLine());
        assertEquals(2, report.attempts(), "the first attempt saw the file change under it");
        assertEquals(whole, Files.readString(oversightFolder().resolve("oversight.csv")));
    }

    @Test
    void aServerThatStallsMidTransferIsCutOffAfterTheReadTimeoutAndRetried() throws IOException {
        write("oversight.csv", "CHILD\n1001\n", 1_000);
        server.onFirstOpen(file -> sleep(Duration.ofSeconds(8)));

        PullReport report = puller.pull(source("key-file=client-key\nread-timeout=500ms"));

        assertEquals(PullStatus.DELIVERED, report.status(), report.statusLine());
        assertEquals(2, report.attempts(), "the stalled session was dropped, not waited out");
        assertTrue(report.duration().compareTo(Duration.ofSeconds(6)) < 0, report.statusLine());
    }

    @Test
    void refusesARemoteFileLargerThanTheLimitAndStillDeliversTheOthers() throws IOException {
        write("oversight.csv", "CHILD\n1001\n", 1_000);
        write("huge.csv", "x".repeat(5000), 1_000);

        PullReport report = puller.pull(source("key-file=client-key\nmax-file-size=1KB"));

        assertEquals(PullStatus.FAILED, report.status());
        assertEquals("refused 1 remote file(s): huge.csv is larger than max-file-size (1024 bytes)",
                report.failureReason().orElseThrow());
        assertEquals(List.of("oversight.csv"), filesIn(oversightFolder()));
    }

    @Test
    void aRemoteFolderThatDoesNotExistFailsClearlyWithoutRetrying() {
        PullReport report = puller.pull(source("key-file=client-key\nremote-dir=/outgoing/absent"));

        assertEquals(PullStatus.FAILED, report.status());
        assertEquals("remote-dir /outgoing/absent does not exist on 127.0.0.1", report.failureReason().orElseThrow());
        assertEquals(1, report.attempts());
    }

    @Test
    void aServerThatRefusesConnectionsIsRetriedThenReported() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SftpSource source = TestSources.entry("E10000002.oversight", dir, """
                kind=sftp
                host=127.0.0.1
                port=%d
                user=%s
                remote-dir=/outgoing/oversight
                known-hosts=known_hosts
                key-file=client-key
                max-attempts=2
                """.formatted(closedPort, LocalSftpServer.USER));

        PullReport report = puller.pull(source);

        assertEquals(PullStatus.FAILED, report.status());
        assertEquals(2, report.attempts());
        assertTrue(report.failureReason().orElseThrow().startsWith("could not connect to 127.0.0.1:" + closedPort),
                report.statusLine());
    }

    @Test
    void aServerThatNeverSpeaksSshTimesOutWithinBoundsAndIsRetried() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                List<Socket> held = new ArrayList<>();
                try {
                    while (true) {
                        held.add(silent.accept()); // accepted and held open, never answered
                    }
                } catch (IOException closed) {
                    held.forEach(socket -> {
                        try {
                            socket.close();
                        } catch (IOException ignored) {
                            // the test is over
                        }
                    });
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            SftpSource source = TestSources.entry("E10000002.oversight", dir, """
                    kind=sftp
                    host=127.0.0.1
                    port=%d
                    user=%s
                    remote-dir=/outgoing/oversight
                    known-hosts=known_hosts
                    key-file=client-key
                    max-attempts=2
                    read-timeout=300ms
                    """.formatted(silent.getLocalPort(), LocalSftpServer.USER));

            PullReport report = puller.pull(source);

            assertEquals(PullStatus.FAILED, report.status());
            assertEquals(2, report.attempts());
            assertTrue(report.failureReason().orElseThrow().contains("did not complete within 0.3 s"),
                    report.statusLine());
            assertTrue(report.duration().compareTo(Duration.ofSeconds(3)) < 0, report.statusLine());
        }
    }

    private SftpSource keySource() {
        return source("key-file=client-key");
    }

    /** An entry for the test server; {@code settings} (one per line) add to or override the defaults. */
    private SftpSource source(String settings) {
        return TestSources.entry("E10000002.oversight", dir, """
                kind=sftp
                host=127.0.0.1
                port=%d
                user=%s
                remote-dir=/outgoing/oversight
                known-hosts=known_hosts
                %s
                """.formatted(server.port(), LocalSftpServer.USER, settings));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(String name, String content, long epochSecond) throws IOException {
        Path file = outgoing.resolve(name);
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(epochSecond)));
    }

    private Path oversightFolder() {
        return inbox.resolve("E10000002/oversight");
    }

    private static List<String> names(List<DeliveredFile> files) {
        return files.stream().map(file -> file.path().getFileName().toString()).sorted().toList();
    }

    private static List<String> filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
