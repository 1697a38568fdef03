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
import java.util.stream.Stream;

import static uk.gov.childrenshomes.jobs.validation.RuleCaseSubmission.with;

/**
 * Every field rule of the national reference returns (ONSPD postcode directory, LA adjacency, Ofsted register),
 * one case each, in one submission per return.
 */
@ExtendWith(WarehouseExtension.class)
class ReferenceDataRulesTest {

    /** Merged into the postcode directory, one row per postcode: a loaded row is found by its postcode. */
    static final Table POSTCODES = new Table("ONSPD_NOV_2024_UK.csv", "pcds,oslaua,oscty,ctry,rgn,oseast1m,osnrth1m",
            "landing.onspd_postcode", "postcode", 0);
    static final String POSTCODE = "TS1 1AA,E06000002,E99999999,E92000001,E12000001,449505,519750";
    static final Table ADJACENCY = new Table("la_adjacency.csv", "la_code,adjacent_la_code", "landing.la_adjacency");
    static final Table REGISTER = new Table("register.csv", "URN,Setting Name,Registration Date,Max Users",
            "landing.ofsted_children_home");
    static final String HOME = "SC123456,A children's home,01/01/2020,4";

    static final Map<String, List<RuleCase>> CASES = Map.of(
            "onspd", List.of(
                    RuleCase.of("DP050", POSTCODES.row(with(POSTCODE, 0, "not a postcode"))),
                    RuleCase.of("DP051", POSTCODES.row(with(POSTCODE, 0, "TS1 1AB", 1, "E0600000200"))),
                    RuleCase.of("DP052", POSTCODES.row(with(POSTCODE, 0, "TS1 1AD", 5, "800000")))),
            "la_adjacency", List.of(
                    RuleCase.of("DP053", ADJACENCY.row("E06000001,Hartlepool"))),
            "ofsted_register", List.of(
                    RuleCase.of("DP054", REGISTER.row(with(HOME, 0, ""))),
                    RuleCase.of("DP055", REGISTER.row(with(HOME, 0, "SC000002", 1, "x".repeat(301)))),
                    RuleCase.of("DP056", REGISTER.row(with(HOME, 0, "SC000003", 2, "soon"))),
                    RuleCase.of("DP057", REGISTER.row(with(HOME, 0, "SC000004", 3, "four")))));

    static TestIngestApplication application;
    static Map<String, RuleCaseSubmission> submissions;

    @BeforeAll
    static void ingest(WarehouseConnection warehouse, @TempDir Path folder) throws Exception {
        application = TestIngestApplication.start(warehouse);
        submissions = Map.of(
                "onspd", submission("onspd", POSTCODES.row(POSTCODE), folder),
                "la_adjacency", submission("la_adjacency", ADJACENCY.row("E06000001,E06000004"), folder),
                "ofsted_register", submission("ofsted_register", REGISTER.row(HOME), folder));
    }

    private static RuleCaseSubmission submission(String returnCode, RuleCaseSubmission.Row valid, Path folder) throws Exception {
        return RuleCaseSubmission.ingest(application, InboxScanner.NATIONAL_CODE, returnCode, 2025, List.of(valid),
                CASES.get(returnCode), folder.resolve(returnCode));
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    static Stream<String> returnCodes() {
        return CASES.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("returnCodes")
    void aRowBreakingTheRuleIsFlaggedUnderItsCodeAndNoOtherRowIsAffected(String returnCode) {
        CASES.get(returnCode).forEach(submissions.get(returnCode)::assertRowBreaksOnlyItsRule);
        submissions.get(returnCode).assertOnlyTheBreakingRowsAreAffected();
    }
}
