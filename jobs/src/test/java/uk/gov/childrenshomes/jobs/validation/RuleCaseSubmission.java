package uk.gov.childrenshomes.jobs.validation;

import org.springframework.batch.core.job.JobExecution;
import uk.gov.childrenshomes.jobs.TestIngestApplication;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves a return's validation rules one by one in a single ingest (one job instead of one per rule keeps the suite
 * fast): every case adds one row that breaks its rule, after the valid rows of other tables it needs (each case uses
 * its own children, so no cross-row rule links two cases). After the real job ran, each case's row must carry its
 * rule's code, be rejected for an error rule and loaded for a query, while every other row is untouched.
 */
public final class RuleCaseSubmission {

    static final ValidationRuleCatalogue CATALOGUE = new ValidationRuleCatalogue();

    /**
     * One file of a return: its name, header line and the landing table its loaded rows go to, found there by the
     * LA's row number or, where landing keeps no row number (the ONSPD merge keeps one row per postcode), by the
     * value of one of its fields.
     */
    public record Table(String file, String header, String landingTable, String keyColumn, int keyField) {

        public Table(String file, String header, String landingTable) {
            this(file, header, landingTable, "row_number", -1);
        }

        public Row row(String line) {
            return new Row(this, line);
        }
    }

    /** A data row of a table, as the LA's file has it. */
    public record Row(Table table, String line) {
    }

    /** A row that breaks one rule, with the valid rows (of any table) it needs to do so. */
    public record RuleCase(String rule, Row breaking, List<Row> context) {

        public static RuleCase of(String rule, Row breaking, Row... context) {
            return new RuleCase(rule, breaking, List.of(context));
        }

        @Override
        public String toString() {
            return rule + " " + breaking.table().file() + ": " + breaking.line();
        }
    }

    private record Position(String file, long row) {
    }

    private record Issue(Position position, String rule, String severity) {
    }

    private final TestIngestApplication application;
    private final long submission;
    private final Map<RuleCase, Position> breaking = new LinkedHashMap<>();
    private final Map<RuleCase, List<Position>> context = new LinkedHashMap<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, Long> rowsWritten = new LinkedHashMap<>();
    private final Map<Position, String> lines = new LinkedHashMap<>();
    private final List<Issue> issues;

    private RuleCaseSubmission(TestIngestApplication application, String laCode, String returnCode, int collectionYear,
                               List<Row> validRows, List<RuleCase> cases, Path folder) throws Exception {
        this.application = application;
        Map<String, List<String>> fileLines = new LinkedHashMap<>();
        validRows.forEach(row -> append(fileLines, row));
        for (RuleCase ruleCase : cases) {
            context.put(ruleCase, ruleCase.context().stream().map(row -> append(fileLines, row)).toList());
            breaking.put(ruleCase, append(fileLines, ruleCase.breaking()));
        }
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        for (Table table : tables.values()) {
            files.add(Files.writeString(folder.resolve(table.file()),
                    table.header() + "\n" + String.join("\n", fileLines.get(table.file())) + "\n", StandardCharsets.UTF_8));
        }
        JobExecution execution = application.ingest(laCode, returnCode, collectionYear, files, folder.resolve("outbox"));
        this.submission = TestIngestApplication.submissionId(execution);
        this.issues = application.jdbc().query(
                "SELECT file_name, row_number, rule_code, severity FROM ops.validation_issue WHERE submission_id = ?",
                (rs, n) -> new Issue(new Position(rs.getString(1), rs.getLong(2)), rs.getString(3), rs.getString(4)),
                submission);
    }

    /** Writes the valid rows and every case's rows into the return's files and runs its ingest job once. */
    public static RuleCaseSubmission ingest(TestIngestApplication application, String laCode, String returnCode,
                                            int collectionYear, List<Row> validRows, List<RuleCase> cases,
                                            Path folder) throws Exception {
        return new RuleCaseSubmission(application, laCode, returnCode, collectionYear, validRows, cases, folder);
    }

    /**
     * Loads another return the rules compare with (the LA's SSDA903 return, the postcode directory, the Ofsted
     * register), from files given as name and content, and checks it loaded.
     */
    public static void load(TestIngestApplication application, String laCode, String returnCode, int collectionYear,
                            Path folder, Map<String, String> files) throws Exception {
        Files.createDirectories(folder);
        List<Path> paths = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            paths.add(Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8));
        }
        long submission = TestIngestApplication.submissionId(
                application.ingest(laCode, returnCode, collectionYear, paths, folder.resolve("outbox")));
        assertThat(application.totals(submission).get(0)).as("%s of %s loaded", returnCode, laCode).isEqualTo("loaded");
    }

    private Position append(Map<String, List<String>> fileLines, Row row) {
        tables.putIfAbsent(row.table().file(), row.table());
        List<String> file = fileLines.computeIfAbsent(row.table().file(), name -> new ArrayList<>());
        file.add(row.line());
        rowsWritten.merge(row.table().file(), 1L, Long::sum);
        Position position = new Position(row.table().file(), file.size());
        lines.put(position, row.line());
        return position;
    }

    public long submissionId() {
        return submission;
    }

    /** The case's row carries its rule's code and is rejected (error) or loaded (query); its context rows are clean. */
    public void assertRowBreaksOnlyItsRule(RuleCase ruleCase) {
        Position position = breaking.get(ruleCase);
        ValidationRule rule = CATALOGUE.rule(ruleCase.rule());
        assertThat(codesAt(position)).as("findings on %s row %d", position.file(), position.row())
                .contains(rule.code() + " " + rule.severity().code());
        assertThat(isLoaded(position)).as(rule.severity() == Severity.ERROR ? "an error rejects the row" : "a query loads the row")
                .isEqualTo(rule.severity() == Severity.QUERY);
        for (Position other : context.get(ruleCase)) {
            assertThat(codesAt(other)).as("findings on the valid context row %s row %d", other.file(), other.row()).isEmpty();
            assertThat(isLoaded(other)).as("valid context row %s row %d loaded", other.file(), other.row()).isTrue();
        }
    }

    /**
     * Nothing but the cases' rows was touched: no finding elsewhere, the submission loaded, and for every file the
     * rows received = loaded + rejected, with exactly the error cases' rows rejected.
     */
    public void assertOnlyTheBreakingRowsAreAffected() {
        Set<Position> caseRows = new HashSet<>(breaking.values());
        assertThat(issues).as("findings off the breaking rows").allSatisfy(issue -> assertThat(caseRows).contains(issue.position()));
        assertThat(application.totals(submission).get(0)).isEqualTo("loaded");
        Map<String, Long> errorRows = breaking.entrySet().stream()
                .filter(entry -> CATALOGUE.rule(entry.getKey().rule()).severity() == Severity.ERROR)
                .collect(Collectors.groupingBy(entry -> entry.getValue().file(), Collectors.counting()));
        List<String> expected = tables.keySet().stream().map(file -> {
            long rejected = errorRows.getOrDefault(file, 0L);
            return file + " " + rowsWritten.get(file) + "=" + (rowsWritten.get(file) - rejected) + "+" + rejected;
        }).sorted().toList();
        assertThat(application.jdbc().queryForList("""
                SELECT file_name || ' ' || rows_received || '=' || rows_loaded || '+' || rows_rejected
                  FROM ops.submission_file WHERE submission_id = ? ORDER BY file_name
                """, String.class, submission)).containsExactlyElementsOf(expected);
    }

    private List<String> codesAt(Position position) {
        return issues.stream().filter(issue -> issue.position().equals(position))
                .map(issue -> issue.rule() + " " + issue.severity()).toList();
    }

    private boolean isLoaded(Position position) {
        Table table = tables.get(position.file());
        Object key = table.keyField() < 0 ? position.row() : lines.get(position).split(",", -1)[table.keyField()];
        return application.jdbc().queryForObject("SELECT count(*) FROM " + table.landingTable()
                + " WHERE submission_id = ? AND " + table.keyColumn() + " = ?", Integer.class, submission, key) == 1;
    }

    /** The row with several fields replaced: column, value, column, value... */
    public static String with(String line, Object... columnsAndValues) {
        String[] fields = line.split(",", -1);
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            fields[(Integer) columnsAndValues[i]] = (String) columnsAndValues[i + 1];
        }
        return String.join(",", fields);
    }
}
