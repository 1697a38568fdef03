package uk.gov.childrenshomes.reliability;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import uk.gov.childrenshomes.reliability.support.ChildProcess;
import uk.gov.childrenshomes.reliability.support.Pipeline;
import uk.gov.childrenshomes.reliability.support.Sql;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 3's national proof, slow (a full national year; run by {@code -Preliability-slow}): every LA's generated
 * returns at scale 1 with 2% of rows given a realistic fault by the generator, ingested by the packaged ingest in one
 * run. Every LA loads; every fault the generator lists in faults.csv is reported on its row under the rule it
 * expects; every data row of every file is received; rows received = loaded + rejected for every submission.
 */
@Tag("slow")
@ExtendWith(WarehouseExtension.class)
class NationalFaultedIngestSlowTest {

    private static final double FAULT_RATE = 0.02;

    @Test
    void everyLaLoadsAndEveryInjectedFaultIsReportedUnderItsRule(WarehouseConnection warehouse, @TempDir Path work)
            throws Exception {
        Pipeline pipeline = new Pipeline(warehouse, work);
        Path inbox = work.resolve("inbox");
        ChildProcess.Result generated = pipeline.generate(inbox, 1, FAULT_RATE, List.of());
        assertEquals(0, generated.exitCode(), generated::describe);

        ChildProcess.Result ingest = pipeline.ingest("ingest-national-faulted", inbox);

        assertEquals(0, ingest.exitCode(), ingest::describe);
        long operatingLas = Sql.number(warehouse, """
                SELECT count(*) FROM core.las_operating_in(?) WHERE NOT is_unknown_member""", Pipeline.YEAR);
        assertTrue(operatingLas > 150, "England's LAs: " + operatingLas);
        assertEquals(List.of(), Sql.rows(warehouse, """
                SELECT la_code, return_code, state, state_reason FROM ops.submission
                 WHERE state <> 'loaded' AND la_code <> 'E92000001'"""), "every LA's submission loads");
        assertEquals(operatingLas * 3, Sql.number(warehouse, """
                SELECT count(*) FROM ops.submission WHERE la_code <> 'E92000001'"""), "three returns from every LA");
        assertEquals(List.of(), Sql.rows(warehouse, """
                SELECT submission_id, la_code, return_code, rows_received, rows_loaded, rows_rejected FROM ops.submission
                 WHERE rows_received IS NULL OR rows_received <> rows_loaded + rows_rejected"""),
                "rows received = loaded + rejected, for every submission");

        long faults = loadExpectedFaults(warehouse, inbox.resolve("faults.csv"));
        assertTrue(faults > 5_000, "thousands of faulted rows in a national year: " + faults);
        assertEquals(List.of(), Sql.rows(warehouse, """
                SELECT e.* FROM reliability_expected_fault e
                 WHERE NOT EXISTS (SELECT 1 FROM ops.validation_issue i
                                     JOIN ops.submission s ON s.submission_id = i.submission_id
                                    WHERE s.la_code = e.la_code AND s.return_code = e.return_code
                                      AND i.file_name = e.file_name AND i.row_number = e.row_number
                                      AND i.rule_code = e.expected_rule)
                 ORDER BY e.la_code, e.return_code, e.file_name, e.row_number LIMIT 20"""),
                "every injected fault reported on its row under the rule the generator expects");

        for (Map<String, Object> file : Sql.rows(warehouse, """
                SELECT source_path, rows_received FROM ops.submission_file WHERE file_name LIKE '%.csv'""")) {
            Path path = Path.of((String) file.get("source_path"));
            try (Stream<String> lines = Files.lines(path, StandardCharsets.UTF_8)) {
                assertEquals(lines.count() - 1, ((Number) file.get("rows_received")).longValue(), path::toString);
            }
        }
    }

    /** faults.csv into a table of the test's own (la_code,return,file,row_number,fault_kind,field,expected_rule). */
    private static long loadExpectedFaults(WarehouseConnection warehouse, Path faultsFile) throws Exception {
        try (Connection connection = warehouse.open(); Statement statement = connection.createStatement();
             Reader faults = Files.newBufferedReader(faultsFile, StandardCharsets.UTF_8)) {
            statement.execute("""
                    CREATE TABLE reliability_expected_fault (la_code text, return_code text, file_name text,
                        row_number bigint, fault_kind text, field_name text, expected_rule text)""");
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY reliability_expected_fault FROM STDIN (FORMAT csv, HEADER true)", faults);
        }
    }
}
