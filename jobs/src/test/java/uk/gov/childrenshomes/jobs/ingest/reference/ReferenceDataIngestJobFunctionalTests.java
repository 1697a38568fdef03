package uk.gov.childrenshomes.jobs.ingest.reference;

import uk.gov.childrenshomes.jobs.SharedSamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import uk.gov.childrenshomes.jobs.TestIngestApplication;
import uk.gov.childrenshomes.jobs.source.InboxScanner;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The national reference data: ONSPD, the LA adjacency list and the Ofsted register in its published layouts. */
@ExtendWith(WarehouseExtension.class)
class ReferenceDataIngestJobFunctionalTests {

    static final Path SAMPLES = SharedSamples.ssda903FakeData();
    static final String NATIONAL = InboxScanner.NATIONAL_CODE;

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
    void anOnspdFileIsMergedIntoThePostcodeDirectoryByColumnName(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("ONSPD_NOV_2024_UK.csv"), """
                pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,usertype,oseast1m,osnrth1m,osgrdind,ctry,rgn
                TS1 1AA,TS1  1AA,TS1 1AA,199801,,E99999999,E99999999,E06000002,E05001,0,449505,519750,1,E92000001,E12000001
                ab101aa,AB10 1AA,AB10 1AA,198001,,S99999999,S99999999,S12000033,S13002,0,394235,806529,1,S92000003,S99999999
                ZZ9 9ZZ,,not a postcode,,,,,,,,,,,,
                """);

        JobExecution execution = application.ingest(NATIONAL, "onspd", 2025, List.of(file), folder.resolve("outbox"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(TestIngestApplication.step(execution, "load").getReadCount()).isEqualTo(3);
        assertThat(application.jdbc().queryForList(
                "SELECT postcode || ' ' || upper_tier_la_code || ' ' || easting FROM landing.onspd_postcode ORDER BY postcode", String.class))
                .containsExactly("AB10 1AA S12000033 394235", "TS1 1AA E06000002 449505");
        assertThat(application.jdbc().queryForObject("SELECT rows_rejected FROM ops.submission WHERE submission_id = ?",
                Long.class, TestIngestApplication.submissionId(execution))).isEqualTo(1);
    }

    @Test
    void theLaAdjacencyListRefreshesTheWarehouseInBothDirections(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("la_adjacency.csv"), """
                la_code,adjacent_la_code
                E06000001,E06000004
                E06000001,Hartlepool
                """);

        JobExecution execution = application.ingest(NATIONAL, "la_adjacency", 2025, List.of(file), folder.resolve("outbox"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(application.jdbc().queryForList("SELECT la_code || '-' || adjacent_la_code FROM core.la_adjacency ORDER BY 1", String.class))
                .containsExactly("E06000001-E06000004", "E06000004-E06000001");
        assertThat(Files.readString(folder.resolve("outbox/validation-report.csv"))).contains("DP053,error,la_adjacency.csv,2,adjacent_la_code,Hartlepool");
    }

    @Test
    void theSampleOfstedWorkbooksLoadInBothLayouts(@TempDir Path folder) throws Exception {
        Path childrensHomes = Files.copy(SAMPLES.resolve("ch_fake.xlsx"), Files.createDirectories(folder.resolve("a")).resolve("ch_fake.xlsx"));
        Path combined = Files.copy(SAMPLES.resolve("combined_scp_ch_fake.xlsx"),
                Files.createDirectories(folder.resolve("b")).resolve("combined_scp_ch_fake.xlsx"));

        JobExecution first = application.ingest(NATIONAL, "ofsted_register", 2024, List.of(childrensHomes), folder.resolve("o1"));
        JobExecution second = application.ingest(NATIONAL, "ofsted_register", 2025, List.of(combined), folder.resolve("o2"));

        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Object> home = application.jdbc().queryForMap(
                "SELECT urn, provider_type, registration_date::text AS registered, closed_date, postcode FROM landing.ofsted_children_home WHERE submission_id = ?",
                TestIngestApplication.submissionId(first));
        assertThat(home).containsEntry("urn", "njascn").containsEntry("provider_type", "Childrens Home")
                .containsEntry("registered", "2023-12-01").containsEntry("postcode", "bn20 8jx");
        assertThat(home.get("closed_date")).as("Ofsted's '-' means none").isNull();
        assertThat(application.jdbc().queryForObject(
                "SELECT rows_received || '=' || rows_loaded || '+' || rows_rejected FROM ops.submission WHERE submission_id = ?",
                String.class, TestIngestApplication.submissionId(second))).isEqualTo("4=4+0");
    }
}
