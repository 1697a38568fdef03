package uk.gov.childrenshomes.jobs;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import uk.gov.childrenshomes.generator.CollectionYear;
import uk.gov.childrenshomes.generator.GenerationRequest;
import uk.gov.childrenshomes.generator.NationalGenerator;
import uk.gov.childrenshomes.jobs.validation.ValidationRuleCatalogue;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The malformed-file corpus (src/test/resources/malformed/, listed with the rule each must produce in its
 * manifest.csv): every delivery goes into its own LA's inbox folder next to a clean generated LA, and one run of
 * the {@code ingest} command must report each under its rule with the rule's plain-English message in the LA's
 * outbox, load the clean LA in full, and account for every row of every submission.
 */
@ExtendWith(WarehouseExtension.class)
public class MalformedFilesTest {

    public static final Path CORPUS = Path.of("src/test/resources/malformed");
    static final String CLEAN_LA = "E09000033";
    /** Low enough for the corpus's oversized file, well above the clean LA's generated files. */
    static final String SIZE_LIMIT = "65536";
    /** Below the long-record case (20 KB), far above any honest record of the corpus. */
    static final String RECORD_LIMIT = "16384";

    /** One delivery of the corpus: its folder, the return it is sent as, the rule it must produce and the outcome. */
    public record Entry(String folder, String returnCode, String rule, String state, String what) {
    }

    public static List<Entry> entries() throws Exception {
        try (Reader in = Files.newBufferedReader(CORPUS.resolve("manifest.csv"), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).stream()
                    .map(MalformedFilesTest::entry).toList();
        }
    }

    private static Entry entry(CSVRecord row) {
        return new Entry(row.get("entry"), row.get("return"), row.get("rule"), row.get("state"), row.get("what"));
    }

    @Test
    void everyMalformedFileIsReportedUnderItsRuleAndTheOtherLasLoadUntouched(WarehouseConnection warehouse,
                                                                              @TempDir Path inbox) throws Exception {
        NationalGenerator.generate(new GenerationRequest(inbox, new CollectionYear(2025), 0.02, 11, 0.0, List.of(CLEAN_LA)));
        deleteTree(inbox.resolve("national")); // national data plays no part here and is larger than the test's size limit
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(warehouse.url(), warehouse.user(), warehouse.password(), true));
        Iterator<String> otherLas = jdbc.queryForList("""
                SELECT new_la_code FROM core.las_operating_in(2025)
                 WHERE NOT is_unknown_member AND new_la_code NOT IN (?, 'E10000023') ORDER BY new_la_code
                """, String.class, CLEAN_LA).iterator();
        Map<String, Entry> byLa = new HashMap<>();
        for (Entry entry : entries()) {
            String la = otherLas.next();
            byLa.put(la, entry);
            Path folder = Files.createDirectories(inbox.resolve(la).resolve(entry.returnCode()));
            try (Stream<Path> files = Files.list(CORPUS.resolve(entry.folder()))) {
                for (Path file : files.toList()) {
                    Files.copy(file, folder.resolve(file.getFileName()));
                }
            }
        }
        Map<String, String> environment = new HashMap<>(TestIngestApplication.environment(warehouse));
        environment.put("datapack.ingest.maximum-file-bytes", SIZE_LIMIT);
        environment.put("datapack.ingest.maximum-record-bytes", RECORD_LIMIT);

        IngestCommandTest.Result result = IngestCommandTest.run(environment, "ingest", "--inbox", inbox.toString(), "--year", "2025");

        assertThat(result.exitCode()).as(result.err()).isZero();
        ValidationRuleCatalogue catalogue = new ValidationRuleCatalogue();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Entry> delivery : byLa.entrySet()) {
            String la = delivery.getKey();
            Entry entry = delivery.getValue();
            String describe = entry.folder() + " (" + entry.what() + ") sent by " + la;
            List<String> states = jdbc.queryForList("SELECT state FROM ops.submission WHERE la_code = ? AND return_code = ?",
                    String.class, la, entry.returnCode());
            if (!states.equals(List.of(entry.state()))) {
                problems.add(describe + ": submission " + states + ", expected " + entry.state());
            }
            String report = Files.readString(inbox.resolve(la).resolve("outbox").resolve(entry.returnCode()).resolve("validation-report.csv"));
            if (!report.contains(entry.rule() + ",") || !report.contains(catalogue.rule(entry.rule()).message().replace("\"", "\"\""))) {
                problems.add(describe + ": no " + entry.rule() + " with its message in the report:\n" + report);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(jdbc.queryForList("""
                SELECT return_code || ' ' || state || ' ' || rows_received || '=' || rows_loaded FROM ops.submission
                 WHERE la_code = ? ORDER BY return_code
                """, String.class, CLEAN_LA))
                .as("the clean LA loads in full").hasSize(3)
                .allSatisfy(line -> assertThat(line).contains(" loaded ").matches(".* (\\d+)=\\1$"));
        assertThat(jdbc.queryForList("""
                SELECT la_code || ' ' || return_code FROM ops.submission
                 WHERE rows_received <> rows_loaded + rows_rejected
                    OR rows_received <> (SELECT coalesce(sum(f.rows_received), 0) FROM ops.submission_file f
                                          WHERE f.submission_id = submission.submission_id)
                """, String.class)).as("submissions whose rows are not accounted for").isEmpty();
    }

    private static void deleteTree(Path folder) throws Exception {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
