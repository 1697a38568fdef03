package uk.gov.childrenshomes.warehouse.model;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.childrenshomes.warehouse.model.Returns.HARTLEPOOL;
import static uk.gov.childrenshomes.warehouse.model.Returns.MIDDLESBROUGH;
import static uk.gov.childrenshomes.warehouse.model.Returns.REDCAR;

/**
 * The summaries the marts read (core.agg_looked_after_31_march, core.agg_missing_incident) hold exactly what their
 * facts aggregate to, after every way the facts change: first loads over two years, a resubmission that replaces an
 * LA's rows, and core.refresh_all after late reference data.
 */
@ExtendWith(WarehouseExtension.class)
class SummaryTest {

    /** Rows of the looked-after summary that the fact does not give, and rows the fact gives that it lacks. */
    private static final String LOOKED_AFTER_DIFFERENCES = """
            WITH summary AS (
                SELECT snapshot_year, responsible_la_key, placement_group, locality, distance_band, children,
                       children_at_a_distance, median_distance_miles
                  FROM core.agg_looked_after_31_march),
            facts AS (
                SELECT snapshot_year, responsible_la_key, placement_group, locality, distance_band, count(*),
                       count(*) FILTER (WHERE at_a_distance),
                       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY distance_miles)::numeric, 1)
                  FROM core.fact_looked_after_31_march
                 GROUP BY snapshot_year, responsible_la_key, placement_group, locality, distance_band)
            SELECT count(*) FROM ((SELECT * FROM summary EXCEPT SELECT * FROM facts)
                                  UNION ALL (SELECT * FROM facts EXCEPT SELECT * FROM summary)) d""";

    private static final String MISSING_DIFFERENCES = """
            WITH summary AS (
                SELECT collection_year, responsible_la_key, missing_from, care_location, missing_type, incidents,
                       still_missing, offered, accepted, declined, completed, completed_within_72_hours
                  FROM core.agg_missing_incident),
            facts AS (
                SELECT collection_year, responsible_la_key, missing_from, care_location, missing_type, count(*),
                       count(*) FILTER (WHERE is_still_missing), count(*) FILTER (WHERE rhi_offered),
                       count(*) FILTER (WHERE rhi_accepted), count(*) FILTER (WHERE rhi_declined),
                       count(*) FILTER (WHERE rhi_completed), count(*) FILTER (WHERE rhi_within_72_hours)
                  FROM core.fact_missing_incident
                 GROUP BY collection_year, responsible_la_key, missing_from, care_location, missing_type)
            SELECT count(*) FROM ((SELECT * FROM summary EXCEPT SELECT * FROM facts)
                                  UNION ALL (SELECT * FROM facts EXCEPT SELECT * FROM summary)) d""";

    private Returns returns;

    @BeforeEach
    void twoYearsOfTwoLas(WarehouseConnection warehouse) throws SQLException {
        returns = new Returns(warehouse);
        returns.postcode("TS24 7AA", HARTLEPOOL, 450000, 530000);
        returns.postcode("TS1 1AA", MIDDLESBROUGH, 450000, 520000);       // 6.2 miles from TS24 7AA
        returns.postcode("TS10 1AA", REDCAR, 490000, 530000);             // 24.9 miles from TS24 7AA
        returns.adjacency(HARTLEPOOL, MIDDLESBROUGH);
        for (int year : List.of(2024, 2025)) {
            LocalDate start = LocalDate.of(year - 1, 1, 10);
            long hartlepool = returns.submission(HARTLEPOOL, "ssda903", year);
            returns.episode(hartlepool, 1, "h1", "episode_start", start, "home_postcode", "TS24 7AA", "placement_postcode", "TS1 1AA");
            returns.episode(hartlepool, 2, "h2", "episode_start", start, "home_postcode", "TS24 7AA", "placement_postcode", "TS10 1AA");
            returns.episode(hartlepool, 3, "h3", "episode_start", start, "home_postcode", "TS24 7AA", "placement_postcode", "TS10 1AA");
            returns.episode(hartlepool, 4, "h4", "episode_start", start, "home_postcode", "TS24 7AA", "placement_postcode", "TS24 7AA");
            returns.call("core.refresh_ssda903", hartlepool);
            long middlesbrough = returns.submission(MIDDLESBROUGH, "ssda903", year);
            returns.episode(middlesbrough, 1, "m1", "episode_start", start, "placement_type", "K2", "home_postcode", "TS1 1AA",
                    "placement_postcode", "TS24 7AA");
            returns.call("core.refresh_ssda903", middlesbrough);

            long missing = returns.submission(HARTLEPOOL, "missing", year);
            LocalDateTime returned = LocalDateTime.of(year - 1, 5, 4, 9, 15);
            returns.missingIncident(missing, 1, "h1", "mis_start", returned.minusHours(12), "mis_end", returned,
                    "rhi_offered", "Y", "rhi_offered_date", returned.toLocalDate(), "rhi_accepted", "Y",
                    "rhi_completed_datetime", returned.plusHours(72), "rhi_conducted_by", "IND");
            returns.missingIncident(missing, 2, "h2", "mis_start", returned.plusDays(30), "mis_end", null);
            returns.call("core.refresh_missing", missing);
        }
    }

    @AfterEach
    void rollBack() throws SQLException {
        returns.close();
    }

    @Test
    void summariesEqualTheirFactsAfterFirstLoads() throws SQLException {
        assertEquals(2L, returns.value("SELECT count(DISTINCT snapshot_year) FROM core.agg_looked_after_31_march"));
        assertEquals(0L, returns.value(LOOKED_AFTER_DIFFERENCES));
        assertEquals(0L, returns.value(MISSING_DIFFERENCES));
        // Hartlepool 2025 by hand: h4 inside; h1 outside, adjoining, 6.2 miles; h2 and h3 outside at a distance, 24.9
        assertEquals(List.of(
                Map.of("locality", "Inside boundary", "distance_band", "20 miles or less", "children", 1L, "children_at_a_distance", 0L),
                Map.of("locality", "Outside boundary", "distance_band", "20 miles or less", "children", 1L, "children_at_a_distance", 0L),
                Map.of("locality", "Outside boundary", "distance_band", "Over 20 miles", "children", 2L, "children_at_a_distance", 2L)),
                returns.rows("""
                        SELECT locality, distance_band, children, children_at_a_distance FROM core.agg_looked_after_31_march
                         WHERE snapshot_year = 2025 AND responsible_la_key = core.la_key_on(?, DATE '2025-03-31')
                         ORDER BY 1, 2""", HARTLEPOOL));
    }

    @Test
    void aResubmissionReplacesTheLasSummaryRowsAndLeavesTheOthers() throws SQLException {
        long corrected = returns.submission(HARTLEPOOL, "ssda903", 2025);
        returns.episode(corrected, 1, "h1", "episode_start", LocalDate.of(2024, 1, 10), "home_postcode", "TS24 7AA",
                "placement_postcode", "TS24 7AA");
        returns.call("core.refresh_ssda903", corrected);
        long missing = returns.submission(HARTLEPOOL, "missing", 2025);
        returns.missingIncident(missing, 1, "h9", "missing_from", "HOME", "placed_out_of_area", null, "placing_la", null, "host_la", null);
        returns.call("core.refresh_missing", missing);

        assertEquals(0L, returns.value(LOOKED_AFTER_DIFFERENCES));
        assertEquals(0L, returns.value(MISSING_DIFFERENCES));
        assertEquals(List.of(Map.of("locality", "Inside boundary", "children", 1L)), returns.rows("""
                SELECT locality, children FROM core.agg_looked_after_31_march
                 WHERE snapshot_year = 2025 AND responsible_la_key = core.la_key_on(?, DATE '2025-03-31')""", HARTLEPOOL));
        assertEquals(5L, returns.value("SELECT sum(children)::bigint FROM core.agg_looked_after_31_march WHERE snapshot_year = 2024"));
    }

    @Test
    void refreshAllAfterLateAdjacencyKeepsTheSummaryInStep() throws SQLException {
        returns.adjacency(HARTLEPOOL, MIDDLESBROUGH, HARTLEPOOL, REDCAR);
        returns.update("CALL core.refresh_all(2025)");

        assertEquals(0L, returns.value(LOOKED_AFTER_DIFFERENCES));
        assertEquals(0L, returns.value(MISSING_DIFFERENCES));
        assertEquals(Map.of("y2024", 2L, "y2025", 0L), returns.rows("""
                SELECT sum(children_at_a_distance) FILTER (WHERE snapshot_year = 2024)::bigint AS y2024,
                       sum(children_at_a_distance) FILTER (WHERE snapshot_year = 2025)::bigint AS y2025
                  FROM core.agg_looked_after_31_march WHERE responsible_la_key = core.la_key_on(?, DATE '2025-03-31')""",
                HARTLEPOOL).get(0));
    }
}
