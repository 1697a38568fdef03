package uk.gov.childrenshomes.sources.https;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.childrenshomes.sources.PullReport;
import uk.gov.childrenshomes.sources.PullStatus;
import uk.gov.childrenshomes.sources.delivery.Inbox;
import uk.gov.childrenshomes.sources.pull.Retrier;
import uk.gov.childrenshomes.sources.registry.HttpsSource;
import uk.gov.childrenshomes.sources.secret.SecretReader;
import uk.gov.childrenshomes.sources.testing.LocalHttpServer;
import uk.gov.childrenshomes.sources.testing.LogCapture;
import uk.gov.childrenshomes.sources.testing.SecretFiles;
import uk.gov.childrenshomes.sources.testing.TestSources;

/** The HTTPS puller against a real JDK HTTP server on loopback (plain HTTP; TLS itself is in HttpsTlsTest). */
class HttpsPullerTest {

    private static final String RETURN_CSV = "CHILD,MISSING,MIS_START\n1001,M,01/05/2025\n";
    private static final String TOKEN = "la-token-3f9c2e7a1b";

    @TempDir
    Path dir;

    private LocalHttpServer server;
    private Path inbox;
    private HttpsPuller puller;

    @BeforeEach
    void start() throws IOException, NoSuchAlgorithmException {
        server = LocalHttpServer.http();
        inbox = dir.resolve("inbox");
        puller = new HttpsPuller(new Inbox(inbox), new SecretReader(Map.of("LA_TOKEN", TOKEN)::get),
                new Retrier(new SplittableRandom(7)), SSLContext.getDefault());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void deliversTheFileThenAsksWithItsEtagAndTakes304AsUnchanged() throws IOException {
        server.route("/missing.csv", (exchange, previous) -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.getResponseHeaders().add("Last-Modified", "Wed, 21 Oct 2025 07:28:00 GMT");
            LocalHttpServer.respond(exchange, 200, RETURN_CSV);
        });
        HttpsSource source = source("url=" + server.url("/missing.csv"));

        PullReport first = puller.pull(source);
        PullReport second = puller.pull(source);

        assertEquals(PullStatus.DELIVERED, first.status(), first.statusLine());
        assertEquals(RETURN_CSV, Files.readString(missingFolder().resolve("missing.csv")));
        assertEquals(PullStatus.UNCHANGED, second.status(), second.statusLine());
        assertEquals(List.of(), second.delivered());
        LocalHttpServer.Request conditional = server.requests().get(1);
        assertEquals("\"v1\"", conditional.ifNoneMatch());
        assertEquals("Wed, 21 Oct 2025 07:28:00 GMT", conditional.ifModifiedSince());
    }

    @Test
    void sameContentIsNotDeliveredAgainAndChangedContentIs() throws IOException {
        String[] body = {RETURN_CSV};
        server.route("/missing.csv", (exchange, previous) -> LocalHttpServer.respond(exchange, 200, body[0]));
        HttpsSource source = source("url=" + server.url("/missing.csv"));

        assertEquals(PullStatus.DELIVERED, puller.pull(source).status());
        // The ingest has taken the file away; the same bytes again must not come back as a new submission.
        Files.delete(missingFolder().resolve("missing.csv"));
        PullReport same = puller.pull(source);
        body[0] = RETURN_CSV + "1002,A,02/05/2025\n";
        PullReport changed = puller.pull(source);

        assertEquals(PullStatus.UNCHANGED, same.status(), same.statusLine());
        assertEquals(PullStatus.DELIVERED, changed.status(), changed.statusLine());
        assertEquals(body[0], Files.readString(missingFolder().resolve("missing.csv")));
        assertEquals(List.of("missing.csv"), filesIn(missingFolder()));
    }

    @Test
    void retriesServerErrorsWithBackoffThenDelivers() throws IOException {
        server.route("/missing.csv", (exchange, previous) ->
                LocalHttpServer.respond(exchange, previous < 2 ? 503 : 200, previous < 2 ? "busy" : RETURN_CSV));

        PullReport report = puller.pull(source("url=" + server.url("/missing.csv")));

        assertEquals(PullStatus.DELIVERED, report.status(), report.statusLine());
        assertEquals(3, report.attempts());
        assertEquals(3, server.requests().size());
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheServerErrorAsReason() throws IOException {
        server.route("/missing.csv", (exchange, previous) -> LocalHttpServer.respond(exchange, 500, "oops"));

        PullReport report = puller.pull(source("url=" + server.url("/missing.csv") + "\nmax-attempts=2"));

        assertEquals(PullStatus.FAILED, report.status());
        assertEquals(2, report.attempts());
        assertTrue(report.failureReason().orElseThrow().contains("HTTP 500"), report.statusLine());
        assertEquals(List.of(), filesIn(missingFolder()));
    }

    @Test
    void doesNotRetryClientErrors() {
        server.route("/missing.csv", (exchange, previous) -> LocalHttpServer.respond(exchange, 404, "no"));

        PullReport report = puller.pull(source("url=" + server.url("/missing.csv")));

        assertEquals(PullStatus.FAILED, report.status());
        assertEquals(1, report.attempts());
        assertTrue(report.failureReason().orElseThrow().contains("HTTP 404 (not found"), report.statusLine());
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithinBoundsAndSaysSo() {
        server.route("/missing.csv", (exchange, previous) -> sleep(Duration.ofSeconds(5)));

        PullReport report = puller.pull(source("url=" + server.url("/missing.csv") + "\nmax-attempts=2\nread-timeout=300ms"));

        assertEquals(PullStatus.FAILED, report.status());
        assertEquals(2, report.attempts());
        assertTrue(report.failureReason().orElseThrow().startsWith("timed out: no response"), report.statusLine());
        // Two 300 ms timeouts and a backoff of at most 40 ms: far below the server's 5 s stall.
        assertTrue(report.duration().compareTo(Duration.ofSeconds(2)) < 0, report.statusLine());
    }

    @Test
    void aBodyThatStallsMidwayTimesOutAndNothingIsDelivered() throws IOException {
        server.route("/missing.csv", (exchange, previous) -> {
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().write(new byte[100]);
            exchange.getResponseBody().flush();
            sleep(Duration.ofSeconds(5));
        });

        PullReport report = puller.pull(source("url=" + server.url("/missing.csv") + "\nmax-attempts=2\nread-timeout=300ms"));

        assertEquals(PullStatus.FAILED, report.status(), report.statusLine());
        assertEquals(2, report.attempts());
        assertTrue(report.failureReason().orElseThrow().startsWith("timed out: no data for 0.3 s after 100 bytes"),
                report.statusLine());
        assertTrue(report.duration().compareTo(Duration.ofSeconds(2)) < 0, report.statusLine());
        assertEquals(List.of(), filesUnder(inbox), "no partial file, staged or delivered");
    }

    @Test
    void aConnectionDroppedMidBodyIsRetriedAndOnlyTheCompleteFileDelivered() throws IOException {
        server.route("/missing.csv", (exchange, previous) -> {
            if (previous == 0) {
                exchange.sendResponseHeaders(200, RETURN_CSV.length());
                OutputStream body = exchange.getResponseBody();
                body.write(RETURN_CSV.substring(0, 10).getBytes(StandardCharsets.UTF_8));
                body.flush();
                // Closing short of Content-Length makes the JDK server drop the connection.
                return;
            }
            LocalHttpServer.respond(exchange, 200, RETURN_CSV);
        });

        PullReport report = puller.pull(source("url=" + server.url("/missing.csv")));

        assertEquals(PullStatus.DELIVERED, report.status(), report.statusLine());
        assertEquals(2, report.attempts());
        assertEquals(RETURN_CSV, Files.readString(missingFolder().resolve("missing.csv")));
        assertEquals(List.of("missing.csv"), filesIn(missingFolder()));
    }

    @Test
    void aFileThatDoesNotMatchItsChecksumSidecarIsRejectedAndNothingDelivered() throws IOException {
        server.route("/missing.csv", (exchange, previous) -> LocalHttpServer.respond(exchange, 200, RETURN_CSV));
        server.route("/missing.csv.sha256", (exchange, previous) ->
                LocalHttpServer.respond(exchange, 200, sha256("a different file") + "  missing.csv\n"));

        PullReport report = puller.pull(source("url=" + server.url("/missing.csv") + "\nsha256-url="
                + server.url("/missing.csv.sha256")));

        assertEquals(PullStatus.FAILED, report.status());
        assertTrue(report.failureReason().orElseThrow().startsWith("checksum mismatch: expected SHA-256 "
                + sha256("a different file") + ", received " + sha256(RETURN_CSV)), report.statusLine());
        assertEquals(List.of(), filesIn(missingFolder()));
        assertEquals(List.of(), filesIn(inbox.resolve("E06000001/.pull-state/incoming")));
    }

    @Test
    void aFileMatchingTheChecksumHeaderIsDelivered() throws IOException {
        server.route("/missing.csv", (exchange, previous) -> {
            exchange.getResponseHeaders().add("X-Checksum-SHA256", sha256(RETURN_CSV).toUpperCase());
            LocalHttpServer.respond(exchange, 200, RETURN_CSV);
        });

        PullReport report = puller.pull(source("url=" + server.url("/missing.csv")
                + "\nsha256-header=X-Checksum-SHA256"));

        assertEquals(PullStatus.DELIVERED, report.status(), report.statusLine());
        assertEquals(sha256(RETURN_CSV), report.delivered().get(0).sha256());
    }

    @Test
    void sendsTheTokenFromItsFileAsBearerAndNeverWritesItToLogsOrReports() throws IOException {
        SecretFiles.ownerOnly(dir.resolve("la.token"), TOKEN + "\n");
        server.route("/missing.csv", (exchange, previous) ->
                LocalHttpServer.respond(exchange, previous == 0 ? 503 : 200, RETURN_CSV));
        server.route("/refused.csv", (exchange, previous) -> LocalHttpServer.respond(exchange, 401, "who?"));
        HttpsSource delivered = source("url=" + server.url("/missing.csv") + "\ntoken-file=la.token");
        HttpsSource refused = source("url=" + server.url("/refused.csv") + "\ntoken-file=la.token");

        String logs;
        PullReport deliveredReport;
        PullReport refusedReport;
        try (LogCapture capture = new LogCapture()) {
            deliveredReport = puller.pull(delivered);
            refusedReport = puller.pull(refused);
            logs = capture.text();
        }

        assertEquals(PullStatus.DELIVERED, deliveredReport.status(), deliveredReport.statusLine());
        assertEquals(PullStatus.FAILED, refusedReport.status());
        assertTrue(server.requests().stream().allMatch(request -> ("Bearer " + TOKEN).equals(request.authorization())));
        assertTrue(logs.contains("attempt 1 of 3 failed") && logs.contains("HTTP 401"), logs);
        for (String output : List.of(logs, deliveredReport.toString(), deliveredReport.statusLine(),
                refusedReport.toString(), refusedReport.statusLine(), delivered.toString())) {
            assertFalse(output.contains(TOKEN), output);
        }
    }

    @Test
    void takesTheTokenFromAnEnvironmentVariable() {
        server.route("/missing.csv", (exchange, previous) -> LocalHttpServer.respond(exchange, 200, RETURN_CSV));

        PullReport report = puller.pull(source("url=" + server.url("/missing.csv") + "\ntoken-env=LA_TOKEN"));

        assertEquals(PullStatus.DELIVERED, report.status(), report.statusLine());
        assertEquals("Bearer " + TOKEN, server.requests().get(0).authorization());
    }

    @Test
    void refusesATokenFileOthersCanReadAndSendsNothing() throws IOException {
        SecretFiles.write(dir.resolve("la.token"), TOKEN, "rw-r--r--");
        server.route("/missing.csv", (exchange, previous) -> LocalHttpServer.respond(exchange, 200, RETURN_CSV));

        PullReport report = puller.pull(source("url=" + server.url("/missing.csv") + "\ntoken-file=la.token"));

        assertEquals(PullStatus.FAILED, report.status());
        assertTrue(report.failureReason().orElseThrow().contains("is accessible to group or others (mode rw-r--r--)"),
                report.statusLine());
        assertEquals(List.of(), server.requests());
    }

    @Test
    void refusesServerFileNamesThatLeaveTheReturnFolderOrHideControlCharacters() throws IOException {
        // Content-Disposition values: a path up and across to another LA, an absolute path, and (RFC 5987 encoded, as
        // raw control characters cannot pass an HTTP header) a terminal escape sequence.
        for (String hostile : List.of("filename=\"../../E08000025/missing/evil.csv\"", "filename=\"/etc/cron.d/evil\"",
                "filename*=UTF-8''evil%1B%5B2J.csv")) {
            try (LocalHttpServer hostileServer = LocalHttpServer.http()) {
                hostileServer.route("/missing", (exchange, previous) -> {
                    exchange.getResponseHeaders().add("Content-Disposition", "attachment; " + hostile);
                    LocalHttpServer.respond(exchange, 200, RETURN_CSV);
                });

                PullReport report = puller.pull(source("url=" + hostileServer.url("/missing")));

                assertEquals(PullStatus.FAILED, report.status(), hostile);
                assertTrue(report.failureReason().orElseThrow().contains("refused"), report.statusLine());
                assertFalse(report.statusLine().contains("\u001b"), report.statusLine());
                assertEquals(1, report.attempts());
            }
        }
        assertEquals(List.of(), filesUnder(inbox));
    }

    @Test
    void refusesADownloadLargerThanItsLimitWithoutRetrying() throws IOException {
        server.route("/missing.csv", (exchange, previous) -> LocalHttpServer.respond(exchange, 200, "x".repeat(5000)));

        PullReport report = puller.pull(source("url=" + server.url("/missing.csv") + "\nmax-file-size=1KB"));

        assertEquals(PullStatus.FAILED, report.status());
        assertEquals(1, report.attempts());
        assertEquals("the file is larger than max-file-size (1024 bytes); nothing delivered",
                report.failureReason().orElseThrow());
        assertEquals(List.of(), filesUnder(inbox));
    }

    @Test
    void aServerRefusingConnectionsIsRetriedThenReported() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        PullReport report = puller.pull(source("url=http://127.0.0.1:" + closedPort + "/missing.csv"));

        assertEquals(PullStatus.FAILED, report.status());
        assertEquals(3, report.attempts());
        assertTrue(report.failureReason().orElseThrow().startsWith("could not connect to 127.0.0.1:" + closedPort),
                report.statusLine());
    }

    @Test
    void aServerThatNeverAcceptsTheConnectionHitsTheConnectTimeout() throws IOException {
        // A listening socket that never accepts, its backlog filled: Linux drops further SYNs, so connecting hangs.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> backlog = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket socket = new Socket();
                    socket.connect(full.getLocalSocketAddress(), 200);
                    backlog.add(socket);
                }
            } catch (IOException backlogFull) {
                // from here on, connections are not completed
            }
            try {
                PullReport report = puller.pull(source("url=http://127.0.0.1:" + full.getLocalPort()
                        + "/missing.csv\nconnect-timeout=300ms\nmax-attempts=2"));

                assertEquals(PullStatus.FAILED, report.status());
                assertEquals(2, report.attempts());
                assertTrue(report.failureReason().orElseThrow().startsWith("could not connect to 127.0.0.1:"
                        + full.getLocalPort() + " within 0.3 s"), report.statusLine());
            } finally {
                for (Socket socket : backlog) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aMalformedResponseIsReportedWithItsControlCharactersEscapedAndNotRetried() {
        server.route("/missing.csv", (exchange, previous) -> {
            exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"a\u001b[2Jb.csv\"");
            LocalHttpServer.respond(exchange, 200, RETURN_CSV);
        });

        PullReport report = puller.pull(source("url=" + server.url("/missing.csv")));

        assertEquals(PullStatus.FAILED, report.status());
        assertEquals(1, report.attempts());
        assertTrue(report.failureReason().orElseThrow().startsWith("the server at 127.0.0.1:"), report.statusLine());
        assertTrue(report.statusLine().contains("a\\u001b[2Jb.csv"), report.statusLine());
        assertFalse(report.statusLine().contains("\u001b"), report.statusLine());
    }

    @Test
    void doesNotFollowRedirectsSoTheTokenGoesNowhereElse() {
        server.route("/missing.csv", (exchange, previous) -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere.csv");
            exchange.sendResponseHeaders(302, -1);
        });

        PullReport report = puller.pull(source("url=" + server.url("/missing.csv")));

        assertEquals(PullStatus.FAILED, report.status());
        assertTrue(report.failureReason().orElseThrow().startsWith("HTTP 302 redirect to 'http://127.0.0.1:1/elsewhere.csv'"),
                report.statusLine());
        assertEquals(1, report.attempts());
    }

    private HttpsSource source(String settings) {
        return TestSources.entry("E06000001.missing", dir, "kind=https\n" + settings);
    }

    private Path missingFolder() {
        return inbox.resolve("E06000001").resolve("missing");
    }

    private static List<String> filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
