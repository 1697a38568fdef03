package uk.gov.childrenshomes.generator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every LA operating on 31 March of the year, by its code for that year, gets an inbox with all three returns. */
class InboxLayoutTest {

    /**
     * Reorganisations take effect on 1 April, so an LA abolished on 31 March still sends the return of the year
     * that ends that day, and its successors send from the next year on.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "2019 | Bournemouth, Poole and Dorset county send their last returns      | E06000028 E06000029 E10000009 | E06000058 E06000059",
            "2020 | BCP and Dorset UA; Buckinghamshire county's last year              | E06000058 E06000059 E10000002 | E06000028 E06000029 E10000009 E06000060",
            "2021 | Buckinghamshire UA; Northamptonshire's last year                  | E06000060 E10000021           | E10000002 E06000061 E06000062",
            "2022 | North and West Northamptonshire                                   | E06000061 E06000062           | E10000021",
            "2023 | Cumbria, North Yorkshire and Somerset counties' last year          | E10000006 E10000023 E10000027 | E06000063 E06000064 E06000065 E06000066",
            "2024 | Cumberland, Westmorland and Furness, North Yorkshire, Somerset UAs | E06000063 E06000064 E06000065 E06000066 | E10000006 E10000023 E10000027",
            "2025 | Barnsley and Sheffield under their old codes                      | E08000016 E08000019 E06000057 E08000037 | E08000038 E08000039 E06000048 E08000020",
            "2026 | Barnsley and Sheffield recoded                                    | E08000038 E08000039           | E08000016 E08000019"})
    void theLasOfTheYearFollowTheReorganisations(int year, String what, String present, String absent) {
        Set<String> codes = NationalGenerator.selectedAuthorities(new CollectionYear(year), List.of()).stream()
                .map(la -> la.code()).collect(Collectors.toSet());
        for (String code : present.trim().split(" +")) {
            assertTrue(codes.contains(code), year + " should have " + code);
        }
        for (String code : absent.trim().split(" +")) {
            assertFalse(codes.contains(code), year + " should not have " + code);
        }
        assertTrue(codes.stream().allMatch(c -> c.matches("E(06|08|09|10)\\d{6}")), "only upper-tier LA codes");
        assertEquals(codes.size(), Set.copyOf(codes).size());
    }

    @Test
    void everyLaOperatingInTheYearGetsAllThreeReturns() throws IOException {
        GeneratedInbox inbox = GeneratedInbox.of(2024, 0.005, 3, 0);
        Set<String> expected = NationalGenerator.selectedAuthorities(new CollectionYear(2024), List.of()).stream()
                .map(la -> la.code()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(153, expected.size(), "England's 153 LAs with children's services in 2024, City of London and Isles of Scilly included");
        Set<String> folders;
        try (Stream<Path> list = Files.list(inbox.root)) {
            folders = list.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals("national")).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(expected, folders);
        for (String la : folders) {
            for (String returnFolder : NationalGenerator.LA_RETURNS) {
                try (Stream<Path> files = Files.list(inbox.root.resolve(la).resolve(returnFolder))) {
                    assertFalse(files.findAny().isEmpty(), la + "/" + returnFolder + " is empty");
                }
            }
        }
        for (String national : List.of("ofsted", "onspd", "geography")) {
            assertTrue(Files.isDirectory(inbox.root.resolve("national").resolve(national)), national);
        }
    }

    @Test
    void aRerunReplacesTheFilesOfTheEarlierRun() throws IOException {
        Path root = Path.of("target", "test-inboxes", "rerun");
        GeneratedInbox.generate(root, 2025, 0.01, 1, 0, "E06000001");
        Path stale = root.resolve("E06000001").resolve("ssda903").resolve("left-over.csv");
        Files.writeString(stale, "CHILD\n");
        GeneratedInbox.generate(root, 2025, 0.01, 1, 0, "E06000001");
        assertFalse(Files.exists(stale), "a file of an earlier run would be ingested with this run's");
    }
}
