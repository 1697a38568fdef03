package uk.gov.childrenshomes.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchOptionsTest {

    private static final Path REPOSITORY = Path.of("/repo");

    @Test
    void defaultsToScales1And10TheLastEndedYearAndDocsBenchmarks() {
        BenchOptions options = BenchOptions.parse(List.of(), REPOSITORY, LocalDate.of(2026, 3, 1));

        assertEquals(List.of(1.0, 10.0), options.scales());
        assertEquals(2025, options.year());
        assertEquals(Path.of("/repo/docs/benchmarks.md"), options.markdown());
        assertEquals(Path.of("/repo/docs/benchmarks.json"), options.json());
        assertEquals(Path.of("/repo/bench/target/bench-work"), options.work());
        assertFalse(options.profile());
        assertEquals(Duration.ofMinutes(120), options.stageTimeout());
    }

    @Test
    void takesTheQuickSmokeScaleAndAnotherReport() {
        BenchOptions options = BenchOptions.parse(List.of("--scales", "0.05", "--year", "2024", "--out", "/tmp/smoke.md",
                "--profile", "--stage-timeout", "15"), REPOSITORY, LocalDate.of(2026, 11, 23));

        assertEquals(List.of(0.05), options.scales());
        assertEquals(2024, options.year());
        assertEquals(Path.of("/tmp/smoke.json"), options.json());
        assertTrue(options.profile());
        assertEquals(Duration.ofMinutes(15), options.stageTimeout());
    }

    @Test
    void refusesWhatItCannotRun() {
        assertThrows(IllegalArgumentException.class, () -> parse("--scales", "0"));
        assertThrows(IllegalArgumentException.class, () -> parse("--scales", "1,1"));
        assertThrows(IllegalArgumentException.class, () -> parse("--scales", "one"));
        assertThrows(IllegalArgumentException.class, () -> parse("--year", "25"));
        assertThrows(IllegalArgumentException.class, () -> parse("--out"));
        assertThrows(IllegalArgumentException.class, () -> parse("--fast"));
        assertThrows(IllegalArgumentException.class, () -> parse("--stage-timeout", "0"));
        assertThrows(IllegalArgumentException.class, () -> parse("--stage-timeout", "1.5"));
        assertThrows(IllegalArgumentException.class, () -> parse("--cluster-workers", "0"));
        assertThrows(IllegalArgumentException.class, () -> parse("--cluster-workers", "two"));
    }

    @Test
    void publishesThroughALocalClusterOnlyWhenAskedTo() {
        assertEquals(0, parse().clusterWorkers());
        assertEquals(2, parse("--cluster-workers", "2").clusterWorkers());
    }

    private static BenchOptions parse(String... args) {
        return BenchOptions.parse(List.of(args), REPOSITORY, LocalDate.of(2026, 11, 23));
    }
}
