package uk.gov.childrenshomes.generator;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At scale 0.1 the returns hold a tenth of England's volumes in the proportions domain.md gives, and what
 * generation.json says was written is what the files hold.
 */
class VolumesTest {

    private static final double SCALE = 0.1;

    private final GeneratedInbox inbox = GeneratedInbox.of(2025, SCALE, 11, 0);
    private final Counts totals = inbox.result.totals();

    private static void assertBetween(double low, double high, double actual, String what) {
        assertTrue(actual >= low && actual <= high, what + " = " + actual + ", expected " + low + " to " + high);
    }

    private double share(String part, String whole) {
        return (double) totals.get(part) / totals.get(whole);
    }

    @Test
    void childrenLookedAfterAreATenthOfEnglands() {
        assertBetween(10_500, 11_500, totals.get("children_looked_after_in_year"), "children looked after in the year");
        assertBetween(7_600, 9_000, totals.get("looked_after_31_march"), "looked after at 31 March (83,630 in 2024)");
        assertBetween(1.3, 2.0, share("episodes", "children_looked_after_in_year"), "episodes per child");
    }

    @Test
    void placementsAreWhereAndHowFarTheyAreNationally() {
        assertBetween(0.36, 0.44, share("placed_outside_boundary", "looked_after_31_march"), "outside the boundary (~40%)");
        assertBetween(0.70, 0.81, share("within_20_miles", "looked_after_31_march"), "within 20 miles (76%)");
        assertBetween(0.02, 0.08, share("distance_not_known", "looked_after_31_march"), "distance not known (5%)");
        assertBetween(0.38, 0.56, share("in_childrens_homes_out_of_area_31_march", "in_childrens_homes_31_march"),
                "children in homes placed out of area (46%)");
    }

    @Test
    void missingIncidentsAndReturnInterviewsAreAsReported() {
        // Wide: a few children go missing dozens of times, so the total moves with the seed more than the others.
        assertBetween(7_000, 9_800, totals.get("missing_from_care_incidents"), "missing from care (~85,000 nationally)");
        assertBetween(2.0, 3.0, share("missing_from_home_incidents", "missing_from_care_incidents"), "home to care");
        long incidents = totals.get("missing_from_care_incidents") + totals.get("missing_from_home_incidents");
        assertBetween(0.45, 0.6, (double) totals.get("rhi_offered") / incidents, "incidents offered an interview (~50%)");
        assertBetween(0.55, 0.71, share("rhi_completed_within_72_hours", "rhi_completed"), "completed within 72 hours (63%)");
    }

    @Test
    void aboutAQuarterOfLasNeverOfferInterviewsToChildrenMissingFromHome() {
        long notOffering = 0;
        for (LaReport la : inbox.result.las()) {
            boolean offersToHome = GeneratedInbox.rows(inbox.onlyFile(la, "missing")).stream()
                    .anyMatch(row -> row[3].equals("HOME") && row[10].equals("Y"));
            boolean policy = la.returnInterviews().offersToHomeChildren();
            assertTrue(offersToHome == policy || policy && la.counts().get("missing_from_home_incidents") < 20,
                    la.authority().code() + " offers to children missing from home: " + offersToHome);
            notOffering += policy ? 0 : 1;
        }
        assertBetween(0.15, 0.35, (double) notOffering / inbox.result.las().size(), "LAs not offering to home (~1 in 4)");
        assertTrue(readManifest().contains("\"offers_return_interviews_to_children_missing_from_home\": false"));
    }

    @Test
    void theRegisterHasATenthOfEnglandsHomes() {
        Map<String, Long> national = inbox.result.national();
        assertBetween(250, 330, national.get("childrens_homes_31_march"), "homes (2,880 in 2023)");
        assertBetween(950, 1_250, national.get("childrens_homes_places_31_march"), "places (10,818 in 2023)");
    }

    @Test
    void lasAreSizedByRealVariation() {
        long kent = inbox.la("E10000016").counts().get("children_looked_after_in_year");
        long hartlepool = inbox.la("E06000001").counts().get("children_looked_after_in_year");
        long cityOfLondon = inbox.la("E09000001").counts().get("children_looked_after_in_year");
        assertTrue(kent > 4 * hartlepool && hartlepool > 10 * cityOfLondon,
                "Kent " + kent + ", Hartlepool " + hartlepool + ", City of London " + cityOfLondon);
    }

    @Test
    void scaleMultipliesVolumes() {
        Counts half = GeneratedInbox.of(2025, SCALE / 2, 11, 0).result.totals();
        assertBetween(0.45, 0.55, (double) half.get("children_looked_after_in_year") / totals.get("children_looked_after_in_year"),
                "children at half the scale");
        assertBetween(0.4, 0.6, (double) half.get("missing_from_care_incidents") / totals.get("missing_from_care_incidents"),
                "missing from care at half the scale");
    }

    @Test
    void theManifestCountsAreWhatTheFilesHold() {
        for (LaReport la : inbox.result.las()) {
            for (Map.Entry<String, Long> file : la.fileRows().entrySet()) {
                Path path = inbox.laFile(la, file.getKey());
                if (!file.getKey().endsWith(".xml")) {
                    assertEquals(file.getValue(), GeneratedInbox.rows(path).size(), path.toString());
                }
            }
            List<String[]> missing = GeneratedInbox.rows(inbox.onlyFile(la, "missing"));
            long care = missing.stream().filter(row -> row[3].equals("CARE")).count();
            assertEquals(la.counts().get("missing_from_care_incidents"), care, la.authority().code());
            assertEquals(la.counts().get("missing_from_home_incidents"), missing.size() - care, la.authority().code());
            assertEquals(la.counts().get("oversight_placements"),
                    GeneratedInbox.rows(inbox.onlyFile(la, "oversight")).size(), la.authority().code());
        }
        String manifest = readManifest();
        for (LaReport la : inbox.result.las()) {
            assertTrue(manifest.contains("\"la_code\": \"" + la.authority().code() + "\""), la.authority().code());
        }
        assertTrue(manifest.contains("\"scale\": 0.1,"), "the parameters are recorded");
    }

    private String readManifest() {
        try {
            return Files.readString(inbox.root.resolve("generation.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
