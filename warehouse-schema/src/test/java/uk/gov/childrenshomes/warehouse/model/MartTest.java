package uk.gov.childrenshomes.warehouse.model;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.childrenshomes.warehouse.ExampleQueries;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.childrenshomes.warehouse.model.Returns.HARTLEPOOL;
import static uk.gov.childrenshomes.warehouse.model.Returns.MIDDLESBROUGH;
import static uk.gov.childrenshomes.warehouse.model.Returns.REDCAR;

/** Each data pack question answered by one simple query on a mart, over a small hand-computed year. */
@ExtendWith(WarehouseExtension.class)
class MartTest {

    private Returns returns;

    @BeforeEach
    void year2025(WarehouseConnection warehouse) throws SQLException {
        returns = new Returns(warehouse);
        returns.postcode("TS24 7AA", HARTLEPOOL, 450000, 530000);
        returns.postcode("TS1 1AA", MIDDLESBROUGH, 450000, 520000);       // 6.2 miles from TS24 7AA
        returns.postcode("TS10 1AA", REDCAR, 490000, 530000);             // 24.9 miles from TS24 7AA
        returns.adjacency(HARTLEPOOL, MIDDLESBROUGH);

        long register = returns.submission("national", "ofsted_register", 2025);
        returns.registeredHome(register, 1, "SC000001");                                          // Middlesbrough, Good
        returns.registeredHome(register, 2, "SC000002", "postcode", "TS10 1AA", "local_authority_name", "Redcar and Cleveland",
                "overall_effectiveness", "Outstanding", "places", 2, "registration_date", LocalDate.of(2024, 7, 1));
        returns.call("core.refresh_ofsted_register", register);

        long hartlepool = returns.submission(HARTLEPOOL, "ssda903", 2025);
        returns.episode(hartlepool, 1, "h1", "placement_type", "K2", "urn", "SC000001", "home_postcode", "TS24 7AA", "placement_postcode", "TS1 1AA");
        returns.episode(hartlepool, 2, "h2", "placement_type", "K2", "urn", "SC000002", "home_postcode", "TS24 7AA", "placement_postcode", "TS10 1AA");
        returns.episode(hartlepool, 3, "h3", "home_postcode", "TS24 7AA", "placement_postcode", "TS24 7AA");
        returns.episode(hartlepool, 4, "h4", "home_postcode", "TS24 7AA", "placement_postcode", "TS24 7AA");
        returns.call("core.refresh_ssda903", hartlepool);
        long middlesbrough = returns.submission(MIDDLESBROUGH, "ssda903", 2025);
        returns.episode(middlesbrough, 1, "m1", "placement_type", "K2", "urn", "SC000001", "home_postcode", "TS1 1AA", "placement_postcode", "TS1 1AA");
        returns.call("core.refresh_ssda903", middlesbrough);

        long missing = returns.submission(HARTLEPOOL, "missing", 2025);
        LocalDateTime returned = LocalDateTime.of(2024, 5, 4, 9, 15);
        returns.missingIncident(missing, 1, "h1", "placed_out_of_area", "Y", "host_la", MIDDLESBROUGH, "rhi_offered", "Y",
                "rhi_offered_date", LocalDate.of(2024, 5, 4), "rhi_accepted", "Y", "rhi_completed_datetime", returned.plusHours(30),
                "rhi_conducted_by", "IND");
        returns.missingIncident(missing, 2, "h1", "mis_start", LocalDateTime.of(2024, 6, 1, 20, 0), "mis_end", LocalDateTime.of(2024, 6, 2, 2, 0),
                "placed_out_of_area", "Y", "host_la", MIDDLESBROUGH, "rhi_offered", "Y", "rhi_offered_date", LocalDate.of(2024, 6, 2),
                "rhi_accepted", "Y", "rhi_completed_datetime", LocalDateTime.of(2024, 6, 9, 10, 0), "rhi_conducted_by", "SWK");
        returns.missingIncident(missing, 3, "x9", "missing_from", "HOME", "placed_out_of_area", null, "placing_la", null, "host_la", null);
        returns.call("core.refresh_missing", missing);

        long oversight = returns.submission(HARTLEPOOL, "oversight", 2025);
        returns.oversightPlacement(oversight, 1, "h1", "decom", LocalDate.of(2024, 1, 10), "place", "K2", "urn", "SC000001",
                "admission_notice_date", LocalDate.of(2024, 1, 10), "host_notified_date", LocalDate.of(2024, 1, 9));
        returns.oversightPlacement(oversight, 2, "h2", "decom", LocalDate.of(2024, 1, 10), "place", "K2", "urn", "SC000002",
                "host_la", REDCAR, "approved_by", "NOM");
        returns.call("core.refresh_oversight", oversight);
    }

    @AfterEach
    void rollBack() throws SQLException {
        returns.close();
    }

    @Test
    void placementLocationCountsChildrenByLocalityAndDistance() throws SQLException {
        assertEquals(List.of(
                Map.of("placement_group", "Children's homes (K1, K2)", "locality", "Outside boundary", "distance_band", "20 miles or less",
                        "children", 1L, "children_at_a_distance", 0L, "median_distance_miles", new BigDecimal("6.2")),
                Map.of("placement_group", "Children's homes (K1, K2)", "locality", "Outside boundary", "distance_band", "Over 20 miles",
                        "children", 1L, "children_at_a_distance", 1L, "median_distance_miles", new BigDecimal("24.9")),
                Map.of("placement_group", "Foster care", "locality", "Inside boundary", "distance_band", "20 miles or less",
                        "children", 2L, "children_at_a_distance", 0L, "median_distance_miles", new BigDecimal("0.0"))),
                returns.rows("""
                        SELECT placement_group, locality, distance_band, children, children_at_a_distance, median_distance_miles
                          FROM mart.placement_location WHERE reporting_year = 2025 AND la_name = 'Hartlepool' ORDER BY 1, 2, 3"""));
    }

    @Test
    void childrenInHomesAreSeenFromTheHostAndThePlacingLa() throws SQLException {
        assertEquals(List.of(
                Map.of("la_name", "Hartlepool", "children_in_homes_in_area", 0L, "children_placed_in_homes", 2L,
                        "placed_in_another_area", 2L, "percent_placed_in_another_area", new BigDecimal("100.0")),
                Map.of("la_name", "Middlesbrough", "children_in_homes_in_area", 2L, "children_placed_in_homes", 1L,
                        "placed_in_another_area", 0L, "percent_placed_in_another_area", new BigDecimal("0.0")),
                Map.of("la_name", "Redcar and Cleveland", "children_in_homes_in_area", 1L, "children_placed_in_homes", 0L,
                        "placed_in_another_area", 0L)),
                returns.rows("""
                        SELECT la_name, children_in_homes_in_area, children_placed_in_homes, placed_in_another_area,
                               percent_placed_in_another_area
                          FROM mart.children_in_homes_by_area WHERE reporting_year = 2025 ORDER BY la_name""")
                        .stream().map(MartTest::withoutNulls).toList());
        assertEquals(new BigDecimal("50.0"), returns.value(
                "SELECT percent_placed_by_another_la FROM mart.children_in_homes_by_area WHERE la_name = 'Middlesbrough'"));
        assertEquals(List.of(Map.of("host_la_name", "Middlesbrough", "children", 1L), Map.of("host_la_name", "Redcar and Cleveland", "children", 1L)),
                returns.rows("SELECT host_la_name, children FROM mart.home_placements_flow WHERE placing_la_name = 'Hartlepool' ORDER BY 1"));
    }

    @Test
    void placementFlowShowsWhereEachLasChildrenArePlacedInEveryGroup() throws SQLException {
        assertEquals(List.of(
                Map.of("host_la_name", "Hartlepool", "placement_group", "Foster care", "children", 2L),
                Map.of("host_la_name", "Middlesbrough", "placement_group", "Children's homes (K1, K2)", "children", 1L),
                Map.of("host_la_name", "Redcar and Cleveland", "placement_group", "Children's homes (K1, K2)", "children", 1L)),
                returns.rows("""
                        SELECT host_la_name, placement_group, children FROM mart.placement_flow
                         WHERE reporting_year = 2025 AND placing_la_code = ? ORDER BY 1, 2""", HARTLEPOOL));
    }

    @Test
    void homesByAreaCountsHomesAndPlacesWithoutNamingAHome() throws SQLException {
        assertEquals(List.of(
                Map.of("la_name", "Middlesbrough", "overall_effectiveness", "Good", "homes_at_31_march", 1L, "places_at_31_march", 4L,
                        "homes_opened_in_year", 0L),
                Map.of("la_name", "Redcar and Cleveland", "overall_effectiveness", "Outstanding", "homes_at_31_march", 1L,
                        "places_at_31_march", 2L, "homes_opened_in_year", 1L)),
                returns.rows("""
                        SELECT la_name, overall_effectiveness, homes_at_31_march, places_at_31_march, homes_opened_in_year
                          FROM mart.homes_by_area WHERE reporting_year = 2025 ORDER BY la_name"""));
    }

    @Test
    void theMedianDurationIsTheExactMedianRoundedOnce() throws SQLException {
        long missing = returns.submission(REDCAR, "missing", 2025);
        LocalDateTime start = LocalDateTime.of(2024, 7, 1, 22, 0);
        returns.missingIncident(missing, 1, "r1", "mis_start", start, "mis_end", start.plusMinutes(61));
        returns.missingIncident(missing, 2, "r2", "mis_start", start, "mis_end", start.plusMinutes(64));
        returns.call("core.refresh_missing", missing);

        // 62.5 minutes is 1.04 hours: 1.0, where the median of 1.0 and 1.1 (each rounded first) would give 1.1
        assertEquals(new BigDecimal("1.0"), returns.value(
                "SELECT median_duration_hours FROM mart.missing_incidents WHERE reporting_year = 2025 AND la_code = ?", REDCAR));
    }

    @Test
    void missingIncidentsAndReturnInterviewsGiveReadyMeasures() throws SQLException {
        assertEquals(List.of(
                Map.of("missing_from", "Care", "care_location", "Out of area", "incidents", 2L, "children", 1L,
                        "median_duration_hours", new BigDecimal("8.8")),
                Map.of("missing_from", "Home", "care_location", "Not applicable", "incidents", 1L, "children", 1L,
                        "median_duration_hours", new BigDecimal("11.6"))),
                returns.rows("""
                        SELECT missing_from, care_location, incidents, children, median_duration_hours
                          FROM mart.missing_incidents WHERE reporting_year = 2025 AND la_code = ? ORDER BY 1""", HARTLEPOOL));
        assertEquals(Map.of("offered", 2L, "completed", 2L, "completed_within_72_hours", 1L, "percent_within_72_hours", new BigDecimal("50.0")),
                returns.rows("""
                        SELECT offered, completed, completed_within_72_hours, percent_within_72_hours
                          FROM mart.return_interviews WHERE la_code = ? AND missing_from = 'Care'""", HARTLEPOOL).get(0));
        assertEquals(List.of(Map.of("missing_from", "Care", "offers_interviews", true), Map.of("missing_from", "Home", "offers_interviews", false)),
                returns.rows("SELECT missing_from, offers_interviews FROM mart.return_interview_offer_by_la WHERE la_code = ? ORDER BY 1", HARTLEPOOL));
    }

    @Test
    void outOfAreaOversightShowsApprovalsAndNotifications() throws SQLException {
        assertEquals(List.of(
                Map.of("distance_type", "Adjoining LA", "placements", 1L, "approved_as_required", 1L, "admission_notified", 1L,
                        "percent_host_notified_in_time", new BigDecimal("100.0")),
                Map.of("distance_type", "At a distance", "placements", 1L, "approved_as_required", 0L, "admission_notified", 0L,
                        "percent_host_notified_in_time", new BigDecimal("0.0"))),
                returns.rows("""
                        SELECT distance_type, placements, approved_as_required, admission_notified, percent_host_notified_in_time
                          FROM mart.out_of_area_oversight WHERE la_code = ? ORDER BY 1""", HARTLEPOOL));
    }

    @Test
    void acceptedReturnListsTheSubmissionBehindEachLasFigures() throws SQLException {
        assertEquals(List.of(Map.of("la_code", HARTLEPOOL, "return_code", "missing"), Map.of("la_code", HARTLEPOOL, "return_code", "oversight"),
                        Map.of("la_code", HARTLEPOOL, "return_code", "ssda903"), Map.of("la_code", MIDDLESBROUGH, "return_code", "ssda903")),
                returns.rows("SELECT la_code, return_code FROM mart.accepted_return WHERE collection_year = 2025 ORDER BY 1, 2"));
    }

    @Test
    void lateAdjacencyIsAppliedToTheYearByRefreshAll() throws SQLException {
        returns.adjacency(HARTLEPOOL, MIDDLESBROUGH, HARTLEPOOL, REDCAR);
        returns.update("CALL core.refresh_all(2025)");
        assertEquals(0L, returns.value("SELECT sum(children_at_a_distance)::bigint FROM mart.placement_location WHERE la_code = ?", HARTLEPOOL));
        assertEquals(List.of("Adjoining LA"), returns.rows("SELECT DISTINCT distance_type FROM mart.out_of_area_oversight WHERE la_code = ?",
                HARTLEPOOL).stream().map(r -> r.get("distance_type")).toList());
    }

    @Test
    void readmeTimeSeriesMapsDorsetsPre2019CodesOntoTodaysLas() throws SQLException {
        String dorsetSeries = ExampleQueries.read(Path.of("README.md")).stream()
                .filter(query -> query.question().contains("2019 Dorset reorganisation")).findFirst().orElseThrow().sql();
        returns.postcode("DT1 1AA", "E06000059", 369000, 90000);
        returns.postcode("BH15 1AA", "E06000058", 401000, 90000);
        long dorsetCounty = returns.submission("E10000009", "ssda903", 2019);    // abolished 31 March 2019
        LocalDate before2019 = LocalDate.of(2018, 6, 1);
        LocalDate before2020 = LocalDate.of(2019, 6, 1);
        returns.episode(dorsetCounty, 1, "dc1", "episode_start", before2019, "home_postcode", "DT1 1AA", "placement_postcode", "DT1 1AA");
        returns.episode(dorsetCounty, 2, "dc2", "episode_start", before2019, "home_postcode", "DT1 1AA", "placement_postcode", "DT1 1AA");
        returns.call("core.refresh_ssda903", dorsetCounty);
        long poole = returns.submission("E06000029", "ssda903", 2019);
        returns.episode(poole, 1, "p1", "episode_start", before2019, "home_postcode", "BH15 1AA", "placement_postcode", "BH15 1AA");
        returns.call("core.refresh_ssda903", poole);
        long dorset = returns.submission("E06000059", "ssda903", 2020);          // its successors from 1 April 2019
        returns.episode(dorset, 1, "d1", "episode_start", before2020, "home_postcode", "DT1 1AA", "placement_postcode", "DT1 1AA");
        returns.call("core.refresh_ssda903", dorset);
        long bcp = returns.submission("E06000058", "ssda903", 2020);
        returns.episode(bcp, 1, "b1", "episode_start", before2020, "home_postcode", "BH15 1AA", "placement_postcode", "BH15 1AA");
        returns.episode(bcp, 2, "b2", "episode_start", before2020, "home_postcode", "BH15 1AA", "placement_postcode", "BH15 1AA");
        returns.call("core.refresh_ssda903", bcp);

        // Dorset county went to both successors (Christchurch to BCP), so it is listed under each; Poole under BCP
        assertEquals(List.of(
                Map.of("reporting_year", 2019, "la_code_today", "E06000058", "children", 3L),
                Map.of("reporting_year", 2019, "la_code_today", "E06000059", "children", 2L),
                Map.of("reporting_year", 2020, "la_code_today", "E06000058", "children", 2L),
                Map.of("reporting_year", 2020, "la_code_today", "E06000059", "children", 1L)),
                returns.rows(dorsetSeries).stream().map(row -> Map.of("reporting_year", ((Number) row.get("reporting_year")).intValue(),
                        "la_code_today", row.get("la_code_today"), "children", ((Number) row.get("children")).longValue())).toList());
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> row) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(row);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }
}
