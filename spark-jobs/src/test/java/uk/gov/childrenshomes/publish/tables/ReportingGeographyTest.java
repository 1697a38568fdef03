package uk.gov.childrenshomes.publish.tables;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportingGeographyTest {

    private static LocalAuthority la(String code) {
        return new LocalAuthority(code, null, code, "R1", "Region one");
    }

    private static ReportingGeography.AcceptedReturn accepted(String la, int year) {
        return new ReportingGeography.AcceptedReturn(la, "ssda903", year);
    }

    // 2023: RECODED -> NEW (whole), SPLIT -> NORTH + WEST; 2025 LAs: NEW, NORTH, WEST, STEADY.
    private static final Map<String, List<String>> SUCCESSORS = Map.of(
            "RECODED", List.of("MIDDLE"), "MIDDLE", List.of("NEW"), "SPLIT", List.of("NORTH", "WEST"));

    private static ReportingGeography geography(List<ReportingGeography.AcceptedReturn> accepted) {
        return ReportingGeography.build(2025, Map.of(
                2023, List.of(la("RECODED"), la("SPLIT"), la("STEADY")),
                2025, List.of(la("WEST"), la("NEW"), la("NORTH"), la("STEADY"))), SUCCESSORS, accepted);
    }

    @Test
    void followsSuccessionsTransitivelyAndLeavesSplitLasUnmapped() {
        Map<String, String> mapped = new java.util.HashMap<>();
        geography(List.of()).mappings().stream().filter(m -> m.year() == 2023)
                .forEach(m -> mapped.put(m.sourceLaCode(), m.reportingLaCode()));
        assertEquals("NEW", mapped.get("RECODED"));
        assertEquals("STEADY", mapped.get("STEADY"));
        assertNull(mapped.get("SPLIT"));
    }

    @Test
    void anLaRowIsAvailableOnlyWhenEverySourceSentAReturnAndPassedWhole() {
        ReportingGeography geography = geography(List.of(accepted("RECODED", 2023), accepted("SPLIT", 2023),
                accepted("NORTH", 2025)));
        assertTrue(geography.available("ssda903", 2023, "NEW"));
        assertFalse(geography.available("ssda903", 2023, "NORTH"), "split predecessor");
        assertFalse(geography.available("ssda903", 2023, "STEADY"), "no return in 2023");
        assertTrue(geography.available("ssda903", 2025, "NORTH"));
        assertFalse(geography.available("missing", 2025, "NORTH"), "availability is per return");
    }

    @Test
    void listsTheReportingYearLasByCodeAndTheYearsAscending() {
        ReportingGeography geography = geography(List.of());
        assertEquals(List.of("NEW", "NORTH", "STEADY", "WEST"),
                geography.localAuthorities().stream().map(LocalAuthority::code).toList());
        assertEquals(List.of(2023, 2025), geography.years());
    }

    @Test
    void aNationalReturnMakesEveryLaMappedWholeAvailableInTheYearsItWasAccepted() {
        ReportingGeography geography = geography(List.of(
                new ReportingGeography.AcceptedReturn("E92000001", "ofsted_register", 2025)));
        assertTrue(geography.availableNationally("ofsted_register", 2025));
        assertTrue(geography.available("ofsted_register", 2025, "STEADY"));
        assertFalse(geography.availableNationally("ofsted_register", 2023));
        assertFalse(geography.available("ofsted_register", 2023, "NEW"));
        assertTrue(geography.availableNationally("ssda903", 2023), "LA returns: national rows always published");
    }
}
