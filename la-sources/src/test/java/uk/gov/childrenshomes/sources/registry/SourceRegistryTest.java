package uk.gov.childrenshomes.sources.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.gov.childrenshomes.sources.pull.RetryPolicy;

class SourceRegistryTest {

    private static final Path BASE = Path.of("/etc/datapack");

    @Test
    void readsEachKindWithDefaultsAndResolvesFilesAgainstTheRegistryFolder() throws Exception {
        SourceRegistry registry = parse("""
                # Hartlepool publishes its missing return over HTTPS
                E06000001.missing.kind = https
                E06000001.missing.url = https://data.hartlepool.example/returns/missing.csv
                E06000001.missing.token-file = secrets/E06000001.token
                E06000001.missing.sha256-url = https://data.hartlepool.example/returns/missing.csv.sha256
                E06000001.missing.read-timeout = 30s
                E08000025.ssda903.kind = sftp
                E08000025.ssda903.host = sftp.birmingham.example
                E08000025.ssda903.user = datapack
                E08000025.ssda903.key-file = /secure/E08000025.key
                E08000025.ssda903.remote-dir = /outgoing/ssda903
                E08000025.ssda903.known-hosts = known_hosts
                E08000025.ssda903.max-attempts = 2
                E08000025.ssda903.max-file-size = 500MB
                E09000001.oversight.kind = inbox
                """);

        List<SourceEntry> entries = registry.entries();
        assertEquals(3, entries.size());
        HttpsSource https = assertInstanceOf(HttpsSource.class, entries.get(0));
        assertEquals(URI.create("https://data.hartlepool.example/returns/missing.csv"), https.url());
        assertEquals(Optional.of(SecretRef.file(BASE.resolve("secrets/E06000001.token"))), https.token());
        assertEquals(Duration.ofSeconds(30), https.readTimeout());
        assertEquals(Duration.ofSeconds(10), https.connectTimeout());
        assertEquals(RetryPolicy.DEFAULT, https.retry());
        SftpSource sftp = assertInstanceOf(SftpSource.class, entries.get(1));
        assertEquals(22, sftp.port());
        assertEquals(SftpSource.CredentialKind.PRIVATE_KEY, sftp.credentialKind());
        assertEquals("/secure/E08000025.key", sftp.credential().location());
        assertEquals(BASE.resolve("known_hosts"), sftp.knownHosts());
        assertEquals(2, sftp.retry().maxAttempts());
        assertEquals(500L * 1024 * 1024, sftp.maxFileBytes());
        assertEquals(2L * 1024 * 1024 * 1024, https.maxFileBytes());
        assertEquals(new InboxSource(new SourceKey("E09000001", ReturnCode.OVERSIGHT)), entries.get(2));
        assertEquals(List.of(sftp), registry.entriesFor(Set.of("E08000025")));
    }

    @Test
    void reportsEveryProblemNamingItsEntry() {
        RegistryException error = assertThrows(RegistryException.class, () -> parse("""
                E06000001.missing.kind = https
                E06000001.missing.url = http://data.hartlepool.example/missing.csv
                E06000001.missing.token-file = a
                E06000001.missing.token-env = B
                E06000002.missing.kind = https
                E06000002.missing.read-timeout = soon
                E08000025.ssda903.kind = sftp
                E08000025.ssda903.host = sftp.example
                E08000025.ssda903.hots = typo
                E99.missing.kind = https
                E06000003.placements.kind = https
                E06000004.missing.kind = ftp
                not-a-key = 1
                """));

        assertEquals(Stream.of(
                "E06000001.missing: url http://data.hartlepool.example/missing.csv must be an https:// URL"
                        + " (http:// only to localhost)",
                "E06000001.missing: give token-file or token-env, not both",
                "E06000002.missing: url is required for kind https",
                "E06000002.missing: read-timeout 'soon' is not a duration such as 250ms, 10s or 2m",
                "E06000003.placements.kind: 'placements' is not a return (ssda903, missing, oversight)",
                "E06000004.missing: kind 'ftp' is not one of inbox, https, sftp",
                "E08000025.ssda903: unknown setting 'hots' for kind sftp",
                "E08000025.ssda903: user is required for kind sftp",
                "E08000025.ssda903: remote-dir is required for kind sftp",
                "E08000025.ssda903: known-hosts is required for kind sftp",
                "E08000025.ssda903: one of key-file or password-file is required for kind sftp",
                "E99.missing.kind: 'E99' is not an LA code (E06/E08/E09/E10 and six digits)",
                "not-a-key: expected <la code>.<return>.<setting>, e.g. E06000001.missing.kind").sorted().toList(),
                error.problems().stream().sorted().toList());
    }

    @Test
    void refusesSecretsWrittenIntoTheRegistryWithoutRepeatingThem() {
        RegistryException error = assertThrows(RegistryException.class, () -> parse("""
                E06000001.missing.kind = https
                E06000001.missing.url = https://la.example/missing.csv
                E06000001.missing.token = s3cr3t-token-value
                E06000002.missing.kind = https
                E06000002.missing.url = https://user:pa55word@la.example/missing.csv
                E08000025.ssda903.kind = sftp
                E08000025.ssda903.password = hunter2-password
                """));

        assertFalse(error.getMessage().contains("s3cr3t-token-value"), error.getMessage());
        assertFalse(error.getMessage().contains("pa55word"), error.getMessage());
        assertFalse(error.getMessage().contains("hunter2-password"), error.getMessage());
        assertEquals(List.of(
                "E06000001.missing: token must not be written in the registry: name a file (token-file, key-file,"
                        + " password-file) or an environment variable (token-env) holding it",
                "E06000002.missing: url must not carry credentials in the URL; use token-file or token-env"),
                error.problems().stream().filter(problem -> problem.startsWith("E06")).sorted().toList());
    }

    @Test
    void refusesASettingGivenTwice() {
        RegistryException error = assertThrows(RegistryException.class, () -> parse("""
                E06000001.missing.kind = inbox
                E06000001.missing.kind = https
                """));

        assertEquals(List.of("E06000001.missing.kind: set more than once"), error.problems().subList(0, 1));
    }

    @Test
    void allowsPlainHttpToTheLoopbackInterfaceOnly() throws Exception {
        SourceRegistry registry = parse("""
                E06000001.missing.kind = https
                E06000001.missing.url = http://127.0.0.1:8080/missing.csv
                """);

        assertEquals("127.0.0.1", ((HttpsSource) registry.entries().get(0)).url().getHost());
    }

    private static SourceRegistry parse(String text) throws IOException, RegistryException {
        return SourceRegistry.parse(new StringReader(text), BASE, "sources.properties");
    }
}
