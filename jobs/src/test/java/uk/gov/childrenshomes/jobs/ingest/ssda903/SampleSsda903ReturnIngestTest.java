package uk.gov.childrenshomes.jobs.ingest.ssda903;

import uk.gov.childrenshomes.jobs.SharedSamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import uk.gov.childrenshomes.jobs.TestIngestApplication;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real-format samples (data-to-insight's fake SSDA903 return: ~5,000 episodes of 2,675 children, 2015 to 2018)
 * load as one LA's return for collection year 2018, as the CSV set and as the XML export, with a validation report.
 */
@ExtendWith(WarehouseExtension.class)
class SampleSsda903ReturnIngestTest {

    static final Path SAMPLES = SharedSamples.ssda903FakeData();
    static final List<String> TABLES = List.of("header", "episodes", "missing", "uasc", "reviews", "oc2", "oc3", "ad1",
            "placed_for_adoption", "previous_permanence", "sw_episodes");

    static TestIngestApplication application;

    @BeforeAll
    static void start(WarehouseConnection warehouse) {
        application = TestIngestApplication.start(warehouse);
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    @Test
    void theSampleCsvSetLoadsWithEveryRowAccountedFor(@TempDir Path folder) throws Exception {
        List<Path> files = new ArrayList<>();
        long dataRows = 0;
        for (String table : TABLES) {
            Path copy = Files.copy(SAMPLES.resolve(table + ".csv"), folder.resolve(table + ".csv"));
            files.add(copy);
            dataRows += Files.readAllLines(copy).stream().skip(1).filter(line -> !line.isBlank()).count();
        }

        JobExecution execution = application.ingest("E06000010", "ssda903", 2018, files, folder.resolve("outbox"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long submission = TestIngestApplication.submissionId(execution);
        List<Object> totals = application.totals(submission);
        assertThat(totals.get(0)).isEqualTo("loaded");
        assertThat(totals.get(1)).isEqualTo(dataRows);
        assertThat((Long) totals.get(2) + (Long) totals.get(3)).isEqualTo(dataRows);
        assertThat(application.jdbc().queryForObject("SELECT count(*) FROM landing.ssda903_episode WHERE submission_id = ?",
                Long.class, submission)).isGreaterThan(4000);
        assertThat(folder.resolve("outbox/validation-report.csv")).exists();
        assertThat(Files.readString(folder.resolve("outbox/validation-report.txt"))).contains("ACCEPTED");
    }

    @Test
    void theSampleXmlExportLoads(@TempDir Path folder) throws Exception {
        Path copy = Files.copy(SAMPLES.resolve("fake_903.xml"), folder.resolve("fake_903.xml"));

        JobExecution execution = application.ingest("E06000011", "ssda903", 2018, List.of(copy), folder.resolve("outbox"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long submission = TestIngestApplication.submissionId(execution);
        assertThat(application.totals(submission).get(0)).isEqualTo("loaded");
        assertThat(application.jdbc().queryForObject("SELECT count(*) FROM landing.ssda903_header WHERE submission_id = ?",
                Long.class, submission)).isGreaterThan(100);
        assertThat(application.jdbc().queryForObject("SELECT count(*) FROM landing.ssda903_ad1 WHERE submission_id = ?",
                Long.class, submission)).isPositive();
    }
}
