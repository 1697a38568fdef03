package uk.gov.childrenshomes.generator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerateCliTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private int run(String... args) {
        return GenerateCli.run(args, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsTheOptionsAndSucceeds() {
        assertEquals(0, run("--help"));
        assertTrue(printed().contains("--fault-rate R"), printed());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--year 2025                                  | --out DIR is required",
            "--out x --colour red                         | unknown option '--colour'",
            "--out x --scale                              | --scale needs a value",
            "--out x --scale 0                            | --scale must be above 0",
            "--out x --scale lots                         | --scale must be a number",
            "--out x --fault-rate 1.5                     | --fault-rate must be from 0 to 1",
            "--out x --year 1999                          | --year must be a collection year",
            "--out x --seed 1.5                           | --seed must be a whole number",
            "--out x --la 805                             | --la takes an LA code",
            "--out x --year 2025 --la E10000021           | not an LA operating on 31 March 2025: E10000021",
            "--out x --year 2019 --la E06000058           | not an LA operating on 31 March 2019: E06000058"})
    void badArgumentsExitWithTwoAndSayWhatIsWrong(String args, String message) {
        assertEquals(2, run(args.trim().split(" +")));
        assertTrue(printed().contains(message), printed());
    }

    @Test
    void defaultsAreTheLastEndedYearAtScaleOneWithoutFaults() {
        GenerationRequest request = GenerateCli.parse(new String[] {"--out", "inbox"});
        assertEquals(CollectionYear.lastEndedBefore(LocalDate.now()), request.year());
        assertEquals(1.0, request.scale());
        assertEquals(GenerateCli.DEFAULT_SEED, request.seed());
        assertEquals(0.0, request.faultRate());
        assertEquals(List.of(), request.laCodes());
    }

    @Test
    void writesTheInboxOfTheLasAskedFor(@TempDir Path out) {
        assertEquals(0, run("--out", out.toString(), "--year", "2025", "--scale", "0.01", "--seed", "7",
                "--fault-rate", "0.1", "--la", "E09000033", "--la", "E06000001"));
        assertTrue(printed().contains("Generated 2 LAs for 2025"), printed());
        for (String la : List.of("E06000001", "E09000033")) {
            for (String returnFolder : List.of("ssda903", "missing", "oversight")) {
                assertTrue(Files.isDirectory(out.resolve(la).resolve(returnFolder)), la + "/" + returnFolder);
            }
        }
        assertTrue(Files.isRegularFile(out.resolve("generation.json")));
        assertTrue(Files.isRegularFile(out.resolve("faults.csv")));
        assertTrue(Files.isRegularFile(out.resolve("national/onspd/onspd.csv")));
    }

    @Test
    void anUnwritableOutputFolderIsASystemFailure(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("not-a-folder"), "x");
        assertEquals(1, run("--out", file.toString(), "--year", "2025", "--scale", "0.01", "--la", "E06000001"));
        assertTrue(printed().contains("cannot"), printed());
    }
}
