package uk.gov.childrenshomes.jobs.ingest.missing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.core.job.JobExecution;
import uk.gov.childrenshomes.jobs.TestIngestApplication;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error rule of the missing return (docs/returns/missing-episodes.md): a file whose last row breaks the rule
 * gets that row rejected under the rule's code, the earlier valid rows loaded.
 */
@ExtendWith(WarehouseExtension.class)
class MissingReturnRulesTest {

    static final String HEADER = "INCIDENT_ID,CHILD,DOB,MISSING_FROM,MISSING_TYPE,MIS_START,MIS_END,PLACED_OUT_OF_AREA,"
            + "PLACING_LA,HOST_LA,RHI_OFFERED,RHI_OFFERED_DATE,RHI_ACCEPTED,RHI_COMPLETED_DATETIME,RHI_CONDUCTED_BY";
    static final String CARE = "M1,A123456,14/02/2009,CARE,M,03/05/2024 21:40,04/05/2024 09:15,Y,E06000001,E06000004,Y,04/05/2024,Y,06/05/2024 16:00,IND";
    static final String HOME = "M2,H900231,30/11/2011,HOME,M,17/06/2024 18:05,17/06/2024 23:50,,,,N,,,,";
    /** Valid rows of other children, so that a broken copy trips no cross-row rule by accident. */
    static final String OTHER_CARE = with(with(CARE, 0, "M3"), 1, "B220931");
    static final String OTHER_HOME = with(with(HOME, 0, "M4"), 1, "H111111");

    static TestIngestApplication application;

    @BeforeAll
    static void start(WarehouseConnection warehouse) {
        application = TestIngestApplication.start(warehouse);
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    static Stream<Arguments> rowsBreakingOneRule() {
        return Stream.of(
                Arguments.of("MIS-01", with(OTHER_CARE, 0, "M 3")),
                Arguments.of("MIS-01", with(OTHER_HOME, 0, "M1")),
                Arguments.of("MIS-02", with(OTHER_HOME, 1, "H 90")),
                Arguments.of("MIS-03", with(OTHER_CARE, 2, "14/02/2004")),
                Arguments.of("MIS-04", with(OTHER_HOME, 3, "AWAY")),
                Arguments.of("MIS-05", with(OTHER_HOME, 4, "A")),
                Arguments.of("MIS-06", with(OTHER_HOME, 5, "17/06/2023 18:05")),
                Arguments.of("MIS-07", with(OTHER_HOME, 6, "17/06/2024 17:00")),
                Arguments.of("MIS-08", with(OTHER_CARE, 8, "E06000002")),
                Arguments.of("MIS-08", with(OTHER_HOME, 9, "E06000004")),
                Arguments.of("MIS-09", with(OTHER_CARE, 7, "N")),
                Arguments.of("MIS-10", with(with(HOME, 0, "M4"), 5, "17/06/2024 20:00")),
                Arguments.of("MIS-11", with(HOME, 0, "M4")),
                Arguments.of("MIS-12", with(OTHER_HOME, 10, "")),
                Arguments.of("MIS-13", with(OTHER_CARE, 11, "03/05/2024")),
                Arguments.of("MIS-14", with(OTHER_HOME, 12, "Y")),
                Arguments.of("MIS-15", with(OTHER_CARE, 12, "N")),
                Arguments.of("MIS-16", with(OTHER_CARE, 14, "")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("rowsBreakingOneRule")
    void aRowBreakingTheRuleIsRejectedUnderItsCode(String rule, String row, @TempDir Path folder) throws Exception {
        String la = "E06000001";
        Path file = Files.writeString(folder.resolve(la + "_missing_2025.csv"), String.join("\n", HEADER, CARE, HOME, row) + "\n");

        JobExecution execution = application.ingest(la, "missing", 2025, List.of(file), folder.resolve("outbox"));

        long submission = TestIngestApplication.submissionId(execution);
        assertThat(application.jdbc().queryForList(
                "SELECT rule_code FROM ops.validation_issue WHERE submission_id = ? AND row_number = 3 AND severity = 'error'",
                String.class, submission)).contains(rule);
        assertThat(application.jdbc().queryForObject(
                "SELECT rows_received || '=' || rows_loaded || '+' || rows_rejected FROM ops.submission WHERE submission_id = ?",
                String.class, submission)).isEqualTo("3=2+1");
    }

    static String with(String row, int column, String value) {
        String[] fields = row.split(",", -1);
        fields[column] = value;
        return String.join(",", fields);
    }
}
