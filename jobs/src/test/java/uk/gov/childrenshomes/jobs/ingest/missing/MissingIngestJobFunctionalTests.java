package uk.gov.childrenshomes.jobs.ingest.missing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import uk.gov.childrenshomes.generator.output.XlsxTable;
import uk.gov.childrenshomes.jobs.TestIngestApplication;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.childrenshomes.jobs.validation.MissingRulesTest.CARE;
import static uk.gov.childrenshomes.jobs.validation.MissingRulesTest.HOME;
import static uk.gov.childrenshomes.jobs.validation.MissingRulesTest.INCIDENTS;

@ExtendWith(WarehouseExtension.class)
class MissingIngestJobFunctionalTests {

    /** An INCIDENT_ID that is a spreadsheet formula: rejected (MIS-01) and shown in the report as text. */
    static final String FORMULA = "=HYPERLINK(\"x\"),H1,30/11/2011,HOME,M,18/06/2024 18:05,18/06/2024 23:50,,,,N,,,,";
    static final String STILL_MISSING = "M5,A123456,14/02/2009,CARE,A,28/03/2025 22:10,,Y,E06000001,E06000004,,,,,";

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
    void loadsTheCsvReturnAndReportsTheRejectedRowAsText(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("E06000001_missing_2025.csv"),
                String.join("\n", INCIDENTS.header(), CARE, HOME, "\"" + FORMULA.replace("\"", "\"\"").replaceFirst(",", "\","), STILL_MISSING) + "\n");

        JobExecution execution = application.ingest("E06000001", "missing", 2025, List.of(file), folder.resolve("outbox"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(TestIngestApplication.step(execution, "load").getReadCount()).isEqualTo(4);
        assertThat(TestIngestApplication.step(execution, "load").getWriteCount()).isEqualTo(4);
        long submission = TestIngestApplication.submissionId(execution);
        assertThat(application.jdbc().queryForObject(
                "SELECT state || ' ' || rows_received || '=' || rows_loaded || '+' || rows_rejected FROM ops.submission WHERE submission_id = ?",
                String.class, submission)).isEqualTo("loaded 4=3+1");
        assertThat(Files.readString(folder.resolve("outbox/validation-report.csv")))
                .contains("MIS-01,error,E06000001_missing_2025.csv,3,INCIDENT_ID,\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Files.readString(folder.resolve("outbox/validation-report.txt"))).contains("ACCEPTED").contains("rejected 1");
        assertThat(application.jdbc().queryForList(
                "SELECT child_pseudonym FROM landing.missing_incident WHERE submission_id = ?", String.class, submission))
                .hasSize(3).allSatisfy(pseudonym -> assertThat(pseudonym).hasSize(64).doesNotContain("A123456"));
    }

    @Test
    void anXlsxWorkbookLoadsTheSameRowsAsTheCsvFile(@TempDir Path folder) throws Exception {
        Path csv = Files.writeString(Files.createDirectories(folder.resolve("csv")).resolve("E06000002_missing_2025.csv"),
                String.join("\n", INCIDENTS.header(), CARE.replace("E06000001", "E06000002"), HOME, STILL_MISSING.replace("E06000001", "E06000002")) + "\n");
        Path xlsx = Files.createDirectories(folder.resolve("xlsx")).resolve("E06000002_missing_2025.xlsx");
        XlsxTable.write(xlsx, "Missing incidents", Arrays.asList(INCIDENTS.header().split(",")), Files.readAllLines(csv).stream().skip(1)
                .map(line -> line.split(",", -1)).toList(), LocalDate.of(2025, 3, 31));

        long fromCsv = TestIngestApplication.submissionId(application.ingest("E06000002", "missing", 2025, List.of(csv), folder.resolve("o1")));
        long fromXlsx = TestIngestApplication.submissionId(application.ingest("E06000002", "missing", 2025, List.of(xlsx), folder.resolve("o2")));

        assertThat(application.landingRows("landing.missing_incident", fromXlsx)).hasSize(3)
                .isEqualTo(application.landingRows("landing.missing_incident", fromCsv));
    }
}
