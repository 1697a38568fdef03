package uk.gov.childrenshomes.sources.https;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.childrenshomes.sources.PullReport;
import uk.gov.childrenshomes.sources.PullStatus;
import uk.gov.childrenshomes.sources.delivery.Inbox;
import uk.gov.childrenshomes.sources.pull.Retrier;
import uk.gov.childrenshomes.sources.registry.HttpsSource;
import uk.gov.childrenshomes.sources.secret.SecretReader;
import uk.gov.childrenshomes.sources.testing.LocalHttpServer;
import uk.gov.childrenshomes.sources.testing.SecretFiles;
import uk.gov.childrenshomes.sources.testing.SelfSignedCertificate;
import uk.gov.childrenshomes.sources.testing.TestSources;

/** Real TLS: a JDK HttpsServer with a certificate made for the test. */
class HttpsTlsTest {

    private static final String TOKEN = "tls-token-5d1e";
    private static final String RETURN_CSV = "CHILD,DECOM\n1001,01/04/2025\n";

    @TempDir
    static Path dir;

    private static SelfSignedCertificate certificate;
    private static LocalHttpServer server;

    @BeforeAll
    static void start() throws Exception {
        certificate = SelfSignedCertificate.generate(dir);
        server = LocalHttpServer.https(certificate.serverContext())
                .route("/ssda903/episodes.csv", (exchange, previous) -> LocalHttpServer.respond(exchange, 200, RETURN_CSV));
        SecretFiles.ownerOnly(dir.resolve("token"), TOKEN);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pullsOverTlsFromAServerTheTrustStoreVouchesFor() throws Exception {
        Path inbox = dir.resolve("trusted-inbox");
        HttpsPuller puller = puller(inbox, certificate.trustingClientContext());

        PullReport report = puller.pull(source());

        assertEquals(PullStatus.DELIVERED, report.status(), report.statusLine());
        assertEquals(RETURN_CSV, Files.readString(inbox.resolve("E08000025/ssda903/episodes.csv")));
        assertEquals("Bearer " + TOKEN, server.requests().get(server.requests().size() - 1).authorization());
    }

    @Test
    void refusesAServerCertificateTheTrustStoreDoesNotKnowWithoutRetrying() throws Exception {
        int requestsBefore = server.requests().size();
        Path inbox = dir.resolve("default-trust-inbox");

        PullReport report = puller(inbox, SSLContext.getDefault()).pull(source());

        assertEquals(PullStatus.FAILED, report.status());
        assertEquals(1, report.attempts());
        assertTrue(report.failureReason().orElseThrow().startsWith("TLS with 127.0.0.1:"), report.statusLine());
        assertEquals(requestsBefore, server.requests().size(), "no request, so no token, reached the server");
        assertFalse(Files.exists(inbox.resolve("E08000025/ssda903/episodes.csv")));
    }

    private static HttpsPuller puller(Path inbox, SSLContext context) {
        return new HttpsPuller(new Inbox(inbox), new SecretReader(Map.<String, String>of()::get),
                new Retrier(new SplittableRandom(3)), context);
    }

    private static HttpsSource source() {
        return TestSources.entry("E08000025.ssda903", dir, "kind=https\nurl=" + server.url("/ssda903/episodes.csv")
                + "\ntoken-file=token");
    }
}
