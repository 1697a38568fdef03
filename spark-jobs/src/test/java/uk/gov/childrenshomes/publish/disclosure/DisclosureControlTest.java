package uk.gov.childrenshomes.publish.disclosure;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import uk.gov.childrenshomes.publish.support.SuppressionAudit;
import uk.gov.childrenshomes.publish.tables.Cell;
import uk.gov.childrenshomes.publish.tables.CellKey;
import uk.gov.childrenshomes.publish.tables.Filter;
import uk.gov.childrenshomes.publish.tables.GeographicLevel;
import uk.gov.childrenshomes.publish.tables.Indicator;
import uk.gov.childrenshomes.publish.tables.TableDefinition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DisclosureControlTest {

    private static final TableDefinition TABLE = new TableDefinition("t", "test", "ssda903", "child_key",
            List.of(new Filter("group", "Group", "", List.of("A", "B", "C")),
                    new Filter("where", "Where", "", List.of("In", "Out"))),
            List.of(Indicator.count("children", "Children", null),
                    Indicator.percent("percent", "Percent of group", "children", "children", List.of("where")),
                    Indicator.median("median_distance", "Median distance", "distance", 1)),
            TableDefinition.Grid.COMPLETE);

    private static final DisclosureControl CONTROL = new DisclosureControl(DisclosurePolicy.defaults());

    /** A full grid of one area: counts by [group][where] for groups A, B, C and where In, Out (Totals derived). */
    private static List<Cell> area(GeographicLevel level, String code, boolean available, long[][] counts) {
        List<Cell> cells = new ArrayList<>();
        List<String> groups = List.of("Total", "A", "B", "C");
        List<String> wheres = List.of("Total", "In", "Out");
        for (int g = 0; g < groups.size(); g++) {
            for (int w = 0; w < wheres.size(); w++) {
                long value = 0;
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 2; b++) {
                        if ((g == 0 || g - 1 == a) && (w == 0 || w - 1 == b)) {
                            value += counts[a][b];
                        }
                    }
                }
                cells.add(new Cell(new CellKey(2025, level, code, List.of(groups.get(g), wheres.get(w))), available,
                        Map.of("children", value), medianOf(value), Map.of("median_distance", value)));
            }
        }
        return cells;
    }

    private static Map<String, Double> medianOf(long basis) {
        Map<String, Double> medians = new HashMap<>();
        medians.put("median_distance", basis == 0 ? null : 123.5);
        return medians;
    }

    private static Map<String, List<String>> published(List<Cell> cells) {
        Map<String, List<String>> byLevels = new HashMap<>();
        CONTROL.publish(TABLE, cells).forEach((key, values) ->
                byLevels.put(key.level().label() + ":" + String.join("/", key.filterLevels()), values));
        return byLevels;
    }

    @Test
    void suppressesSmallLaCountsAndASecondCellSoThatNeitherCanBeRecovered() {
        // A: 3 in, 20 out; B: 10 in, 12 out; C: 40 in, 0 out.
        Map<String, List<String>> la = published(area(GeographicLevel.LOCAL_AUTHORITY, "E06000001", true,
                new long[][]{{3, 20}, {10, 12}, {40, 0}}));
        assertEquals("c", la.get("Local authority:A/In").get(0), "primary: 3");
        // Line A (In, Out, Total=23): the complement is Out (20), the only other non-zero detail.
        assertEquals("c", la.get("Local authority:A/Out").get(0));
        // Line In across groups (A 3, B 10, C 40, Total 53): B/In, the smallest non-zero, is suppressed too.
        assertEquals("c", la.get("Local authority:B/In").get(0));
        assertEquals("40", la.get("Local authority:C/In").get(0));
        assertEquals("53", la.get("Local authority:Total/In").get(0));
    }

    @Test
    void roundsNationalAndRegionalCountsAndComputesPercentagesFromUnroundedFigures() {
        Map<String, List<String>> england = published(area(GeographicLevel.NATIONAL, "E92000001", true,
                new long[][]{{3, 1}, {15, 0}, {0, 0}}));
        assertEquals("0", england.get("National:A/Out").get(0), "1 rounds to 0 at national level, not c");
        assertEquals("20", england.get("National:Total/Total").get(0), "19 rounds to 20");
        assertEquals("20", england.get("National:B/In").get(0), "15 rounds half up to 20");
        assertEquals("75.0", england.get("National:A/In").get(1), "3 of 4, from unrounded counts");
        assertEquals("z", england.get("National:C/In").get(1), "0 of 0 is not applicable");
        assertEquals("0.0", england.get("National:B/Out").get(1), "a true zero percentage stays 0.0");
    }

    @Test
    void percentagesBelowHalfAPercentAreLowAndThoseOfSuppressedCellsAreSuppressed() {
        Map<String, List<String>> la = published(area(GeographicLevel.LOCAL_AUTHORITY, "E06000001", true,
                new long[][]{{1, 300}, {40, 50}, {60, 70}}));
        assertEquals("c", la.get("Local authority:A/In").get(1), "numerator suppressed");
        Map<String, List<String>> england = published(area(GeographicLevel.NATIONAL, "E92000001", true,
                new long[][]{{1, 300}, {40, 50}, {60, 70}}));
        assertEquals("k", england.get("National:A/In").get(1), "1 of 301 = 0.33%");
    }

    @Test
    void mediansAreSuppressedOverFewValuesAndNotApplicableOverNone() {
        Map<String, List<String>> la = published(area(GeographicLevel.LOCAL_AUTHORITY, "E06000001", true,
                new long[][]{{3, 20}, {10, 12}, {40, 0}}));
        assertEquals("c", la.get("Local authority:A/In").get(2));
        assertEquals("12.4", la.get("Local authority:C/In").get(2), "123.5 tenths rounds half up to 12.4");
        assertEquals("z", la.get("Local authority:C/Out").get(2));
    }

    @Test
    void aMedianDurationInSecondsIsRoundedOnceToHours() {
        TableDefinition durations = new TableDefinition("d", "test", "missing", "incident", List.of(),
                List.of(Indicator.median("median_hours", "Median duration in hours", "seconds", 3600, 1)),
                TableDefinition.Grid.COMPLETE);
        // Durations of 15 and 21 minutes: the median is 18 minutes, 0.3 hours (rounded first they would be 0.3 and
        // 0.4 hours, and their median 0.35 would be published as 0.4). 1260 s = 0.35 h exactly rounds half up.
        for (var median : Map.of(1080.0, "0.3", 1260.0, "0.4").entrySet()) {
            Cell cell = new Cell(new CellKey(2025, GeographicLevel.NATIONAL, "E92000001", List.of()), true, Map.of(),
                    Map.of("median_hours", median.getKey()), Map.of("median_hours", 100L));
            assertEquals(List.of(median.getValue()), CONTROL.publish(durations, List.of(cell)).get(cell.key()));
        }
    }

    @Test
    void everyIndicatorOfAnLaWithoutAReturnIsUnavailable() {
        Map<String, List<String>> la = published(area(GeographicLevel.LOCAL_AUTHORITY, "E06000001", false,
                new long[][]{{0, 0}, {0, 0}, {0, 0}}));
        la.values().forEach(values -> assertEquals(List.of("x", "x", "x"), values));
    }

    @Test
    void roundsHalfUpToTheBase() {
        assertEquals(10, DisclosureControl.roundHalfUp(5, 10));
        assertEquals(0, DisclosureControl.roundHalfUp(4, 10));
        assertEquals(83630, DisclosureControl.roundHalfUp(83634, 10));
    }

    @RepeatedTest(25)
    void noSmallCountSurvivesAndNoSuppressedCellIsRecoverableOnRandomLas() {
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        List<Cell> cells = new ArrayList<>();
        for (int la = 0; la < 5; la++) {
            long[][] counts = new long[3][2];
            for (long[] row : counts) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(12);
                }
            }
            cells.addAll(area(GeographicLevel.LOCAL_AUTHORITY, "E0600000" + la, true, counts));
        }
        List<String> header = List.of("time_period", "geographic_level", "new_la_code", "group", "where", "children");
        List<List<String>> rows = new ArrayList<>();
        CONTROL.publish(TABLE, cells).forEach((key, values) -> rows.add(List.of(Integer.toString(key.timePeriod()),
                key.level().label(), key.areaCode(), key.filterLevels().get(0), key.filterLevels().get(1), values.get(0))));
        assertEquals(List.of(), SuppressionAudit.smallCounts(header, rows, "children", 5), "seed " + seed);
        assertEquals(List.of(), SuppressionAudit.recoverableCells(header, rows, List.of("group", "where"), "children"),
                "seed " + seed);
    }

    @Test
    void thePolicyIsReadFromConfiguration() {
        DisclosurePolicy policy = DisclosurePolicy.defaults();
        assertEquals(new DisclosurePolicy(1, 5, 10, 1, new BigDecimal("0.5")), policy);
    }

    @Test
    void countsOfHomesPlacesAndCouncilsArePublishedExactlyAtEveryLevel() {
        TableDefinition homes = new TableDefinition("h", "test", "ofsted_register", "urn",
                List.of(new Filter("sector", "Sector", "", List.of("A", "B"))),
                List.of(Indicator.publicCountOf("homes", "Homes", null, null),
                        Indicator.publicSum("places", "Places", null, "places")),
                TableDefinition.Grid.COMPLETE);
        List<Cell> cells = new ArrayList<>();
        for (GeographicLevel level : List.of(GeographicLevel.NATIONAL, GeographicLevel.LOCAL_AUTHORITY)) {
            for (String sector : List.of("Total", "A", "B")) {
                long homesCount = sector.equals("Total") ? 13 : sector.equals("A") ? 3 : 10;
                cells.add(new Cell(new CellKey(2025, level, "X", List.of(sector)), true,
                        Map.of("homes", homesCount, "places", homesCount * 4), Map.of(), Map.of()));
            }
        }
        Map<String, List<String>> published = new HashMap<>();
        CONTROL.publish(homes, cells).forEach((key, values) ->
                published.put(key.level().label() + ":" + key.filterLevels().get(0), values));
        assertEquals(List.of("3", "12"), published.get("Local authority:A"), "not suppressed");
        assertEquals(List.of("13", "52"), published.get("National:Total"), "not rounded");
    }
}
