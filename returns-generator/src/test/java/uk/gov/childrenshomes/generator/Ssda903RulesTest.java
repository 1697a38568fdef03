package uk.gov.childrenshomes.generator;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A clean run's SSDA903 CSV sets break none of the row and cross-row rules of the ingest's rule catalogue
 * (jobs/src/main/resources/rules/catalogue.yaml), so every row loads and the pack counts every child.
 */
class Ssda903RulesTest {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> NO_URN_PLACES = Set.of("P1", "P2", "R2", "R3", "R5", "T0", "T1", "T2", "T3", "T4", "Z1");

    private static LocalDate date(String text) {
        return text.isEmpty() ? null : LocalDate.parse(text, DATE);
    }

    private static void check(boolean rule, String code, String la, String[] row) {
        assertTrue(rule, code + " broken in " + la + " by " + String.join(",", row));
    }

    @Test
    void cleanCsvSetsBreakNoRowRule() {
        GeneratedInbox inbox = GeneratedInbox.of(2025, 0.05, 13, 0);
        LocalDate yearStart = LocalDate.of(2024, 4, 1);
        LocalDate yearEnd = LocalDate.of(2025, 3, 31);
        Set<String> register = new HashSet<>();
        GeneratedInbox.rows(inbox.root.resolve("national/ofsted/ofsted_childrens_homes_2025.csv")).forEach(h -> register.add(h[1]));
        long episodesChecked = 0;
        for (LaReport la : inbox.lasWithSsda903("csv")) {
            String code = la.authority().code();
            Map<String, LocalDate> dobs = new HashMap<>();
            for (String[] h : GeneratedInbox.rows(inbox.laFile(la, "ssda903/header.csv"))) {
                check(dobs.put(h[0], date(h[2])) == null, "DP068", code, h);
                check(date(h[2]).isAfter(yearStart.minusYears(21)), "351", code, h);
                check(h[6].isEmpty() || h[5].equals("1"), "DP074", code, h);
            }
            Map<String, List<String[]>> episodesByChild = new HashMap<>();
            for (String[] e : GeneratedInbox.rows(inbox.laFile(la, "ssda903/episodes.csv"))) {
                episodesChecked++;
                LocalDate decom = date(e[1]);
                LocalDate dec = date(e[7]);
                check(dec == null || !dec.isBefore(decom), "DP060", code, e);
                check(dobs.containsKey(e[0]), "DP063", code, e);
                check(!Set.of("K1", "K2").contains(e[5]) || !e[12].isEmpty() && !e[12].equals("XXXXXXX"), "218", code, e);
                check(!NO_URN_PLACES.contains(e[5]) || e[12].isEmpty() || e[12].equals("XXXXXXX"), "222", code, e);
                check(!Set.of("K1", "K2").contains(e[5]) || register.contains(e[12]), "DP064", code, e);
                check((dec == null) == e[8].isEmpty(), "DP065", code, e);
                check(!decom.isAfter(yearEnd), "DP066", code, e);
                check(!decom.isBefore(dobs.get(e[0])), "DP067", code, e);
                check(dec == null || !dec.isBefore(yearStart), "DP069", code, e);
                episodesByChild.computeIfAbsent(e[0], c -> new ArrayList<>()).add(e);
            }
            for (List<String[]> episodes : episodesByChild.values()) {
                episodes.sort((a, b) -> date(a[1]).compareTo(date(b[1])));
                for (int i = 1; i < episodes.size(); i++) {
                    String[] previous = episodes.get(i - 1);
                    String[] e = episodes.get(i);
                    check(!date(e[1]).equals(date(previous[1])), "DP062", code, e);
                    check(!previous[7].isEmpty(), "DP061", code, previous);
                    check(!date(previous[7]).isAfter(date(e[1])), "501", code, e);
                }
            }
            Map<String, LocalDate> previousEnd = new HashMap<>();
            Set<String> periods = new HashSet<>();
            for (String[] m : GeneratedInbox.rows(inbox.laFile(la, "ssda903/missing.csv"))) {
                LocalDate start = date(m[3]);
                LocalDate end = date(m[4]);
                check(end == null || !end.isBefore(start), "567", code, m);
                check(!previousEnd.containsKey(m[0])
                        || previousEnd.get(m[0]) != null && !previousEnd.get(m[0]).isAfter(start), "574", code, m);
                check(periods.add(m[0] + "|" + m[2] + "|" + m[3]), "DP070", code, m);
                List<String[]> episodes = episodesByChild.getOrDefault(m[0], List.of());
                check(episodes.stream().anyMatch(e -> !date(e[1]).isAfter(start) && (e[7].isEmpty() || !date(e[7]).isBefore(start))),
                        "DP071", code, m);
                for (String[] e : episodes) {
                    LocalDate dec = date(e[7]);
                    check(dec == null || Set.of("E8", "X1").contains(e[8]) || start.isAfter(dec)
                            || end != null && !end.isAfter(dec), "580", code, e);
                }
                previousEnd.put(m[0], end);
            }
            for (String[] sw : GeneratedInbox.rows(inbox.laFile(la, "ssda903/sw_episodes.csv"))) {
                check(sw[4].isEmpty() || !date(sw[4]).isBefore(date(sw[3])), "DP072", code, sw);
            }
            for (String[] p : GeneratedInbox.rows(inbox.laFile(la, "ssda903/placed_for_adoption.csv"))) {
                check(p[3].isEmpty() || !date(p[3]).isBefore(date(p[2])), "DP073", code, p);
            }
        }
        assertTrue(episodesChecked > 5_000, "episodes checked: " + episodesChecked);
    }
}
