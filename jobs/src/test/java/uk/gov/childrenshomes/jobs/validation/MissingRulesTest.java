package uk.gov.childrenshomes.jobs.validation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.childrenshomes.jobs.TestIngestApplication;
import uk.gov.childrenshomes.jobs.validation.RuleCaseSubmission.RuleCase;
import uk.gov.childrenshomes.jobs.validation.RuleCaseSubmission.Table;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.childrenshomes.jobs.validation.RuleCaseSubmission.with;

/**
 * Every row rule of the missing return (docs/returns/missing-episodes.md), one case each, in one submission whose
 * LA has an SSDA903 return loaded (MIS-17 compares the two).
 */
@ExtendWith(WarehouseExtension.class)
public class MissingRulesTest {

    static final String LA = "E06000001";
    public static final Table INCIDENTS = new Table(LA + "_missing_2025.csv",
            "INCIDENT_ID,CHILD,DOB,MISSING_FROM,MISSING_TYPE,MIS_START,MIS_END,PLACED_OUT_OF_AREA,PLACING_LA,HOST_LA,"
                    + "RHI_OFFERED,RHI_OFFERED_DATE,RHI_ACCEPTED,RHI_COMPLETED_DATETIME,RHI_CONDUCTED_BY",
            "landing.missing_incident");
    /** A child missing from care placed out of area, looked after in the LA's SSDA903 return at the time. */
    public static final String CARE = "M1,A123456,14/02/2009,CARE,M,03/05/2024 21:40,04/05/2024 09:15,Y,E06000001,E06000004,Y,04/05/2024,Y,06/05/2024 16:00,IND";
    public static final String HOME = "M2,H900231,30/11/2011,HOME,M,17/06/2024 18:05,17/06/2024 23:50,,,,N,,,,";

    static final List<RuleCase> CASES = List.of(
            RuleCase.of("MIS-01", INCIDENTS.row(with(HOME, 0, "M 3", 1, "C01"))),
            RuleCase.of("MIS-01", INCIDENTS.row(with(HOME, 0, "M2", 1, "C02"))),
            RuleCase.of("MIS-02", INCIDENTS.row(with(HOME, 0, "M5", 1, "H 90"))),
            RuleCase.of("MIS-03", INCIDENTS.row(with(HOME, 0, "M6", 1, "C03", 2, "14/02/2004"))),
            RuleCase.of("MIS-04", INCIDENTS.row(with(HOME, 0, "M7", 1, "C04", 3, "AWAY"))),
            RuleCase.of("MIS-05", INCIDENTS.row(with(HOME, 0, "M8", 1, "C05", 4, "A"))),
            RuleCase.of("MIS-06", INCIDENTS.row(with(HOME, 0, "M9", 1, "C06", 5, "17/06/2023 18:05"))),
            RuleCase.of("MIS-07", INCIDENTS.row(with(HOME, 0, "M10", 1, "C07", 6, "17/06/2024 17:00"))),
            RuleCase.of("MIS-08", INCIDENTS.row(with(CARE, 0, "M11", 1, "A123456", 5, "03/06/2024 21:40", 6,
                    "04/06/2024 09:15", 8, "E06000002", 11, "04/06/2024", 13, "06/06/2024 16:00"))),
            RuleCase.of("MIS-08", INCIDENTS.row(with(HOME, 0, "M12", 1, "C08", 9, "E06000004"))),
            RuleCase.of("MIS-09", INCIDENTS.row(with(CARE, 0, "M13", 1, "A123456", 5, "03/07/2024 21:40", 6,
                    "04/07/2024 09:15", 7, "N", 11, "04/07/2024", 13, "06/07/2024 16:00"))),
            RuleCase.of("MIS-10", INCIDENTS.row(with(HOME, 0, "M15", 1, "C10", 5, "17/06/2024 20:00")),
                    INCIDENTS.row(with(HOME, 0, "M14", 1, "C10"))),
            RuleCase.of("MIS-11", INCIDENTS.row(with(HOME, 0, "M17", 1, "C11")), INCIDENTS.row(with(HOME, 0, "M16", 1, "C11"))),
            RuleCase.of("MIS-12", INCIDENTS.row(with(HOME, 0, "M18", 1, "C12", 10, ""))),
            RuleCase.of("MIS-13", INCIDENTS.row(with(CARE, 0, "M19", 5, "03/08/2024 21:40", 6, "04/08/2024 09:15",
                    11, "03/08/2024", 13, "06/08/2024 16:00"))),
            RuleCase.of("MIS-14", INCIDENTS.row(with(HOME, 0, "M20", 1, "C14", 12, "Y"))),
            RuleCase.of("MIS-15", INCIDENTS.row(with(CARE, 0, "M21", 5, "03/09/2024 21:40", 6, "04/09/2024 09:15",
                    11, "04/09/2024", 12, "N", 13, "06/09/2024 16:00"))),
            RuleCase.of("MIS-16", INCIDENTS.row(with(CARE, 0, "M22", 5, "03/10/2024 21:40", 6, "04/10/2024 09:15",
                    11, "04/10/2024", 13, "06/10/2024 16:00", 14, ""))),
            // Missing from care, but the child is not in the LA's SSDA903 return at all.
            RuleCase.of("MIS-17", INCIDENTS.row(with(CARE, 0, "M23", 1, "C17"))));

    static TestIngestApplication application;
    static RuleCaseSubmission submission;

    @BeforeAll
    static void ingest(WarehouseConnection warehouse, @TempDir Path folder) throws Exception {
        application = TestIngestApplication.start(warehouse);
        RuleCaseSubmission.load(application, LA, "ssda903", 2025, folder.resolve("ssda903"), Map.of(
                "header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA123456,1,14/02/2009,WBRI,,,\n",
                "episodes.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                        + "A123456,01/04/2024,S,C2,N1,U1,PR1,,,,,,\n"));
        submission = RuleCaseSubmission.ingest(application, LA, "missing", 2025,
                List.of(INCIDENTS.row(CARE), INCIDENTS.row(HOME)), CASES, folder.resolve("missing"));
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    static List<RuleCase> cases() {
        return CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aRowBreakingTheRuleIsFlaggedUnderItsCode(RuleCase ruleCase) {
        submission.assertRowBreaksOnlyItsRule(ruleCase);
    }

    @Test
    void noOtherRowIsAffectedAndEveryRowIsAccountedFor() {
        submission.assertOnlyTheBreakingRowsAreAffected();
        assertThat(application.totals(submission.submissionId())).containsExactly("loaded", 23L, 5L, 18L);
    }
}
