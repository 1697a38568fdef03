package uk.gov.childrenshomes.generator;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SSDA903 changes with the collection year: SEX codes, placement codes, the social worker table. */
class YearSchemaTest {

    private static final Pattern XML_SEX = Pattern.compile("<SEX>([^<]*)</SEX>");

    private record Seen(Set<String> sexes, Set<String> places, boolean socialWorkerFiles) {
    }

    private static Seen seen(int year) {
        GeneratedInbox inbox = GeneratedInbox.of(year, 0.03, 9, 0);
        Set<String> sexes = new HashSet<>();
        Set<String> places = new HashSet<>();
        boolean socialWorkerFiles = false;
        for (LaReport la : inbox.lasWithSsda903("csv")) {
            GeneratedInbox.rows(inbox.laFile(la, "ssda903/header.csv")).forEach(h -> sexes.add(h[1]));
            GeneratedInbox.rows(inbox.laFile(la, "ssda903/uasc.csv")).forEach(u -> sexes.add(u[1]));
            GeneratedInbox.rows(inbox.laFile(la, "ssda903/episodes.csv")).forEach(e -> places.add(e[5]));
            socialWorkerFiles |= Files.exists(inbox.laFile(la, "ssda903/sw_episodes.csv"));
        }
        for (LaReport la : inbox.lasWithSsda903("xml")) {
            try {
                Matcher sex = XML_SEX.matcher(Files.readString(inbox.onlyFile(la, "ssda903")));
                while (sex.find()) {
                    sexes.add(sex.group(1));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new Seen(sexes, places, socialWorkerFiles);
    }

    @Test
    void before2023To24NoSocialWorkerEpisodesNorK3() {
        Seen seen = seen(2023);
        assertEquals(Set.of("1", "2"), seen.sexes());
        assertFalse(seen.places().contains("K3"), "K3 is a placement code from 2024/25");
        assertTrue(seen.places().contains("H5"));
        assertFalse(seen.socialWorkerFiles(), "sw_episodes.csv exists from 2023/24");
    }

    @Test
    void in2024To25SexIsNumericAndK3AndH5AreBothUsed() {
        Seen seen = seen(2025);
        assertEquals(Set.of("1", "2"), seen.sexes());
        assertTrue(seen.places().containsAll(List.of("K3", "H5", "K2", "U4")), seen.places().toString());
        assertTrue(seen.socialWorkerFiles());
    }

    @Test
    void from2025To26SexIsALetterAndH5IsGone() {
        Seen seen = seen(2026);
        assertTrue(Set.of("M", "F", "U").containsAll(seen.sexes()) && seen.sexes().containsAll(Set.of("M", "F")),
                seen.sexes().toString());
        assertFalse(seen.places().contains("H5"), "H5 is not a placement code after 2024/25");
        assertTrue(seen.places().contains("K3"));
    }
}
