package uk.gov.childrenshomes.jobs.validation;

import org.junit.jupiter.api.Test;
import uk.gov.childrenshomes.jobs.MalformedFilesTest;
import uk.gov.childrenshomes.jobs.validation.RuleCaseSubmission.RuleCase;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of rules/catalogue.yaml is proven by at least one case of the per-return rule tests or one delivery of
 * the malformed-file corpus, so a rule added without a test turns the build red (and a case naming a rule the
 * catalogue lacks does too).
 */
class RuleCoverageTest {

    @Test
    void everyRuleOfTheCatalogueHasACase() throws Exception {
        Set<String> proven = new TreeSet<>();
        Stream.of(Ssda903RulesTest.CASES, Ssda903RulesTest.CASES_2026, MissingRulesTest.CASES, OversightRulesTest.CASES,
                        ReferenceDataRulesTest.CASES.values().stream().flatMap(Collection::stream).toList())
                .flatMap(List::stream).map(RuleCase::rule).forEach(proven::add);
        MalformedFilesTest.entries().forEach(entry -> proven.add(entry.rule()));
        Set<String> catalogue = new TreeSet<>(RuleCaseSubmission.CATALOGUE.all().stream().map(ValidationRule::code).toList());

        assertThat(catalogue).as("rules of the catalogue without a case").isSubsetOf(proven);
        assertThat(proven).as("cases of rules the catalogue lacks").isSubsetOf(catalogue);
        assertThat(catalogue).hasSizeGreaterThanOrEqualTo(40);
    }
}
