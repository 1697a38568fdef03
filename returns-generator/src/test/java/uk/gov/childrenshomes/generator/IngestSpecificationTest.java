package uk.gov.childrenshomes.generator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the generator writes passes the field rules of the ingest's declarative SSDA903 and ONSPD specifications
 * (jobs/src/main/resources/specs): every coded column within its code list for the year, every patterned or
 * length-limited column within its pattern or length. Read as text, so the generator takes no dependency on jobs.
 */
class IngestSpecificationTest {

    private static final Path SPECS = Path.of("..", "jobs", "src", "main", "resources", "specs");
    private static final Pattern CODE_LIST = Pattern.compile("^  (\\w+): \\[(.*)]$");
    private static final Pattern TABLE_FILE = Pattern.compile("^    file: (\\S+)$");
    private static final Pattern COLUMN = Pattern.compile("^      - \\{name: (\\w+),(.*)}$");

    /** A column's field rule: a code list, a pattern or a maximum length (whichever the spec gives). */
    private record FieldRule(String column, List<String> codes, Pattern pattern, Integer maxLength) {
    }

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026})
    void ssda903ValuesPassTheIngestsFieldRulesOfTheYear(int year) throws IOException {
        Map<String, List<String>> codeLists = new HashMap<>();
        Map<String, List<FieldRule>> rulesByFile = new HashMap<>();
        read(SPECS.resolve("ssda903/2025.yaml"), codeLists, rulesByFile);
        if (year == 2026) {
            read(SPECS.resolve("ssda903/2026.yaml"), codeLists, rulesByFile); // extends 2025: overrides code lists
        }
        GeneratedInbox inbox = GeneratedInbox.of(year, 0.03, 9, 0);
        int checked = 0;
        for (LaReport la : inbox.lasWithSsda903("csv")) {
            for (Map.Entry<String, List<FieldRule>> file : rulesByFile.entrySet()) {
                Path path = inbox.laFile(la, "ssda903/" + file.getKey());
                if (!Files.exists(path)) {
                    continue;
                }
                List<String> header = GeneratedInbox.header(path);
                for (String[] row : GeneratedInbox.rows(path)) {
                    for (FieldRule rule : file.getValue()) {
                        String value = row[header.indexOf(rule.column())];
                        if (value.isEmpty()) {
                            continue;
                        }
                        String where = year + " " + file.getKey() + " " + rule.column() + " '" + value + "'";
                        if (rule.codes() != null) {
                            List<String> codes = codeLists.get(rule.codes().get(0));
                            assertTrue(codes.contains(value), where + " not in " + codes);
                        }
                        if (rule.pattern() != null) {
                            assertTrue(rule.pattern().matcher(value).matches(), where + " does not match " + rule.pattern());
                        }
                        if (rule.maxLength() != null) {
                            assertTrue(value.length() <= rule.maxLength(), where + " longer than " + rule.maxLength());
                        }
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 10_000, "values checked: " + checked);
    }

    @Test
    void onspdHasEveryColumnTheIngestReads() throws IOException {
        List<String> header = GeneratedInbox.header(GeneratedInbox.of(2025, 0.03, 9, 0).root.resolve("national/onspd/onspd.csv"));
        for (String line : Files.readAllLines(SPECS.resolve("onspd/2000.yaml"), StandardCharsets.UTF_8)) {
            Matcher column = COLUMN.matcher(line);
            if (column.matches()) {
                assertTrue(header.contains(column.group(1)), "ONSPD lacks " + column.group(1));
            }
        }
    }

    /** Code lists and, per file, the columns' field rules, from one spec file (later files override code lists). */
    private static void read(Path spec, Map<String, List<String>> codeLists, Map<String, List<FieldRule>> rulesByFile)
            throws IOException {
        String file = null;
        for (String line : Files.readAllLines(spec, StandardCharsets.UTF_8)) {
            Matcher codeList = CODE_LIST.matcher(line);
            Matcher table = TABLE_FILE.matcher(line);
            Matcher column = COLUMN.matcher(line);
            if (codeList.matches()) {
                codeLists.put(codeList.group(1), Arrays.stream(codeList.group(2).split(","))
                        .map(code -> code.strip().replace("'", "")).toList());
            } else if (table.matches()) {
                file = table.group(1);
            } else if (column.matches() && file != null) {
                Map<String, String> attributes = attributes(column.group(2));
                String codes = attributes.get("codes");
                String pattern = attributes.get("pattern");
                String maxLength = attributes.get("max_length");
                rulesByFile.computeIfAbsent(file, f -> new ArrayList<>()).add(new FieldRule(column.group(1),
                        codes == null ? null : List.of(codes), pattern == null ? null : Pattern.compile(pattern),
                        maxLength == null ? null : Integer.valueOf(maxLength)));
            }
        }
    }

    /** {@code key: value} pairs of a flow mapping; quoted values may contain commas. */
    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new HashMap<>();
        Matcher pair = Pattern.compile("\\s*(\\w+): ('(?:[^']|'')*'|[^,]*)").matcher(text);
        while (pair.find()) {
            String value = pair.group(2).strip();
            if (value.startsWith("'")) {
                value = value.substring(1, value.length() - 1).replace("''", "'");
            }
            attributes.put(pair.group(1), value);
        }
        return attributes;
    }
}
