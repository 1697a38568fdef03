package uk.gov.childrenshomes.reliability;

import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.childrenshomes.reliability.support.ChildProcess;
import uk.gov.childrenshomes.reliability.support.Inbox;
import uk.gov.childrenshomes.reliability.support.Pipeline;
import uk.gov.childrenshomes.reliability.support.Sql;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real run end to end on generated returns of two LAs (generate, ingest, a publish killed while it writes its
 * files, then a publish to the end), and what an attacker or a careless operator could get out of it afterwards: the
 * pseudonymisation key, what the analyst and loader roles can touch, and identifying data in the published files.
 */
@ExtendWith(WarehouseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndSecurityTest {

    /** Two LAs the generator writes as CSV sets, so that every identifier they hold can be read back for the scan. */
    private static final List<String> LAS = List.of("E06000001", "E08000025");
    private static final Pattern RELEASE_DIRECTORY = Pattern.compile("\\d{4}-r\\d{3}");
    private static final String DEMO_KEY = "demo-key-not-for-real-data-0000000000000000";
    private static final String KEY_VARIABLE = "DATAPACK_PSEUDONYMISATION_KEY";
    private static final String KEY_FILE_VARIABLE = "DATAPACK_PSEUDONYMISATION_KEY_FILE";

    private Pipeline pipeline;
    private Inbox inbox;
    private Path out;
    private ChildProcess.Result ingest;
    private List<String> outputAfterKilledPublish;
    private long releasesRecordedAfterKilledPublish;
    private ChildProcess.Result publish;

    @BeforeAll
    void runThePipeline(WarehouseConnection warehouse, @TempDir Path work) throws IOException {
        pipeline = new Pipeline(warehouse, work);
        inbox = Inbox.generated(pipeline, work.resolve("inbox"), 0.02, LAS);
        ingest = pipeline.ingest("ingest", inbox.root());
        assertEquals(0, ingest.exitCode(), ingest::describe);
        out = Files.createDirectories(work.resolve("out"));

        ChildProcess interrupted = pipeline.startPublish("publish-killed", out);
        awaitStagedDataFile(interrupted);
        interrupted.killHard();
        outputAfterKilledPublish = listing(out);
        releasesRecordedAfterKilledPublish = Sql.number(warehouse, "SELECT count(*) FROM pub.release");

        publish = pipeline.startPublish("publish", out).waitFor();
        assertEquals(0, publish.exitCode(), publish::describe);
    }

    /** Waits until the publish has begun writing release files (into its staging directory), the moment to kill it. */
    private void awaitStagedDataFile(ChildProcess publishing) {
        publishing.awaitWhileRunning("the publish wrote a release file", () -> {
            try (Stream<Path> files = Files.walk(out)) {
                return files.filter(path -> path.toString().contains("/.staging-") && path.toString().contains("/data/")
                        && Files.isRegularFile(path)).findFirst();
            } catch (IOException | UncheckedIOException racedWithTheWriter) {
                return Optional.empty(); // a file moved while listed: look again
            }
        });
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private Path release() throws IOException {
        List<String> releases = listing(out).stream().filter(name -> RELEASE_DIRECTORY.matcher(name).matches()).toList();
        assertEquals(1, releases.size(), releases::toString);
        return out.resolve(releases.get(0));
    }

    // ---- publish interrupted ----

    @Test
    void aPublishKilledWhileWritingLeavesNoReleaseVisibleAsComplete() throws IOException {
        assertTrue(outputAfterKilledPublish.stream().noneMatch(name -> RELEASE_DIRECTORY.matcher(name).matches()),
                () -> "a release directory is visible after the publish was killed: " + outputAfterKilledPublish);
        assertEquals(0, releasesRecordedAfterKilledPublish, "a killed publish recorded a release in pub.release");
        Path release = release();
        assertTrue(Files.isRegularFile(release.resolve("manifest.json")), "the publish run again completes the release");
        assertEquals(1, Sql.number(pipeline.warehouse(), "SELECT count(*) FROM pub.release"));
    }

    // ---- the pseudonymisation key ----

    @Test
    void aRealIngestRefusesToStartWithNoKey() {
        Map<String, String> environment = pipeline.environment();
        environment.remove(KEY_FILE_VARIABLE);
        assertIngestRefused("ingest-without-key", environment, KEY_FILE_VARIABLE);
    }

    @Test
    void aRealIngestRefusesTheDemoKey() {
        Map<String, String> environment = pipeline.environment();
        environment.remove(KEY_FILE_VARIABLE);
        environment.put(KEY_VARIABLE, DEMO_KEY);
        assertIngestRefused("ingest-with-demo-key", environment, "demo key");
    }

    /**
     * A key file as a default umask leaves it (mode 644: everyone on the machine can read the key) is refused, as
     * la-sources refuses such a secret file and ssh a private key; the message names the fix and never the key.
     */
    @Test
    void aRealIngestRefusesAKeyFileGroupOrOthersCanRead(@TempDir Path secrets) throws IOException {
        Path readable = Files.writeString(secrets.resolve("pseudonymisation.key"), pipeline.secretKey() + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rw-r--r--"));
        Map<String, String> environment = pipeline.environment();
        environment.put(KEY_FILE_VARIABLE, readable.toString());
        String stderr = assertIngestRefused("ingest-with-readable-key-file", environment, "chmod 600").stderr();
        assertTrue(stderr.contains(KEY_FILE_VARIABLE) && stderr.contains("rw-r--r--"), stderr);
        assertFalse(stderr.contains(pipeline.secretKey()), "the refusal printed the key");
    }

    /** Refused before anything starts (exit 2, no ingest run recorded), with a message that names the fix. */
    private ChildProcess.Result assertIngestRefused(String name, Map<String, String> environment, String namedInTheMessage) {
        long ingestRuns = Sql.number(pipeline.warehouse(), "SELECT count(*) FROM ops.ingest_run");
        ChildProcess.Result result = ChildProcess.run(name, pipeline.jobsCommand(List.of(), Pipeline.ingestArguments(inbox.root())),
                environment, pipeline.logs());
        assertEquals(2, result.exitCode(), result::describe);
        assertTrue(result.stderr().contains(namedInTheMessage), result::describe);
        assertEquals(ingestRuns, Sql.number(pipeline.warehouse(), "SELECT count(*) FROM ops.ingest_run"),
                "a refused ingest started a run");
        return result;
    }

    @Test
    void theKeyAppearsInNoLogNoOutputFileAndNoTable() throws IOException {
        String key = pipeline.secretKey();
        List<String> leaks = new ArrayList<>();
        for (Path folder : List.of(pipeline.logs(), inbox.root(), out)) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(Files::isRegularFile).filter(file -> contains(file, key)).forEach(file -> leaks.add(file.toString()));
            }
        }
        for (String table : Sql.strings(pipeline.warehouse(), """
                SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                 WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type IN ('BASE TABLE', 'VIEW')""")) {
            if (Sql.number(pipeline.warehouse(), "SELECT count(*) FROM " + table + " t WHERE t::text LIKE ?", "%" + key + "%") > 0) {
                leaks.add(table);
            }
        }
        assertEquals(List.of(), leaks, "the pseudonymisation key was found in these");
        assertTrue(Files.list(pipeline.logs()).count() > 0, "the scan covered the runs' logs");
    }

    @Test
    void noCommandPrintsTheKeyOrTheWarehousePasswordInItsHelp() {
        Map<String, String> environment = pipeline.environment();
        environment.put(KEY_VARIABLE, pipeline.secretKey());
        String password = environment.get("WAREHOUSE_PASSWORD");
        List<List<String>> helps = List.of(pipeline.jobsCommand(List.of("-Xmx256m"), List.of("ingest", "--help")),
                pipeline.publishCommand(List.of("--help")), pipeline.pullCommand(List.of("--help")));
        for (List<String> command : helps) {
            ChildProcess.Result help = ChildProcess.run("help", command, environment, pipeline.logs());
            assertEquals(0, help.exitCode(), help::describe);
            assertTrue(help.output().contains("Usage"), help::describe);
            assertFalse(help.output().contains(pipeline.secretKey()), "the key is printed by " + command);
            assertFalse(!password.isEmpty() && help.output().contains(password), "the password is printed by " + command);
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- roles ----

    @Test
    void theAnalystCannotReadLandingOpsPostcodesOrPseudonyms() throws SQLException {
        List<String> readable = new ArrayList<>();
        List<String> restricted = Sql.strings(pipeline.warehouse(), """
                SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                 WHERE table_schema IN ('landing', 'ops') ORDER BY 1""");
        restricted = new ArrayList<>(restricted);
        restricted.addAll(Sql.strings(pipeline.warehouse(), """
                SELECT DISTINCT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.columns
                 WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
                   AND (column_name ~ '(^|_)postcode$' OR column_name ~ 'pseudonym' OR column_name = 'date_of_birth')"""));
        assertTrue(restricted.contains("landing.missing_incident") && restricted.size() > 10, restricted::toString);
        for (String table : restricted) {
            if (canSelect("datapack_analyst", "SELECT 1 FROM " + table + " LIMIT 1")) {
                readable.add(table);
            }
        }
        assertEquals(List.of(), readable, "the analyst role can read these");
        assertTrue(canSelect("datapack_analyst", "SELECT 1 FROM mart.accepted_return LIMIT 1"),
                "the analyst role reads the marts (so the refusals above are about privileges, not a broken role)");
    }

    @Test
    void theLoaderCannotAlterAPublishedRelease() throws SQLException {
        assertFalse(canSelect("datapack_loader", "UPDATE pub.release SET manifest = '{}'::jsonb"));
        assertFalse(canSelect("datapack_loader", "DELETE FROM pub.placement_location"));
        assertFalse(canSelect("datapack_loader", "INSERT INTO pub.release_file SELECT * FROM pub.release_file LIMIT 1"));
    }

    /** Runs {@code sql} as {@code role}; false when refused for want of privilege (SQLSTATE 42501), rolled back either way. */
    private boolean canSelect(String role, String sql) throws SQLException {
        try (Connection connection = pipeline.warehouse().open(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET ROLE " + role);
            try {
                statement.execute(sql);
                return true;
            } catch (SQLException e) {
                assertEquals("42501", e.getSQLState(), () -> "expected a privilege error for " + sql + ", got " + e.getMessage());
                return false;
            } finally {
                connection.rollback();
            }
        }
    }

    // ---- published files ----

    @Test
    void noFileOfTheReleaseHoldsAChildIdDateOfBirthPostcodeHomeNameOrAddress() throws IOException {
        Set<String> childIds = new LinkedHashSet<>();
        Set<String> phrases = new LinkedHashSet<>();
        for (String la : LAS) {
            childIds.addAll(column(inbox.folder(la, "ssda903").resolve("header.csv"), "CHILD"));
            childIds.addAll(column(inbox.folder(la, "missing").resolve(Inbox.missingFileName(la)), "CHILD"));
            for (String dob : column(inbox.folder(la, "ssda903").resolve("header.csv"), "DOB")) {
                phrases.add(dob);
                phrases.add(dob.substring(6) + "-" + dob.substring(3, 5) + "-" + dob.substring(0, 2));
            }
            for (String name : List.of("HOME_POST", "PL_POST")) {
                column(inbox.folder(la, "ssda903").resolve("episodes.csv"), name).forEach(phrases::add);
            }
        }
        Path ofsted;
        try (Stream<Path> files = Files.list(inbox.root().resolve("national/ofsted"))) {
            ofsted = files.filter(file -> file.toString().endsWith(".csv")).findFirst().orElseThrow();
        }
        for (String name : List.of("Setting Name", "Setting Address Line 1", "Setting Address Line 2", "Setting Address Postcode",
                "Owner Address Line 1", "Owner Postcode")) {
            phrases.addAll(column(ofsted, name));
        }
        phrases.removeIf(String::isBlank);
        List.copyOf(phrases).stream().filter(phrase -> phrase.matches("[A-Z0-9]+ [0-9][A-Z]{2}"))
                .forEach(postcode -> phrases.add(postcode.replace(" ", "")));
        assertTrue(childIds.size() > 50 && phrases.size() > 100, "the scan looks for what the inputs really hold");

        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(release())) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            Set<String> tokens = new HashSet<>(List.of(content.split("[^A-Za-z0-9]+")));
            childIds.stream().filter(tokens::contains).forEach(id -> found.add(file.getFileName() + ": child ID " + id));
            phrases.stream().filter(content::contains).forEach(phrase -> found.add(file.getFileName() + ": " + phrase));
        }
        assertTrue(files.size() > 10, files::toString);
        assertEquals(List.of(), found, "identifying data in the published release");
    }

    private static List<String> column(Path csvFile, String name) throws IOException {
        try (Reader reader = Files.newBufferedReader(csvFile, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).stream()
                    .map(record -> record.get(name)).filter(value -> !value.isBlank()).toList();
        }
    }
}
