package uk.gov.childrenshomes.jobs.ingest.oversight;

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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(WarehouseExtension.class)
class OversightIngestJobFunctionalTests {

    static final String HEADER = "CHILD,DECOM,PLACE,URN,HOST_LA,APPROVED_BY,APPROVAL_DATE,EMERGENCY,HOST_NOTIFIED,"
            + "HOST_NOTIFIED_DATE,ADMISSION_NOTICE_DATE,DISCHARGE_NOTICE_DATE";

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
    void loadsValidPlacementsAndRejectsEachBrokenRuleUnderItsCode(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("E10000014_oversight_2025.csv"), String.join("\n", HEADER,
                "A123456,02/05/2024,K2,SC482113,E06000004,DCS,30/04/2024,N,Y,01/05/2024,02/05/2024,19/11/2024",
                "B220931,14/08/2024,U4,XXXXXXX,E10000023,NOM,16/08/2024,Y,Y,19/08/2024,,",
                "B220931,14/08/2024,U4,XXXXXXX,E10000023,NOM,16/08/2024,Y,Y,19/08/2024,,",     // OOA-03 repeats row 2
                "C1,01/05/2023,U4,XXXXXXX,E10000023,NOM,01/05/2023,N,Y,01/05/2023,,",           // OOA-02 another year
                "C2,01/06/2024,P1,,E10000023,,,N,N,,,",                                          // OOA-04 parents
                "C3,01/06/2024,K2,,E10000023,DCS,01/06/2024,N,Y,01/06/2024,,",                  // OOA-05 no URN
                "C4,01/06/2024,U1,,E10000014,,,N,N,,,",                                          // OOA-06 own LA
                "C5,01/06/2024,U1,,E10000023,NOM,,N,N,,,",                                       // OOA-07 no date
                "C6,01/06/2024,U1,,E10000023,,,X,N,,,",                                          // OOA-08
                "C7,01/06/2024,U1,,E10000023,,,N,Y,,,",                                          // OOA-09 no date
                "C8,01/06/2024,U1,,E10000023,,,N,N,,01/06/2024,",                                // OOA-10 not a home
                "C9,01/06/2024,K1,SC000001,E10000023,DCS,01/06/2024,N,Y,01/06/2024,,01/05/2024") // OOA-11 before start
                + "\n");

        JobExecution execution = application.ingest("E10000014", "oversight", 2025, List.of(file), folder.resolve("outbox"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(TestIngestApplication.step(execution, "load").getWriteCount()).isEqualTo(12);
        long submission = TestIngestApplication.submissionId(execution);
        assertThat(application.jdbc().queryForList("""
                SELECT rule_code || ':' || row_number FROM ops.validation_issue
                 WHERE submission_id = ? AND severity = 'error' ORDER BY row_number, rule_code
                """, String.class, submission)).containsExactly("OOA-03:3", "OOA-02:4", "OOA-04:5", "OOA-05:6", "OOA-06:7",
                "OOA-07:8", "OOA-08:9", "OOA-09:10", "OOA-10:11", "OOA-11:12");
        assertThat(application.jdbc().queryForObject(
                "SELECT state || ' ' || rows_received || '=' || rows_loaded || '+' || rows_rejected FROM ops.submission WHERE submission_id = ?",
                String.class, submission)).isEqualTo("loaded 12=2+10");
    }
}
