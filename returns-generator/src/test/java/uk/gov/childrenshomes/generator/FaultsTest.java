package uk.gov.childrenshomes.generator;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * faults.csv is the ground truth: scanning the files for every kind of fault finds exactly the rows it lists, each
 * under the rule it names, and nothing in a clean run.
 */
class FaultsTest {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> PLACES_2025 = Set.of("A3", "A4", "A5", "A6", "H5", "K1", "K2", "K3", "P1", "P2",
            "P3", "R1", "R2", "R3", "R5", "S1", "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1");

    /** The rule each fault breaks: jobs' rule catalogue for SSDA903, docs/returns for the other two returns. */
    private static final Map<String, String> EXPECTED_RULES = Map.ofEntries(
            Map.entry("header.csv invalid_date", "102"), Map.entry("header.csv unknown_code", "101"),
            Map.entry("header.csv blank_required", "103"), Map.entry("header.csv duplicate_row", "DP068"),
            Map.entry("episodes.csv invalid_date", "141"), Map.entry("episodes.csv end_before_start", "DP060"),
            Map.entry("episodes.csv unknown_code", "146"), Map.entry("episodes.csv blank_required", "144"),
            Map.entry("episodes.csv overlapping_episodes", "501"), Map.entry("episodes.csv k2_without_urn", "218"),
            Map.entry("episodes.csv unknown_urn", "DP064"), Map.entry("episodes.csv malformed_postcode", "392c"),
            Map.entry("episodes.csv duplicate_row", "DP062"), Map.entry("episodes.csv child_not_in_header", "DP063"),
            Map.entry("missing.csv invalid_date", "1004"), Map.entry("missing.csv end_before_start", "567"),
            Map.entry("missing.csv unknown_code", "1006"), Map.entry("missing.csv overlapping_missing", "574"),
            Map.entry("missing.csv duplicate_row", "DP070"),
            Map.entry("missing invalid_date", "MIS-06"), Map.entry("missing end_before_start", "MIS-07"),
            Map.entry("missing unknown_code", "MIS-05"), Map.entry("missing blank_required", "MIS-02"),
            Map.entry("missing overlapping_missing", "MIS-10"), Map.entry("missing duplicate_row", "MIS-01"),
            Map.entry("missing rhi_inconsistent", "MIS-15"),
            Map.entry("oversight invalid_date", "OOA-02"), Map.entry("oversight unknown_code", "OOA-07"),
            Map.entry("oversight blank_required", "OOA-08"), Map.entry("oversight k2_without_urn", "OOA-05"),
            Map.entry("oversight unknown_urn", "OOA-05"), Map.entry("oversight duplicate_row", "OOA-03"));

    @Test
    void faultsCsvListsExactlyTheFaultsInTheFilesUnderTheRulesTheyBreak() {
        GeneratedInbox inbox = GeneratedInbox.of(2025, 0.03, 5, 0.05);
        List<String[]> listed = GeneratedInbox.rows(inbox.root.resolve("faults.csv"));
        assertEquals(inbox.result.totals().get("faults_injected"), listed.size());
        Set<String> expected = new TreeSet<>();
        for (String[] fault : listed) {
            expected.add(String.join(",", Arrays.copyOf(fault, 6)));
            String kind = (fault[1].equals("ssda903") ? fault[2] : fault[1]) + " " + fault[4];
            assertEquals(EXPECTED_RULES.get(kind), fault[6], "rule of " + String.join(",", fault));
        }
        Set<String> found = scan(inbox);
        assertEquals(expected, found);
        Set<String> kinds = new HashSet<>();
        listed.forEach(f -> kinds.add(f[1] + " " + f[2].replaceAll("E\\d{8}_", "") + " " + f[4]));
        assertTrue(kinds.size() >= 28, "nearly every kind of fault in every file occurs: " + kinds);
    }

    @Test
    void aCleanRunHasNoFaults() {
        GeneratedInbox inbox = GeneratedInbox.of(2025, 0.03, 5, 0);
        assertEquals(List.of(), GeneratedInbox.rows(inbox.root.resolve("faults.csv")));
        assertEquals(Set.of(), scan(inbox));
    }

    @Test
    void faultsAreKeptAwayFromRowsOtherRowsDependOn() {
        GeneratedInbox inbox = GeneratedInbox.of(2025, 0.03, 5, 0.05);
        Map<String, List<String[]>> faultsByFile = new HashMap<>();
        for (String[] fault : GeneratedInbox.rows(inbox.root.resolve("faults.csv"))) {
            faultsByFile.computeIfAbsent(fault[0] + "/" + fault[1] + "/" + fault[2], k -> new ArrayList<>()).add(fault);
        }
        for (LaReport la : inbox.lasWithSsda903("xml")) {
            assertFalse(faultsByFile.containsKey(la.authority().code() + "/ssda903/header.csv"), "XML exports are clean");
        }
        for (LaReport la : inbox.lasWithSsda903("csv")) {
            String code = la.authority().code();
            Set<String> withEpisodes = new HashSet<>();
            Set<String> linked = new HashSet<>();
            List<String[]> episodes = GeneratedInbox.rows(inbox.laFile(la, "ssda903/episodes.csv"));
            episodes.forEach(e -> withEpisodes.add(e[0]));
            GeneratedInbox.rows(inbox.laFile(la, "ssda903/missing.csv")).forEach(m -> linked.add(m[0]));
            GeneratedInbox.rows(inbox.onlyFile(la, "oversight")).forEach(o -> linked.add(o[0]));
            List<String[]> header = GeneratedInbox.rows(inbox.laFile(la, "ssda903/header.csv"));
            for (String[] fault : faultsByFile.getOrDefault(code + "/ssda903/header.csv", List.of())) {
                String child = header.get(Integer.parseInt(fault[3]) - 1)[0];
                assertFalse(withEpisodes.contains(child), "header fault on a child with episodes: " + String.join(",", fault));
            }
            for (String[] fault : faultsByFile.getOrDefault(code + "/ssda903/episodes.csv", List.of())) {
                String child = episodes.get(Integer.parseInt(fault[3]) - 1)[0];
                assertFalse(linked.contains(child), "episode fault on a child with missing or oversight rows: "
                        + String.join(",", fault));
            }
        }
    }

    /** Every fault found by reading the files, as la,return,file,row,kind,field. */
    private static Set<String> scan(GeneratedInbox inbox) {
        Set<String> found = new TreeSet<>();
        Set<String> register = new HashSet<>();
        Path ofsted = inbox.root.resolve("national/ofsted/ofsted_childrens_homes_2025.csv");
        GeneratedInbox.rows(ofsted).forEach(home -> register.add(home[1]));
        for (LaReport la : inbox.result.las()) {
            String code = la.authority().code();
            if (la.ssda903Format().equals("csv")) {
                List<String[]> header = GeneratedInbox.rows(inbox.laFile(la, "ssda903/header.csv"));
                Set<String> children = new HashSet<>();
                header.forEach(h -> children.add(h[0]));
                Scan headerScan = new Scan(found, code, "ssda903", "header.csv", header);
                headerScan.each((h, row) -> !parses(h[2], DATE), "invalid_date", "DOB");
                headerScan.each((h, row) -> !Set.of("1", "2").contains(h[1]), "unknown_code", "SEX");
                headerScan.each((h, row) -> h[3].isEmpty(), "blank_required", "ETHNIC");
                headerScan.duplicates("CHILD");

                Scan episodes = new Scan(found, code, "ssda903", "episodes.csv",
                        GeneratedInbox.rows(inbox.laFile(la, "ssda903/episodes.csv")));
                episodes.each((e, row) -> !parses(e[1], DATE), "invalid_date", "DECOM");
                episodes.each((e, row) -> before(e[7], e[1], DATE), "end_before_start", "DEC");
                episodes.each((e, row) -> !PLACES_2025.contains(e[5]), "unknown_code", "PLACE");
                episodes.each((e, row) -> e[3].isEmpty(), "blank_required", "LS");
                episodes.overlaps(1, 7, DATE, "overlapping_episodes", "DECOM");
                episodes.each((e, row) -> e[5].equals("K2") && e[12].isEmpty(), "k2_without_urn", "URN");
                episodes.each((e, row) -> e[5].equals("K2") && !e[12].isEmpty() && !register.contains(e[12]),
                        "unknown_urn", "URN");
                episodes.each((e, row) -> !e[11].isEmpty() && !e[11].matches("[A-Z]{1,2}\\d{1,2} \\d[A-Z]{2}"),
                        "malformed_postcode", "PL_POST");
                episodes.duplicates("DECOM");
                episodes.each((e, row) -> !children.contains(e[0]), "child_not_in_header", "CHILD");

                Scan missing = new Scan(found, code, "ssda903", "missing.csv",
                        GeneratedInbox.rows(inbox.laFile(la, "ssda903/missing.csv")));
                missing.each((m, row) -> !parses(m[3], DATE), "invalid_date", "MIS_START");
                missing.each((m, row) -> before(m[4], m[3], DATE), "end_before_start", "MIS_END");
                missing.each((m, row) -> !Set.of("M", "A").contains(m[2]), "unknown_code", "MISSING");
                missing.overlaps(3, 4, DATE, "overlapping_missing", "MIS_START");
                missing.duplicates("MIS_START");
            }
            Path missingFile = inbox.onlyFile(la, "missing");
            Scan incidents = new Scan(found, code, "missing", missingFile.getFileName().toString(),
                    GeneratedInbox.rows(missingFile));
            incidents.each((m, row) -> !parses(m[5], DATE_TIME), "invalid_date", "MIS_START");
            incidents.each((m, row) -> before(m[6], m[5], DATE_TIME), "end_before_start", "MIS_END");
            incidents.each((m, row) -> !Set.of("M", "A").contains(m[4]), "unknown_code", "MISSING_TYPE");
            incidents.each((m, row) -> m[1].isEmpty(), "blank_required", "CHILD");
            incidents.overlaps(5, 6, DATE_TIME, "overlapping_missing", "MIS_START");
            incidents.duplicates("INCIDENT_ID");
            incidents.each((m, row) -> m[12].equals("N") && !m[13].isEmpty(), "rhi_inconsistent", "RHI_COMPLETED_DATETIME");

            Path oversightFile = inbox.onlyFile(la, "oversight");
            Scan oversight = new Scan(found, code, "oversight", oversightFile.getFileName().toString(),
                    GeneratedInbox.rows(oversightFile));
            oversight.each((o, row) -> !parses(o[1], DATE), "invalid_date", "DECOM");
            oversight.each((o, row) -> !Set.of("", "NOM", "DCS").contains(o[5]), "unknown_code", "APPROVED_BY");
            oversight.each((o, row) -> o[7].isEmpty(), "blank_required", "EMERGENCY");
            oversight.each((o, row) -> o[2].equals("K2") && o[3].isEmpty(), "k2_without_urn", "URN");
            oversight.each((o, row) -> o[2].equals("K2") && !o[3].isEmpty() && !register.contains(o[3]), "unknown_urn", "URN");
            oversight.duplicates("DECOM");
        }
        return found;
    }

    private static boolean parses(String text, DateTimeFormatter format) {
        try {
            format.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Both given and valid, and {@code end} before {@code start}. */
    private static boolean before(String end, String start, DateTimeFormatter format) {
        if (!parses(end, format) || !parses(start, format)) {
            return false;
        }
        Function<String, LocalDateTime> at = text -> format == DATE
                ? LocalDate.parse(text, format).atStartOfDay() : LocalDateTime.parse(text, format);
        return at.apply(end).isBefore(at.apply(start));
    }

    /** The rows of one file, and what is found in them. */
    private record Scan(Set<String> found, String la, String returnName, String file, List<String[]> rows) {

        interface RowTest {
            boolean faulty(String[] row, int index);
        }

        void each(RowTest test, String kind, String field) {
            for (int i = 0; i < rows.size(); i++) {
                if (test.faulty(rows.get(i), i)) {
                    record(i, kind, field);
                }
            }
        }

        /** A row identical to the one before it. */
        void duplicates(String keyField) {
            each((row, i) -> i > 0 && Arrays.equals(row, rows.get(i - 1)), "duplicate_row", keyField);
        }

        /**
         * A row starting before the end of the child's previous row (duplicates and blank children aside);
         * CHILD is the first column but in the missing return, where it follows INCIDENT_ID.
         */
        void overlaps(int start, int end, DateTimeFormatter format, String kind, String field) {
            int child = returnName.equals("missing") ? 1 : 0;
            Map<String, String[]> previousOfChild = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                String[] row = rows.get(i);
                String[] previous = previousOfChild.put(row[child], row);
                boolean duplicate = i > 0 && Arrays.equals(row, rows.get(i - 1));
                if (previous != null && !duplicate && !row[child].isEmpty() && before(row[start], previous[end], format)) {
                    record(i, kind, field);
                }
            }
        }

        private void record(int index, String kind, String field) {
            found.add(String.join(",", la, returnName, file, String.valueOf(index + 1), kind, field));
        }
    }
}
