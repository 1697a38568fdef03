package uk.gov.childrenshomes.generator;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A clean run breaks none of the validation rules of docs/returns (missing-episodes.md MIS-01 to MIS-17,
 * out-of-area-oversight.md OOA-01 to OOA-12): generated returns load in full unless faults are asked for.
 */
class ReturnRulesTest {

    private static final int YEAR = 2025;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> COUNTRIES = Set.of("W92000004", "S92000003", "N92000002");

    private final GeneratedInbox inbox = GeneratedInbox.of(YEAR, 0.05, 13, 0);
    private final CollectionYear year = new CollectionYear(YEAR);
    private final Set<String> operating = new HashSet<>(inbox.result.las().stream().map(r -> r.authority().code()).toList());

    private static LocalDate date(String text) {
        return LocalDate.parse(text, DATE);
    }

    private static LocalDateTime dateTime(String text) {
        return LocalDateTime.parse(text, DATE_TIME);
    }

    private static void check(boolean rule, String code, String[] row) {
        assertTrue(rule, code + " broken by " + String.join(",", row));
    }

    @Test
    void missingReturnsBreakNoRule() {
        long incidents = 0;
        for (LaReport la : inbox.result.las()) {
            String code = la.authority().code();
            Map<String, List<LocalDate[]>> episodesByChild = la.ssda903Format().equals("csv") ? episodes(la) : null;
            Set<String> ids = new HashSet<>();
            Set<String> keys = new HashSet<>();
            Map<String, LocalDateTime> previousEnd = new HashMap<>();
            Set<String> stillMissing = new HashSet<>();
            for (String[] m : GeneratedInbox.rows(inbox.onlyFile(la, "missing"))) {
                incidents++;
                check(m[0].matches("[A-Za-z0-9_-]{1,20}") && ids.add(m[0]), "MIS-01", m);
                check(m[1].matches("\\S{1,10}"), "MIS-02", m);
                LocalDateTime start = dateTime(m[5]);
                LocalDate dob = date(m[2]);
                check(!dob.isAfter(start.toLocalDate()) && dob.plusYears(18).isAfter(start.toLocalDate()), "MIS-03", m);
                boolean care = m[3].equals("CARE");
                check(care || m[3].equals("HOME"), "MIS-04", m);
                check(m[4].equals("M") || m[4].equals("A") && care, "MIS-05", m);
                check(year.contains(start.toLocalDate()), "MIS-06", m);
                LocalDateTime end = m[6].isEmpty() ? null : dateTime(m[6]);
                check(end == null || !end.isBefore(start), "MIS-07", m);
                check(care ? Set.of("Y", "N").contains(m[7]) && m[8].equals(code)
                        && (operating.contains(m[9]) || COUNTRIES.contains(m[9]))
                        : m[7].isEmpty() && m[8].isEmpty() && m[9].isEmpty(), "MIS-08", m);
                check(!care || m[7].equals(m[9].equals(m[8]) ? "N" : "Y"), "MIS-09", m);
                check(!stillMissing.contains(m[1])
                        && (previousEnd.get(m[1]) == null || !start.isBefore(previousEnd.get(m[1]))), "MIS-10", m);
                check(keys.add(m[1] + "|" + m[3] + "|" + m[5]), "MIS-11", m);
                check(end == null ? m[10].isEmpty() : Set.of("Y", "N").contains(m[10]), "MIS-12", m);
                boolean offered = m[10].equals("Y");
                check(offered ? !date(m[11]).isBefore(end.toLocalDate()) : m[11].isEmpty(), "MIS-13", m);
                check(offered ? Set.of("", "Y", "N").contains(m[12]) : m[12].isEmpty(), "MIS-14", m);
                check(m[13].isEmpty() || m[12].equals("Y") && !dateTime(m[13]).isBefore(end), "MIS-15", m);
                check(m[13].isEmpty() ? m[14].isEmpty() : Set.of("IND", "LAT", "SWK", "OTH").contains(m[14]), "MIS-16", m);
                if (care && episodesByChild != null) {
                    check(episodesByChild.getOrDefault(m[1], List.of()).stream().anyMatch(e -> !e[0].isAfter(start.toLocalDate())
                            && (e[1] == null || e[1].isAfter(start.toLocalDate()))), "MIS-17", m);
                }
                if (end == null) {
                    stillMissing.add(m[1]);
                }
                previousEnd.put(m[1], end);
            }
        }
        assertTrue(incidents > 10_000, "incidents checked: " + incidents);
    }

    @Test
    void oversightReturnsBreakNoRule() {
        Map<String, LocalDate[]> homes = new HashMap<>();
        for (String[] home : GeneratedInbox.rows(inbox.root.resolve("national/ofsted/ofsted_childrens_homes_2025.csv"))) {
            homes.put(home[1], new LocalDate[] {date(home[7]), home[9].isEmpty() ? null : date(home[9])});
        }
        long placements = 0;
        for (LaReport la : inbox.result.las()) {
            String code = la.authority().code();
            Map<String, String[]> episodeByKey = new HashMap<>();
            if (la.ssda903Format().equals("csv")) {
                GeneratedInbox.rows(inbox.laFile(la, "ssda903/episodes.csv")).forEach(e -> episodeByKey.put(e[0] + "|" + e[1], e));
            }
            Set<String> keys = new HashSet<>();
            for (String[] o : GeneratedInbox.rows(inbox.onlyFile(la, "oversight"))) {
                placements++;
                check(o[0].matches("\\S{1,10}"), "OOA-01", o);
                LocalDate decom = date(o[1]);
                check(year.contains(decom), "OOA-02", o);
                check(keys.add(o[0] + "|" + o[1]), "OOA-03", o);
                boolean home = o[2].equals("K1") || o[2].equals("K2");
                check(!Set.of("P1", "P2", "A3", "A4", "A5", "A6").contains(o[2]), "OOA-04", o);
                LocalDate[] registered = homes.get(o[3]);
                check(!home || registered != null && !registered[0].isAfter(decom)
                        && (registered[1] == null || registered[1].isAfter(decom)), "OOA-05", o);
                check(!o[4].equals(code) && (operating.contains(o[4]) || COUNTRIES.contains(o[4])), "OOA-06", o);
                check(o[5].isEmpty() ? o[6].isEmpty() : Set.of("NOM", "DCS").contains(o[5]) && within(o[6], decom, 183, 90),
                        "OOA-07", o);
                check(Set.of("Y", "N").contains(o[7]), "OOA-08", o);
                check(o[8].equals("Y") ? within(o[9], decom, 183, 90) : o[8].equals("N") && o[9].isEmpty(), "OOA-09", o);
                check(o[10].isEmpty() || home && within(o[10], decom, 30, 90), "OOA-10", o);
                check(o[11].isEmpty() || home && !date(o[11]).isBefore(decom), "OOA-11", o);
                if (la.ssda903Format().equals("csv")) {
                    String[] episode = episodeByKey.get(o[0] + "|" + o[1]);
                    check(episode != null && episode[5].equals(o[2]) && Set.of("S", "P", "B").contains(episode[2]), "OOA-12", o);
                }
            }
        }
        assertTrue(placements > 500, "placements checked: " + placements);
    }

    @Test
    void theOversightReturnHoldsEveryPlacementItsScopeCovers() {
        for (LaReport la : inbox.lasWithSsda903("csv")) {
            String code = la.authority().code();
            Map<String, String> upperTier = new HashMap<>();
            List<String[]> expected = new ArrayList<>();
            for (String[] e : GeneratedInbox.rows(inbox.laFile(la, "ssda903/episodes.csv"))) {
                if (year.contains(date(e[1])) && Set.of("S", "P", "B").contains(e[2]) && !Set.of("V3", "V4").contains(e[3])
                        && !Set.of("P1", "P2", "A3", "A4", "A5", "A6").contains(e[5]) && !e[11].isEmpty()) {
                    expected.add(e);
                }
            }
            Set<String> reported = new HashSet<>();
            GeneratedInbox.rows(inbox.onlyFile(la, "oversight")).forEach(o -> reported.add(o[0] + "|" + o[1]));
            long outside = expected.stream().filter(e -> reported.contains(e[0] + "|" + e[1])).count();
            assertEquals(reported.size(), outside, code + ": every oversight row is an in-scope placement");
        }
    }

    private static boolean within(String text, LocalDate decom, int daysBefore, int daysAfter) {
        long days = ChronoUnit.DAYS.between(decom, date(text));
        return days >= -daysBefore && days <= daysAfter;
    }

    /** Each child's episodes as [DECOM, DEC or null]. */
    private Map<String, List<LocalDate[]>> episodes(LaReport la) {
        Map<String, List<LocalDate[]>> byChild = new HashMap<>();
        for (String[] e : GeneratedInbox.rows(inbox.laFile(la, "ssda903/episodes.csv"))) {
            byChild.computeIfAbsent(e[0], c -> new ArrayList<>())
                    .add(new LocalDate[] {date(e[1]), e[7].isEmpty() ? null : date(e[7])});
        }
        return byChild;
    }
}
