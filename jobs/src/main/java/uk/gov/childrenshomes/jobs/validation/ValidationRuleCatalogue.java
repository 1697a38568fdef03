package uk.gov.childrenshomes.jobs.validation;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rules ingest applies, read once from {@code rules/catalogue.yaml} and published to ops.validation_rule. */
@Component
public class ValidationRuleCatalogue {

    private final Map<String, ValidationRule> rules;

    public ValidationRuleCatalogue() {
        this.rules = load();
    }

    public ValidationRule rule(String code) {
        ValidationRule rule = rules.get(code);
        if (rule == null) {
            throw new IllegalStateException("Rule " + code + " is used by a specification but missing from rules/catalogue.yaml");
        }
        return rule;
    }

    public Collection<ValidationRule> all() {
        return rules.values();
    }

    /** The set-based checks (row, cross-row and whole-submission) of a return, in catalogue order. */
    public List<ValidationRule> setBasedChecks(String returnCode) {
        return rules.values().stream()
                .filter(rule -> rule.check() != null)
                .filter(rule -> rule.returnCode().equals(returnCode))
                .toList();
    }

    /** Makes ops.validation_rule describe exactly the rules this build applies. */
    public void publish(JdbcTemplate jdbc) {
        jdbc.batchUpdate("""
                INSERT INTO ops.validation_rule (rule_code, severity, dfe_rule, return_code, description)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (rule_code) DO UPDATE SET severity = excluded.severity, dfe_rule = excluded.dfe_rule,
                       return_code = excluded.return_code, description = excluded.description
                """, rules.values().stream()
                .map(rule -> new Object[] {rule.code(), rule.severity().code(), rule.dfeRule(), rule.returnCode(), rule.message()})
                .toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ValidationRule> load() {
        try (InputStream in = new ClassPathResource("rules/catalogue.yaml").getInputStream()) {
            Map<String, Object> document = new Yaml().load(in);
            Map<String, ValidationRule> rules = new LinkedHashMap<>();
            for (Map<String, Object> entry : (List<Map<String, Object>>) document.get("rules")) {
                String code = String.valueOf(entry.get("code"));
                ValidationRule rule = new ValidationRule(code,
                        ValidationRule.Kind.valueOf(((String) entry.get("kind")).toUpperCase()),
                        Severity.valueOf(((String) entry.get("severity")).toUpperCase()),
                        (String) entry.get("return"), Boolean.TRUE.equals(entry.get("dfe")),
                        (String) entry.get("table"), (String) entry.get("field"),
                        (String) entry.get("message"), (String) entry.get("check"));
                if (rules.put(code, rule) != null) {
                    throw new IllegalStateException("Rule " + code + " appears twice in rules/catalogue.yaml");
                }
            }
            return Collections.unmodifiableMap(rules);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rules/catalogue.yaml", e);
        }
    }
}
