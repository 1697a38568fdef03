package uk.gov.childrenshomes.generator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeterminismTest {

    private static final int YEAR = 2025;
    private static final double SCALE = 0.02;
    private static final long SEED = 42;
    private static final double FAULT_RATE = 0.03;

    @Test
    void theSameSeedWritesTheSameBytes(@TempDir Path again) throws IOException {
        GeneratedInbox first = GeneratedInbox.of(YEAR, SCALE, SEED, FAULT_RATE);
        GeneratedInbox.generate(again, YEAR, SCALE, SEED, FAULT_RATE);
        Map<String, byte[]> expected = files(first.root);
        Map<String, byte[]> actual = files(again);
        assertEquals(expected.keySet(), actual.keySet());
        // Every kind of file is covered: both SSDA903 forms, both missing forms, the national files, the ground truth.
        assertTrue(expected.keySet().stream().anyMatch(f -> f.endsWith(".xml")));
        assertTrue(expected.keySet().stream().anyMatch(f -> f.endsWith(".xlsx")));
        assertTrue(expected.containsKey("generation.json") && expected.containsKey("faults.csv"));
        expected.forEach((file, bytes) -> assertArrayEquals(bytes, actual.get(file), file));
    }

    @Test
    void anotherSeedWritesOtherData(@TempDir Path other) throws IOException {
        GeneratedInbox first = GeneratedInbox.of(YEAR, SCALE, SEED, FAULT_RATE);
        GeneratedInbox.generate(other, YEAR, SCALE, SEED + 1, FAULT_RATE, "E10000016");
        String oversight = "E10000016/oversight/E10000016_oversight_" + YEAR + ".csv";
        assertTrue(first.la("E10000016").fileRows().get("oversight/E10000016_oversight_" + YEAR + ".csv") > 0);
        assertTrue(Files.mismatch(first.root.resolve(oversight), other.resolve(oversight)) >= 0,
                "seed " + (SEED + 1) + " wrote the same " + oversight + " as seed " + SEED);
    }

    @Test
    void anLasFilesDoNotDependOnWhichOtherLasAreWritten(@TempDir Path subset) throws IOException {
        GeneratedInbox full = GeneratedInbox.of(YEAR, SCALE, SEED, FAULT_RATE);
        List<String> chosen = List.of("E08000025", "E10000016");
        GeneratedInbox.generate(subset, YEAR, SCALE, SEED, FAULT_RATE, chosen.toArray(String[]::new));
        Map<String, byte[]> written = files(subset);
        for (String la : chosen) {
            Map<String, byte[]> expected = files(full.root.resolve(la));
            assertFalse(expected.isEmpty());
            expected.forEach((file, bytes) -> assertArrayEquals(bytes, written.get(la + "/" + file), la + "/" + file));
        }
        for (String national : List.of("national/onspd/onspd.csv", "national/geography/la_adjacency.csv")) {
            assertArrayEquals(Files.readAllBytes(full.root.resolve(national)), written.get(national), national);
        }
        assertTrue(written.keySet().stream().noneMatch(f -> f.startsWith("E06")), "only the LAs asked for are written");
    }

    /** Every file under {@code root} by relative path (with / separators), with its bytes. */
    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
