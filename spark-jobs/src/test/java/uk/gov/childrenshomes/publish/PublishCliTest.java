package uk.gov.childrenshomes.publish;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI contract short of a publish (which ClusterPublishTest runs): arguments, help and exit codes. */
class PublishCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        return PublishCli.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void parsesYearOutAndAnOptionalMaster() {
        PublishCli.Arguments arguments = PublishCli.parse(new String[]{"--year", "2025", "--out", "releases"});
        assertEquals(new PublishCli.Arguments(2025, Path.of("releases"), null), arguments);
        assertNull(arguments.master(), "no --master: spark-submit's master, else local[*]");
        assertEquals("spark://h:7077", PublishCli.parse(
                new String[]{"--out", "r", "--master", "spark://h:7077", "--year", "2024"}).master());
    }

    @Test
    void badArgumentsExitWithTwoAndTheUsage() {
        assertEquals(PublishCli.BAD_ARGUMENTS, run(Map.of(), "--year", "25", "--out", "r"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--year must be a reporting year"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Usage: publish"));
        assertEquals(PublishCli.BAD_ARGUMENTS, run(Map.of(), "--year", "2025"));
        assertEquals(PublishCli.BAD_ARGUMENTS, run(Map.of(), "--year", "2025", "--out", "r", "--colour", "blue"));
    }

    @Test
    void helpExitsWithZero() {
        assertEquals(PublishCli.OK, run(Map.of(), "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: publish"));
    }

    @Test
    void anUnsetOrUnreachableWarehouseIsASystemFailure() {
        assertEquals(PublishCli.SYSTEM_FAILURE, run(Map.of(), "--year", "2025", "--out", "r"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("WAREHOUSE_URL is not set"));
        assertEquals(PublishCli.SYSTEM_FAILURE, run(Map.of("WAREHOUSE_URL", "jdbc:postgresql://127.0.0.1:1/none"),
                "--year", "2025", "--out", "r"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot reach the warehouse"));
    }
}
