package uk.gov.childrenshomes.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AnalystQueryOptionsTest {

    private static final Path REPOSITORY = Path.of("/repo");

    @Test
    void defaultsToTenNationalYearsEndingWithTheLastEndedOne() {
        AnalystQueryOptions options = AnalystQueryOptions.parse(List.of(), REPOSITORY, LocalDate.of(2026, 3, 30));
        assertEquals(List.of(2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025), options.collectionYears());
        assertEquals(1.0, options.scale());
        assertEquals(5, options.runs());
        assertEquals(Path.of("/repo/docs/analyst-queries.md"), options.markdown());
    }

    @Test
    void refusesWhatItCannotRun() {
        for (List<String> args : List.of(List.of("--years", "0"), List.of("--scale", "-1"), List.of("--runs"),
                List.of("--last-year", "1999"), List.of("--profile"))) {
            assertThrows(IllegalArgumentException.class, () -> AnalystQueryOptions.parse(args, REPOSITORY, LocalDate.of(2026, 1, 1)),
                    args.toString());
        }
    }
}
