package uk.gov.childrenshomes.jobs.validation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.childrenshomes.jobs.TestIngestApplication;
import uk.gov.childrenshomes.jobs.source.InboxScanner;
import uk.gov.childrenshomes.jobs.validation.RuleCaseSubmission.RuleCase;
import uk.gov.childrenshomes.jobs.validation.RuleCaseSubmission.Table;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static uk.gov.childrenshomes.jobs.validation.RuleCaseSubmission.with;

/**
 * Every rule of the out-of-area oversight return (docs/returns/out-of-area-oversight.md), one case each (two where
 * a field rule and a row rule share the code), in one submission of an LA whose SSDA903 return and the postcode
 * directory are loaded (OOA-12 and OOA-13 compare with them).
 */
@ExtendWith(WarehouseExtension.class)
class OversightRulesTest {

    static final String LA = "E10000014";
    static final Table PLACEMENTS = new Table(LA + "_oversight_2025.csv", "CHILD,DECOM,PLACE,URN,HOST_LA,APPROVED_BY,"
            + "APPROVAL_DATE,EMERGENCY,HOST_NOTIFIED,HOST_NOTIFIED_DATE,ADMISSION_NOTICE_DATE,DISCHARGE_NOTICE_DATE",
            "landing.oversight_placement");
    static final String HOME = "A123456,02/05/2024,K2,SC482113,E06000004,DCS,30/04/2024,N,Y,01/05/2024,02/05/2024,19/11/2024";
    static final String SUPPORTED = "B220931,14/08/2024,U4,XXXXXXX,E10000023,NOM,16/08/2024,Y,Y,19/08/2024,,";
    /** A placement with nothing optional filled in, for the cases to break (each under its own child). */
    static final String PLAIN = "C0,01/06/2024,U1,,E10000023,,,N,N,,,";

    static final List<RuleCase> CASES = List.of(
            RuleCase.of("OOA-01", PLACEMENTS.row(with(PLAIN, 0, "C 1"))),
            RuleCase.of("OOA-02", PLACEMENTS.row(with(PLAIN, 0, "C2", 1, "01/05/2023"))),
            RuleCase.of("OOA-02", PLACEMENTS.row(with(PLAIN, 0, "C2B", 1, "31/02/2024"))),
            RuleCase.of("OOA-03", PLACEMENTS.row(with(PLAIN, 0, "C3")), PLACEMENTS.row(with(PLAIN, 0, "C3"))),
            RuleCase.of("OOA-04", PLACEMENTS.row(with(PLAIN, 0, "C4", 2, "P1"))),
            RuleCase.of("OOA-05", PLACEMENTS.row(with(PLAIN, 0, "C5", 2, "K2", 5, "DCS", 6, "01/06/2024", 8, "Y", 9, "01/06/2024"))),
            RuleCase.of("OOA-05", PLACEMENTS.row(with(PLAIN, 0, "C5B", 2, "K2", 3, "SC12", 5, "DCS", 6, "01/06/2024", 8, "Y", 9, "01/06/2024"))),
            RuleCase.of("OOA-06", PLACEMENTS.row(with(PLAIN, 0, "C6", 4, LA))),
            RuleCase.of("OOA-07", PLACEMENTS.row(with(PLAIN, 0, "C7", 5, "NOM"))),
            RuleCase.of("OOA-08", PLACEMENTS.row(with(PLAIN, 0, "C8", 7, "X"))),
            RuleCase.of("OOA-09", PLACEMENTS.row(with(PLAIN, 0, "C9", 8, "Y"))),
            RuleCase.of("OOA-10", PLACEMENTS.row(with(PLAIN, 0, "C10", 10, "01/06/2024"))),
            RuleCase.of("OOA-11", PLACEMENTS.row(with(PLAIN, 0, "C11", 2, "K1", 3, "SC000001", 5, "DCS", 6, "01/06/2024",
                    8, "Y", 9, "01/06/2024", 11, "01/05/2024"))),
            // Not in the LA's SSDA903 return at all.
            RuleCase.of("OOA-12", PLACEMENTS.row(with(PLAIN, 0, "C12"))),
            // The SSDA903 episode's placement postcode (TS1 1AA) is in E06000002, not the HOST_LA given.
            RuleCase.of("OOA-13", PLACEMENTS.row(with(PLAIN, 0, "C13"))));

    static TestIngestApplication application;
    static RuleCaseSubmission submission;

    @BeforeAll
    static void ingest(WarehouseConnection warehouse, @TempDir Path folder) throws Exception {
        application = TestIngestApplication.start(warehouse);
        RuleCaseSubmission.load(application, InboxScanner.NATIONAL_CODE, "onspd", 2025, folder.resolve("onspd"), Map.of(
                "ONSPD.csv", "pcds,oslaua,oscty,ctry,rgn,oseast1m,osnrth1m\nTS1 1AA,E06000002,E99999999,E92000001,E12000001,449505,519750\n"));
        // Every placement of the file but C12's is an episode of the LA's SSDA903 return (C13's placed in TS1 1AA).
        RuleCaseSubmission.load(application, LA, "ssda903", 2025, folder.resolve("ssda903"), Map.of(
                "header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n" + String.join("\n",
                        "A123456,1,14/02/2009,WBRI,,,", "B220931,2,01/01/2008,WBRI,,,", "C3,1,01/01/2010,WBRI,,,",
                        "C13,1,01/01/2010,WBRI,,,") + "\n",
                "episodes.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                        + String.join("\n", "A123456,02/05/2024,S,C2,N1,K2,PR4,,,,,,SC482113", "B220931,14/08/2024,S,C2,N1,U4,PR1,,,,,,",
                        "C3,01/06/2024,S,C2,N1,U1,PR1,,,,,,", "C13,01/06/2024,S,C2,N1,U1,PR1,,,,,TS1 1AA,") + "\n"));
        submission = RuleCaseSubmission.ingest(application, LA, "oversight", 2025,
                List.of(PLACEMENTS.row(HOME), PLACEMENTS.row(SUPPORTED)), CASES, folder.resolve("oversight"));
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
    }
}
