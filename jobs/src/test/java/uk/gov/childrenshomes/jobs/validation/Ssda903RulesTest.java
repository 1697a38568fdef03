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
import uk.gov.childrenshomes.jobs.validation.RuleCaseSubmission.Row;
import uk.gov.childrenshomes.jobs.validation.RuleCaseSubmission.RuleCase;
import uk.gov.childrenshomes.jobs.validation.RuleCaseSubmission.Table;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static uk.gov.childrenshomes.jobs.validation.RuleCaseSubmission.with;

/**
 * Every field, row and cross-row rule of SSDA903 (specs/ssda903, rules/catalogue.yaml), one case each, in one
 * CSV-set submission for 2024/25 with the Ofsted register loaded (DP064 looks URNs up in it), and the rules whose
 * code lists change with the year once more in a 2025/26 submission. Every case's children are its own.
 */
@ExtendWith(WarehouseExtension.class)
class Ssda903RulesTest {

    static final Table HEADER = table("header", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB", "header");
    static final Table EPISODES = table("episodes",
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN", "episode");
    static final Table MISSING = table("missing", "CHILD,DOB,MISSING,MIS_START,MIS_END", "missing");
    static final Table UASC = table("uasc", "CHILD,SEX,DOB,DUC", "uasc");
    static final Table REVIEWS = table("reviews", "CHILD,DOB,REVIEW,REVIEW_CODE", "review");
    static final Table OC2 = table("oc2", "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,"
            + "TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED", "oc2");
    static final Table OC3 = table("oc3", "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM", "oc3");
    static final Table AD1 = table("ad1", "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR", "ad1");
    static final Table PLACED = table("placed_for_adoption", "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED",
            "placed_for_adoption");
    static final Table PERMANENCE = table("previous_permanence", "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM", "previous_permanence");
    static final Table SOCIAL_WORKERS = table("sw_episodes", "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON", "sw_episode");

    static final String CHILD = "A1,1,01/02/2010,WBRI,,,";
    static final String EPISODE = "A1,01/05/2024,S,C2,N1,U1,PR1,,,,,,";
    static final String CLOSED_EPISODE = "A1,01/05/2024,S,C2,N1,U1,PR1,01/06/2024,E11,,,,";
    static final String MISSING_PERIOD = "A1,01/02/2010,M,01/08/2024,02/08/2024";
    static final String REGISTERED_HOME = "SC123456";

    /** One valid row in every table: a child in a children's home that is on the register, then in foster care. */
    static final List<Row> VALID = List.of(HEADER.row(CHILD), HEADER.row(with(CHILD, 0, "A2")),
            EPISODES.row(EPISODE),
            EPISODES.row(with(CLOSED_EPISODE, 0, "A2", 1, "01/06/2024", 5, "K2", 6, "PR4", 7, "01/07/2024", 10, "TS1 1AA",
                    11, "TS2 2BB", 12, REGISTERED_HOME)),
            EPISODES.row(with(EPISODE, 0, "A2", 1, "01/07/2024", 2, "P", 5, "U4")),
            MISSING.row(MISSING_PERIOD),
            UASC.row("A1,1,01/02/2010,01/02/2028"),
            REVIEWS.row("A1,01/02/2010,01/06/2024,PN1"),
            OC2.row("A1,01/02/2010,12,SDQ1,0,1,1,1,1,0,0,0"),
            OC3.row("A1,01/02/2010,YES,F1,B1"),
            AD1.row("A1,01/02/2010,01/06/2024,01/07/2024,0,1,MF,L0"),
            PLACED.row("A1,01/02/2010,01/06/2024,01/07/2024,RD1"),
            PERMANENCE.row("A1,01/02/2010,P1,123,zz/05/2020"),
            SOCIAL_WORKERS.row("A1,01/02/2010,SW1,01/05/2024,01/09/2024,CHANGE"));

    static final List<RuleCase> CASES = Stream.of(headerCases(), episodeCases(), missingCases(), otherTableCases())
            .flatMap(List::stream).toList();

    static List<RuleCase> headerCases() {
        return List.of(
                RuleCase.of("101", HEADER.row(with(CHILD, 0, "H01", 1, "9"))),
                RuleCase.of("102", HEADER.row(with(CHILD, 0, "H02", 2, "31/02/2010"))),
                RuleCase.of("103", HEADER.row(with(CHILD, 0, "H03", 3, "XXXX"))),
                RuleCase.of("DP020", HEADER.row(with(CHILD, 0, "H 04"))),
                RuleCase.of("DP020", HEADER.row(with(CHILD, 0, "H0400000000"))),
                RuleCase.of("DP021", HEADER.row(with(CHILD, 0, "H05", 4, "NOT-A-UPN"))),
                RuleCase.of("DP022", HEADER.row(with(CHILD, 0, "H06", 5, "2"))),
                RuleCase.of("DP023", HEADER.row(with(CHILD, 0, "H07", 5, "1", 6, "2024-01-01"))),
                RuleCase.of("DP013", HEADER.row(with(CHILD, 0, "H08", 3, " WBRI"))),
                RuleCase.of("DP068", HEADER.row(with(CHILD, 0, "H09", 1, "2")), HEADER.row(with(CHILD, 0, "H09"))),
                RuleCase.of("351", HEADER.row(with(CHILD, 0, "H10", 2, "01/01/2000"))),
                RuleCase.of("DP074", HEADER.row(with(CHILD, 0, "H11", 5, "0", 6, "01/01/2024"))));
    }

    static List<RuleCase> episodeCases() {
        return List.of(
                episode("141", "E01", with(EPISODE, 1, "32/01/2024")),
                episode("143", "E02", with(EPISODE, 2, "X")),
                episode("144", "E03", with(EPISODE, 3, "ZZ")),
                episode("145", "E04", with(EPISODE, 4, "N9")),
                episode("146", "E05", with(EPISODE, 5, "H9")),
                episode("149", "E06", with(CLOSED_EPISODE, 8, "E99")),
                episode("DP024", "E07", with(EPISODE, 6, "PR9")),
                episode("DP025", "E08", with(EPISODE, 7, "31/13/2024")),
                episode("DP026", "E09", with(EPISODE, 9, "BORED")),
                episode("392c", "E10", with(EPISODE, 11, "NOT A POSTCODE")),
                episode("DP027", "E11", with(EPISODE, 12, "ABC")),
                episode("DP060", "E12", with(CLOSED_EPISODE, 7, "10/04/2024")),
                // Starts (01/06) before the child's previous episode ends (01/07).
                episode("501", "E13", with(CLOSED_EPISODE, 1, "01/06/2024", 7, "01/08/2024"), with(CLOSED_EPISODE, 7, "01/07/2024")),
                // Left open although the child has a later episode.
                episode("DP061", "E14", EPISODE, with(EPISODE, 1, "01/07/2024", 2, "P")),
                episode("DP062", "E15", CLOSED_EPISODE, CLOSED_EPISODE),
                RuleCase.of("DP063", EPISODES.row(with(EPISODE, 0, "E16"))),
                episode("218", "E17", with(EPISODE, 5, "K2", 6, "PR4")),
                episode("222", "E18", with(EPISODE, 5, "P1", 12, REGISTERED_HOME)),
                episode("DP064", "E19", with(EPISODE, 5, "K2", 6, "PR4", 12, "SC999999")),
                episode("DP065", "E20", with(CLOSED_EPISODE, 8, "")),
                episode("DP066", "E21", with(EPISODE, 1, "01/04/2025")),
                RuleCase.of("DP067", EPISODES.row(with(EPISODE, 0, "E22")), HEADER.row(with(CHILD, 0, "E22", 2, "01/06/2024"))),
                episode("DP069", "E23", with(CLOSED_EPISODE, 1, "01/01/2024", 7, "01/03/2024")),
                // The episode ends while the child is still missing, but not with E8.
                RuleCase.of("580", EPISODES.row(with(CLOSED_EPISODE, 0, "E24", 7, "01/09/2024")),
                        HEADER.row(with(CHILD, 0, "E24")), MISSING.row(with(MISSING_PERIOD, 0, "E24", 4, ""))));
    }

    static List<RuleCase> missingCases() {
        return List.of(
                RuleCase.of("564", MISSING.row(with(MISSING_PERIOD, 0, "M01", 3, "", 4, ""))),
                RuleCase.of("565", MISSING.row(with(MISSING_PERIOD, 0, "M02", 2, ""))),
                RuleCase.of("1004", MISSING.row(with(MISSING_PERIOD, 0, "M03", 3, "2024-08-01"))),
                RuleCase.of("1005", MISSING.row(with(MISSING_PERIOD, 0, "M04", 4, "32/08/2024"))),
                RuleCase.of("1006", MISSING.row(with(MISSING_PERIOD, 0, "M05", 2, "X"))),
                RuleCase.of("102", MISSING.row(with(MISSING_PERIOD, 0, "M06", 1, ""))),
                lookedAfterMissing("567", "M07", with(MISSING_PERIOD, 4, "31/07/2024")),
                lookedAfterMissing("574", "M08", with(MISSING_PERIOD, 3, "02/08/2024", 4, "03/08/2024"),
                        with(MISSING_PERIOD, 4, "10/08/2024")),
                lookedAfterMissing("DP070", "M09", MISSING_PERIOD, MISSING_PERIOD),
                RuleCase.of("DP071", MISSING.row(with(MISSING_PERIOD, 0, "M10"))));
    }

    static List<RuleCase> otherTableCases() {
        return List.of(
                RuleCase.of("DP028", UASC.row("T01,1,01/02/2010,")),
                RuleCase.of("DP029", REVIEWS.row("T02,01/02/2010,,PN1")),
                RuleCase.of("DP030", REVIEWS.row("T03,01/02/2010,01/06/2024,PN9")),
                RuleCase.of("DP009", REVIEWS.row("T04,01/02/2010,01/06/2024,PN1,EXTRA")),
                RuleCase.of("DP031", OC2.row("T05,01/02/2010,41,SDQ1,0,1,1,1,1,0,0,0")),
                RuleCase.of("DP032", OC2.row("T06,01/02/2010,12,SDQ9,0,1,1,1,1,0,0,0")),
                RuleCase.of("DP033", OC2.row("T07,01/02/2010,12,SDQ1,2,1,1,1,1,0,0,0")),
                RuleCase.of("DP034", OC3.row("T08,01/02/2010,MAYBE,F1,B1")),
                RuleCase.of("DP035", OC3.row("T09,01/02/2010,YES,Z9,B1")),
                RuleCase.of("DP036", OC3.row("T10,01/02/2010,YES,F1,Q1")),
                RuleCase.of("DP037", AD1.row("T11,01/02/2010,2024-06-01,01/07/2024,0,1,MF,L0")),
                RuleCase.of("DP038", AD1.row("T12,01/02/2010,01/06/2024,01/07/2024,0,3,MF,L0")),
                RuleCase.of("DP039", PLACED.row("T13,01/02/2010,,01/07/2024,RD1")),
                RuleCase.of("DP040", PLACED.row("T14,01/02/2010,01/06/2024,01/07/2024,RD9")),
                RuleCase.of("DP073", PLACED.row("T15,01/02/2010,01/06/2024,01/05/2024,RD1")),
                RuleCase.of("DP041", PERMANENCE.row("T16,01/02/2010,P9,123,zz/05/2020")),
                RuleCase.of("DP041", PERMANENCE.row("T17,01/02/2010,P1,123,2020-05-01")),
                RuleCase.of("DP042", SOCIAL_WORKERS.row("T18,01/02/2010,,01/05/2024,01/09/2024,CHANGE")),
                RuleCase.of("DP072", SOCIAL_WORKERS.row("T19,01/02/2010,SW1,01/05/2024,01/04/2024,CHANGE")));
    }

    /** 2025/26 changed code lists: SEX 1/2 became M/F/U and H5 is no longer a placement. */
    static final List<RuleCase> CASES_2026 = List.of(
            RuleCase.of("101", HEADER.row("N01,1,01/02/2010,WBRI,,,")),
            RuleCase.of("146", EPISODES.row("N02,01/05/2025,S,C2,N1,H5,PR1,,,,,,"), HEADER.row("N02,M,01/02/2010,WBRI,,,")));
    static final List<Row> VALID_2026 = List.of(HEADER.row("A1,M,01/02/2010,WBRI,,,"),
            EPISODES.row("A1,01/05/2025,S,C2,N1,K3,PR1,,,,,,"));

    static TestIngestApplication application;
    static RuleCaseSubmission submission;
    static RuleCaseSubmission submission2026;

    @BeforeAll
    static void ingest(WarehouseConnection warehouse, @TempDir Path folder) throws Exception {
        application = TestIngestApplication.start(warehouse);
        RuleCaseSubmission.load(application, InboxScanner.NATIONAL_CODE, "ofsted_register", 2025, folder.resolve("register"),
                Map.of("register.csv", "URN,Setting Name\n" + REGISTERED_HOME + ",A children's home\n"));
        submission = RuleCaseSubmission.ingest(application, "E06000001", "ssda903", 2025, VALID, CASES, folder.resolve("2025"));
        submission2026 = RuleCaseSubmission.ingest(application, "E06000001", "ssda903", 2026, VALID_2026, CASES_2026,
                folder.resolve("2026"));
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    static List<RuleCase> cases() {
        return CASES;
    }

    static List<RuleCase> cases2026() {
        return CASES_2026;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aRowBreakingTheRuleIsFlaggedUnderItsCode(RuleCase ruleCase) {
        submission.assertRowBreaksOnlyItsRule(ruleCase);
    }

    @ParameterizedTest(name = "2025/26 {0}")
    @MethodSource("cases2026")
    void aCodeOfAnEarlierYearIsRefusedUnderItsRule(RuleCase ruleCase) {
        submission2026.assertRowBreaksOnlyItsRule(ruleCase);
    }

    @Test
    void noOtherRowIsAffectedAndEveryRowIsAccountedFor() {
        submission.assertOnlyTheBreakingRowsAreAffected();
        submission2026.assertOnlyTheBreakingRowsAreAffected();
    }

    /** An episode case: the breaking episode after the child's header row and any earlier episodes it needs. */
    static RuleCase episode(String rule, String child, String breaking, String... earlierEpisodes) {
        Row[] context = Stream.concat(Stream.of(HEADER.row(with(CHILD, 0, child))),
                Stream.of(earlierEpisodes).map(line -> EPISODES.row(with(line, 0, child)))).toArray(Row[]::new);
        return RuleCase.of(rule, EPISODES.row(with(breaking, 0, child)), context);
    }

    /** A missing case of a child looked after at the time: header row, an open episode, any earlier periods. */
    static RuleCase lookedAfterMissing(String rule, String child, String breaking, String... earlierPeriods) {
        Row[] context = Stream.concat(Stream.of(HEADER.row(with(CHILD, 0, child)), EPISODES.row(with(EPISODE, 0, child))),
                Stream.of(earlierPeriods).map(line -> MISSING.row(with(line, 0, child)))).toArray(Row[]::new);
        return RuleCase.of(rule, MISSING.row(with(breaking, 0, child)), context);
    }

    private static Table table(String name, String header, String landing) {
        return new Table(name + ".csv", header, "landing.ssda903_" + landing);
    }
}
