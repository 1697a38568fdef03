package uk.gov.childrenshomes.jobs.ingest.ssda903;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import uk.gov.childrenshomes.jobs.TestIngestApplication;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(WarehouseExtension.class)
class Ssda903IngestJobFunctionalTests {

    static final String LA = "E06000001";

    static final String HEADER = """
            CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
            A1,1,01/02/2010,WBRI,,,
            A2,2,15/06/2012,WIRI,,,
            """;
    static final String EPISODES = """
            CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
            A1,01/05/2024,S,C2,N1,U1,PR1,,,,TS1 1AA,TS2 2BB,
            A2,01/06/2024,S,C2,N1,K2,PR4,01/07/2024,E11,,TS1 1AA,TS2 2BB,SC123456
            A2,01/07/2024,P,C2,N1,U4,PR1,,,,TS1 1AA,TS2 2BB,
            """;
    static final String MISSING = """
            CHILD,DOB,MISSING,MIS_START,MIS_END
            A1,01/02/2010,M,01/08/2024,02/08/2024
            """;
    /** The same three tables as the EXPSSDA903 XML export writes them. */
    static final String XML = """
            <?xml version='1.0' encoding='utf-8'?>
            <EXPSSDA903><CHILD><HEADER><CHILDID>A1</CHILDID><UPN /><SEX>1</SEX><DOB>01/02/2010</DOB><ETHNIC>WBRI</ETHNIC><UASC />\
            <MOTHER /><MC_DOB /></HEADER><EPISODE><DECOM>01/05/2024</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL>\
            <PL_POST>TS2 2BB</PL_POST><HOME_POST>TS1 1AA</HOME_POST><URN /><PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC /><REC />\
            <REASON_PLACE_CHANGE /></EPISODE><AMISSING><MISSING>M</MISSING><MIS_START>01/08/2024</MIS_START>\
            <MIS_END>02/08/2024</MIS_END></AMISSING></CHILD>\
            <CHILD><HEADER><CHILDID>A2</CHILDID><UPN /><SEX>2</SEX><DOB>15/06/2012</DOB><ETHNIC>WIRI</ETHNIC><UASC /><MOTHER />\
            <MC_DOB /></HEADER><EPISODE><DECOM>01/06/2024</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>K2</PL>\
            <PL_POST>TS2 2BB</PL_POST><HOME_POST>TS1 1AA</HOME_POST><URN>SC123456</URN><PLACE_PROVIDER>PR4</PLACE_PROVIDER>\
            <DEC>01/07/2024</DEC><REC>E11</REC><REASON_PLACE_CHANGE /></EPISODE><EPISODE><DECOM>01/07/2024</DECOM><RNE>P</RNE>\
            <LS>C2</LS><CIN>N1</CIN><PL>U4</PL><PL_POST>TS2 2BB</PL_POST><HOME_POST>TS1 1AA</HOME_POST><URN />\
            <PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC /><REC /><REASON_PLACE_CHANGE /></EPISODE></CHILD></EXPSSDA903>
            """;

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
    void loadsTheCsvSetWithBadRowsRejectedAndEveryRowAccountedFor(@TempDir Path folder) throws Exception {
        List<Path> files = List.of(
                write(folder, "header.csv", HEADER + "A3,9,15/06/2012,WBRI,,,\n"),
                // Row 4 ends before it starts (DP060, found set-based); row 5 has no real start date (141).
                write(folder, "episodes.csv", EPISODES + "A3,15/04/2024,S,C2,N1,U1,PR1,10/04/2024,E11,,,,\n"
                        + "A2,32/01/2024,S,C2,N1,U1,PR1,,,,,,\n"),
                write(folder, "missing.csv", MISSING));

        JobExecution execution = application.ingest("E06000002", "ssda903", 2025, files, folder.resolve("outbox"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        StepExecution load = TestIngestApplication.step(execution, "load");
        assertThat(load.getReadCount()).isEqualTo(9);
        assertThat(load.getWriteCount()).isEqualTo(9);
        assertThat(load.getSkipCount()).isZero();
        long submission = TestIngestApplication.submissionId(execution);
        assertThat(application.totals(submission)).containsExactly("loaded", 9L, 6L, 3L);
        assertThat(application.jdbc().queryForList(
                "SELECT rule_code || ' ' || file_name || ':' || row_number FROM ops.validation_issue WHERE submission_id = ? AND severity = 'error' ORDER BY 1",
                String.class, submission))
                .containsExactly("101 header.csv:3", "141 episodes.csv:5", "DP060 episodes.csv:4");
        assertThat(application.jdbc().queryForList("""
                SELECT file_name || ' ' || rows_received || '=' || rows_loaded || '+' || rows_rejected
                  FROM ops.submission_file WHERE submission_id = ? ORDER BY file_name
                """, String.class, submission))
                .containsExactly("episodes.csv 5=3+2", "header.csv 3=2+1", "missing.csv 1=1+0");
        assertThat(application.jdbc().queryForObject(
                "SELECT count(*) FROM landing.ssda903_episode WHERE submission_id = ?", Long.class, submission)).isEqualTo(3);
        assertThat(Files.readString(folder.resolve("outbox/validation-report.csv"))).contains("DP060,error,episodes.csv,4,DEC");
    }

    @Test
    void theXmlExportAndTheCsvSetOfTheSameDataLoadTheSameRows(@TempDir Path folder) throws Exception {
        Path csv = Files.createDirectories(folder.resolve("csv"));
        JobExecution fromCsv = application.ingest("E06000003", "ssda903", 2025, List.of(write(csv, "header.csv", HEADER),
                write(csv, "episodes.csv", EPISODES), write(csv, "missing.csv", MISSING)), folder.resolve("outbox-csv"));
        JobExecution fromXml = application.ingest("E06000003", "ssda903", 2025,
                List.of(write(Files.createDirectories(folder.resolve("xml")), "E06000003_ssda903_2025.xml", XML)),
                folder.resolve("outbox-xml"));

        assertThat(fromXml.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        for (String table : List.of("ssda903_header", "ssda903_episode", "ssda903_missing")) {
            assertThat(application.landingRows("landing." + table, TestIngestApplication.submissionId(fromXml)))
                    .as(table).isNotEmpty().isEqualTo(application.landingRows("landing." + table, TestIngestApplication.submissionId(fromCsv)));
        }
    }

    @Test
    void aResubmissionSupersedesTheEarlierOneAndAnUnchangedOneIsNotProcessedAgain(@TempDir Path folder) throws Exception {
        Path first = Files.createDirectories(folder.resolve("first"));
        List<Path> original = List.of(write(first, "header.csv", HEADER), write(first, "episodes.csv", EPISODES));
        long earlier = TestIngestApplication.submissionId(application.ingest(LA, "ssda903", 2025, original, folder.resolve("o1")));

        assertThat(application.ingest(LA, "ssda903", 2025, original, folder.resolve("o2"))).as("unchanged resend").isNull();

        Path second = Files.createDirectories(folder.resolve("second"));
        long later = TestIngestApplication.submissionId(application.ingest(LA, "ssda903", 2025,
                List.of(write(second, "header.csv", HEADER), write(second, "episodes.csv", EPISODES + "A1,01/03/2025,P,C2,N1,U2,PR1,,,,,,\n")),
                folder.resolve("o3")));

        assertThat(application.jdbc().queryForObject("SELECT state || ' by ' || superseded_by FROM ops.submission WHERE submission_id = ?",
                String.class, earlier)).isEqualTo("superseded by " + later);
        assertThat(application.totals(later).get(0)).isEqualTo("loaded");
    }

    @Test
    void aFileNamedForAnotherLaIsRejectedWithTheReasonAndNothingLoaded(@TempDir Path folder) throws Exception {
        JobExecution execution = application.ingest("E06000004", "ssda903", 2025,
                List.of(write(folder, "E06000005_ssda903_2025.xml", XML)), folder.resolve("outbox"));

        long submission = TestIngestApplication.submissionId(execution);
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(application.jdbc().queryForObject("SELECT state_reason FROM ops.submission WHERE submission_id = ?",
                String.class, submission)).contains("another LA's code").contains("E06000005");
        assertThat(application.totals(submission).get(0)).isEqualTo("rejected");
    }

    @Test
    void aReturnOfAnotherYearIsRejected(@TempDir Path folder) throws Exception {
        JobExecution execution = application.ingest("E06000006", "ssda903", 2023,
                List.of(write(folder, "header.csv", HEADER), write(folder, "episodes.csv", EPISODES)), folder.resolve("outbox"));

        long submission = TestIngestApplication.submissionId(execution);
        assertThat(application.totals(submission)).containsExactly("rejected", 5L, 0L, 5L);
        assertThat(application.jdbc().queryForObject("SELECT state_reason FROM ops.submission WHERE submission_id = ?",
                String.class, submission)).contains("None of the episodes falls in the collection year");
    }

    static Path write(Path folder, String name, String content) throws Exception {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }
}
