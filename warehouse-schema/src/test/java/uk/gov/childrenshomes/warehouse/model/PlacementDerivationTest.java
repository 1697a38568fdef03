package uk.gov.childrenshomes.warehouse.model;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.childrenshomes.warehouse.model.Returns.HARTLEPOOL;
import static uk.gov.childrenshomes.warehouse.model.Returns.MIDDLESBROUGH;
import static uk.gov.childrenshomes.warehouse.model.Returns.REDCAR;

/** core.refresh_ssda903: placement LA, locality, adjacency, distance and the 31 March snapshot, as domain.md derives them. */
@ExtendWith(WarehouseExtension.class)
class PlacementDerivationTest {

    private Returns returns;

    @BeforeEach
    void geography(WarehouseConnection warehouse) throws SQLException {
        returns = new Returns(warehouse);
        returns.postcode("TS24 7AA", HARTLEPOOL, 450000, 530000);
        returns.postcode("TS24 8AA", HARTLEPOOL, 453000, 534000);       // 5,000 m from TS24 7AA: 3.1 miles
        returns.postcode("TS1 1AA", MIDDLESBROUGH, 482266, 530000);      // 32,266 m: 20.04 miles, rounds to 20.0
        returns.postcode("TS10 1AA", REDCAR, 482270, 530000);            // 32,270 m: 20.05 miles, rounds to 20.1
        returns.postcode("DG1 1AA", "S12000006", "S92000003", 300000, 576000);
        returns.postcode("BT1 1AA", "N09000003", "N92000002", 333000, 374000);
        returns.postcode("LL11 1AA", "W06000006", "W92000004", 333000, 350000);
        returns.adjacency(HARTLEPOOL, MIDDLESBROUGH);
    }

    @AfterEach
    void rollBack() throws SQLException {
        returns.close();
    }

    private Map<String, Object> episode(long submission, int row) throws SQLException {
        return returns.rows("SELECT f.*, la.new_la_code AS placement_la_code FROM core.fact_placement_episode f "
                + "JOIN core.dim_local_authority la ON la.la_key = f.placement_la_key "
                + "WHERE f.submission_id = ? AND f.source_row_number = ?", submission, row).get(0);
    }

    private Map<String, Object> placedFrom(String placementPostcode) throws SQLException {
        long submission = returns.submission(HARTLEPOOL, "ssda903", 2025);
        returns.episode(submission, 1, "child-a", "home_postcode", "TS24 7AA", "placement_postcode", placementPostcode);
        returns.call("core.refresh_ssda903", submission);
        return episode(submission, 1);
    }

    @Test
    void placementInsideTheResponsibleLaIsInsideTheBoundaryAndNeverAtADistance() throws SQLException {
        Map<String, Object> episode = placedFrom("ts248aa");
        assertEquals(HARTLEPOOL, episode.get("placement_la_code"));
        assertEquals("Inside boundary", episode.get("locality"));
        assertEquals(false, episode.get("at_a_distance"));
        assertEquals(new BigDecimal("3.1"), episode.get("distance_miles"), "sqrt(3000^2 + 4000^2) / 1000 / 1.6093 = 3.107");
    }

    @Test
    void placementInAnAdjoiningLaIsOutsideButNotAtADistance() throws SQLException {
        Map<String, Object> episode = placedFrom("TS1 1AA");
        assertEquals(MIDDLESBROUGH, episode.get("placement_la_code"));
        assertEquals("Outside boundary", episode.get("locality"));
        assertEquals(true, episode.get("is_adjacent_la"));
        assertEquals(false, episode.get("at_a_distance"));
    }

    @Test
    void placementInANonAdjoiningLaIsAtADistance() throws SQLException {
        Map<String, Object> episode = placedFrom("TS10 1AA");
        assertEquals(REDCAR, episode.get("placement_la_code"));
        assertEquals("Outside boundary", episode.get("locality"));
        assertEquals(false, episode.get("is_adjacent_la"));
        assertEquals(true, episode.get("at_a_distance"));
    }

    @Test
    void adjacencyCountsInBothDirectionsWhicheverWayTheListGivesIt() throws SQLException {
        long middlesbrough = returns.submission(MIDDLESBROUGH, "ssda903", 2025);
        returns.episode(middlesbrough, 1, "child-m", "home_postcode", "TS1 1AA", "placement_postcode", "TS24 7AA");
        returns.call("core.refresh_ssda903", middlesbrough);
        assertEquals(true, episode(middlesbrough, 1).get("is_adjacent_la"), "the list says Hartlepool adjoins Middlesbrough");
        assertEquals(false, episode(middlesbrough, 1).get("at_a_distance"));
    }

    @Test
    void postcodesAreKeptOnlyAsSectorsWithTheLaMostOfTheSectorLiesIn() throws SQLException {
        returns.postcode("TS1 1AB", MIDDLESBROUGH, 482000, 530000);
        returns.postcode("TS1 1AD", REDCAR, 482100, 530000);
        returns.postcode("TS1 1AE", MIDDLESBROUGH, 482200, 530000);
        Map<String, Object> episode = placedFrom("TS1 1AD");
        assertEquals(REDCAR, episode.get("placement_la_code"), "the postcode's own LA decides the placement");
        assertEquals(Map.of("postcode_sector", "TS1 1", "postcode_area", "TS", "postcode_district", "TS1", "la_code", MIDDLESBROUGH),
                returns.rows("""
                        SELECT s.postcode_sector, s.postcode_area, s.postcode_district, la.new_la_code AS la_code
                          FROM core.dim_postcode_sector s JOIN core.dim_local_authority la USING (la_key)
                         WHERE s.postcode_sector_key = ?""", episode.get("placement_postcode_sector_key")).get(0));
        assertEquals(-1, placedFrom("not a postcode").get("placement_postcode_sector_key"));
    }

    @Test
    void placementInATwoTierAreaBelongsToTheCountyNotTheDistrict() throws SQLException {
        returns.countyPostcode("SO23 8AA", "E07000094", "E10000014", "E92000001", 448000, 129000); // Winchester, Hampshire
        Map<String, Object> episode = placedFrom("SO23 8AA");
        assertEquals("E10000014", episode.get("placement_la_code"));
        assertEquals("Outside boundary", episode.get("locality"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "DG1 1AA (Dumfries), 97.5",   // sqrt(150000^2 + 46000^2) m = 97.49 miles
            "LL11 1AA (Wrexham), 133.4"   // sqrt(117000^2 + 180000^2) m = 133.40 miles
    })
    void scottishAndWelshPostcodesAreOutsideEnglandAndAtADistance(String placement, String miles) throws SQLException {
        Map<String, Object> episode = placedFrom(placement.substring(0, placement.indexOf(" (")));
        assertEquals(-2, episode.get("placement_la_key"));
        assertEquals("Outside boundary", episode.get("locality"));
        assertEquals(false, episode.get("is_adjacent_la"));
        assertEquals(true, episode.get("at_a_distance"));
        assertEquals(new BigDecimal(miles), episode.get("distance_miles"));
    }

    @Test
    void northernIrishPostcodeHasNoDistanceBecauseOnspdGivesIrishGrid() throws SQLException {
        Map<String, Object> episode = placedFrom("BT1 1AA");
        assertEquals("Outside boundary", episode.get("locality"));
        assertNull(episode.get("distance_miles"));
    }

    @Test
    void unknownOrMissingPostcodeIsNotKnownWithNoDistanceOrAdjacency() throws SQLException {
        for (String postcode : new String[] {"EG19 7TT", null}) {
            Map<String, Object> episode = placedFrom(postcode);
            assertEquals(-1, episode.get("placement_la_key"));
            assertEquals("Not known", episode.get("locality"));
            assertNull(episode.get("at_a_distance"));
            assertNull(episode.get("distance_miles"));
            returns.update("DELETE FROM core.fact_looked_after_31_march");
            returns.update("DELETE FROM core.fact_placement_episode");
        }
    }

    @Test
    void distanceBandsPutExactly20MilesInTheLowerBand() throws SQLException {
        long submission = returns.submission(HARTLEPOOL, "ssda903", 2025);
        returns.episode(submission, 1, "at-20.0", "home_postcode", "TS24 7AA", "placement_postcode", "TS1 1AA");
        returns.episode(submission, 2, "at-20.1", "home_postcode", "TS24 7AA", "placement_postcode", "TS10 1AA");
        returns.episode(submission, 3, "unknown", "home_postcode", "TS24 7AA", "placement_postcode", "EG19 7TT");
        returns.call("core.refresh_ssda903", submission);
        List<Map<String, Object>> bands = returns.rows("""
                SELECT distance_miles, distance_band FROM core.fact_looked_after_31_march WHERE submission_id = ?
                ORDER BY source_row_number""", submission);
        assertEquals(new BigDecimal("20.0"), bands.get(0).get("distance_miles"));
        assertEquals("20 miles or less", bands.get(0).get("distance_band"));
        assertEquals(new BigDecimal("20.1"), bands.get(1).get("distance_miles"));
        assertEquals("Over 20 miles", bands.get(1).get("distance_band"));
        assertEquals("Not known", bands.get(2).get("distance_band"));
    }

    @Test
    void snapshotHoldsChildrenLookedAfterAt31MarchExceptShortBreaks() throws SQLException {
        long submission = returns.submission(HARTLEPOOL, "ssda903", 2025);
        returns.episode(submission, 1, "open", "placement_type", "K2", "urn", "SC000001");
        returns.episode(submission, 2, "ceased-on-31-march", "episode_end", LocalDate.of(2025, 3, 31), "reason_ceased", "E11");
        returns.episode(submission, 3, "ceased-on-1-april", "episode_end", LocalDate.of(2025, 4, 1), "reason_ceased", "E11");
        returns.episode(submission, 4, "started-1-april", "episode_start", LocalDate.of(2025, 4, 1));
        returns.episode(submission, 5, "short-break-v3", "legal_status", "V3");
        returns.episode(submission, 6, "short-break-v4", "legal_status", "V4");
        returns.episode(submission, 7, "moved", "episode_start", LocalDate.of(2024, 6, 1), "episode_end", LocalDate.of(2024, 9, 1),
                "reason_ceased", "X1");
        returns.episode(submission, 8, "moved", "episode_start", LocalDate.of(2024, 9, 1), "placement_type", "K2");
        returns.call("core.refresh_ssda903", submission);

        List<Map<String, Object>> snapshot = returns.rows("""
                SELECT c.child_pseudonym, f.placement_type, f.placement_group, f.childrens_home_key
                  FROM core.fact_looked_after_31_march f JOIN core.dim_child c USING (child_key)
                 WHERE f.snapshot_year = 2025 ORDER BY 1""");
        assertEquals(List.of("ceased-on-1-april", "moved", "open"), snapshot.stream().map(r -> r.get("child_pseudonym")).toList());
        assertEquals("Children's homes (K1, K2)", snapshot.get(1).get("placement_group"), "the episode open at 31 March counts");
        assertEquals(-3L, snapshot.get(2).get("childrens_home_key"), "URN given but not on the register");
        assertEquals(8L, returns.value("SELECT count(*) FROM core.fact_placement_episode WHERE submission_id = ?", submission));
        assertEquals(2L, returns.value("SELECT count(*) FROM core.fact_placement_episode WHERE submission_id = ? AND is_short_break", submission));
    }

    @Test
    void resubmissionReplacesTheEarlierRowsAndAnOlderOneNeverWins() throws SQLException {
        long first = returns.submission(HARTLEPOOL, "ssda903", 2025);
        returns.episode(first, 1, "child-a", "placement_type", "U4");
        returns.episode(first, 2, "child-b");
        returns.call("core.refresh_ssda903", first);
        long second = returns.submission(HARTLEPOOL, "ssda903", 2025);
        returns.episode(second, 1, "child-a", "placement_type", "K2");
        returns.episode(second, 2, "child-a", "placement_type", "K1");  // sent twice: the later row wins
        returns.call("core.refresh_ssda903", second);
        returns.call("core.refresh_ssda903", first);                     // a re-run of the older one changes nothing

        List<Map<String, Object>> rows = returns.rows("""
                SELECT f.submission_id, f.source_row_number, f.placement_type FROM core.fact_placement_episode f
                 WHERE f.collection_year = 2025""");
        assertEquals(List.of(Map.of("submission_id", second, "source_row_number", 2, "placement_type", "K1")), rows);
        assertEquals(1L, returns.value("SELECT count(*) FROM core.fact_looked_after_31_march WHERE snapshot_year = 2025"));
    }

    @Test
    void dorset2019ReorganisationResolvesTodaysOnspdCodeToTheCountyOperatingThen() throws SQLException {
        returns.postcode("DT1 1AA", "E06000059", 369000, 90000);        // ONSPD today: Dorset unitary
        returns.postcode("BH23 1AA", "E06000058", 420000, 93000);       // today BCP: Christchurch was in Dorset county
        long dorsetCounty2018 = returns.submission("E10000009", "ssda903", 2018);
        returns.episode(dorsetCounty2018, 1, "dorset-a", "episode_start", LocalDate.of(2017, 5, 1),
                "home_postcode", "DT1 1AA", "placement_postcode", "DT1 1AA");
        returns.episode(dorsetCounty2018, 2, "dorset-b", "episode_start", LocalDate.of(2017, 5, 1),
                "home_postcode", "DT1 1AA", "placement_postcode", "BH23 1AA");
        returns.call("core.refresh_ssda903", dorsetCounty2018);
        assertEquals("E10000009", episode(dorsetCounty2018, 1).get("placement_la_code"));
        assertEquals("Inside boundary", episode(dorsetCounty2018, 1).get("locality"));
        assertEquals("Not known", episode(dorsetCounty2018, 2).get("locality"),
                "BCP's area was split between three LAs in 2018, so the LA cannot be told from a current code");

        long dorsetUnitary2020 = returns.submission("E06000059", "ssda903", 2020);
        returns.episode(dorsetUnitary2020, 1, "dorset-c", "home_postcode", "DT1 1AA", "placement_postcode", "BH23 1AA");
        returns.call("core.refresh_ssda903", dorsetUnitary2020);
        assertEquals("E06000058", episode(dorsetUnitary2020, 1).get("placement_la_code"));
        assertEquals("Outside boundary", episode(dorsetUnitary2020, 1).get("locality"));
        assertEquals("E06000059", returns.value("""
                SELECT la.new_la_code FROM core.fact_placement_episode f JOIN core.dim_local_authority la
                  ON la.la_key = f.responsible_la_key WHERE f.submission_id = ?""", dorsetUnitary2020));
    }

    @Test
    void cumbria2023SplitMakesWestmorlandAnotherLaForCumberland() throws SQLException {
        returns.postcode("CA1 1AA", "E06000063", 340000, 556000);       // Carlisle: Cumberland
        returns.postcode("LA9 4AA", "E06000064", 351000, 492000);       // Kendal: Westmorland and Furness
        returns.adjacency("E06000063", "E06000064");
        long cumberland = returns.submission("E06000063", "ssda903", 2024);
        returns.episode(cumberland, 1, "cumberland-a", "home_postcode", "CA1 1AA", "placement_postcode", "LA9 4AA");
        returns.call("core.refresh_ssda903", cumberland);
        assertEquals("Outside boundary", episode(cumberland, 1).get("locality"));
        assertEquals(false, episode(cumberland, 1).get("at_a_distance"), "the two successors adjoin");

        long cumbria = returns.submission("E10000006", "ssda903", 2022);
        returns.episode(cumbria, 1, "cumbria-a", "episode_start", LocalDate.of(2021, 6, 1),
                "home_postcode", "CA1 1AA", "placement_postcode", "LA9 4AA");
        returns.call("core.refresh_ssda903", cumbria);
        assertEquals("E10000006", episode(cumbria, 1).get("placement_la_code"), "before 2023 both towns were in Cumbria");
        assertEquals("Inside boundary", episode(cumbria, 1).get("locality"));
    }

    @Test
    void postcodeRetentionRemovesFullPostcodesButKeepsWhatWasDerived() throws SQLException {
        long old = returns.submission(HARTLEPOOL, "ssda903", 2025);
        returns.episode(old, 1, "child-a", "home_postcode", "TS24 7AA", "placement_postcode", "TS10 1AA");
        returns.call("core.refresh_ssda903", old);
        long recent = returns.submission(MIDDLESBROUGH, "ssda903", 2025);
        returns.episode(recent, 1, "child-b", "home_postcode", "TS1 1AA", "placement_postcode", "TS1 1AA");
        returns.call("core.refresh_ssda903", recent);
        returns.update("UPDATE ops.submission SET completed_at = now() - interval '100 days' WHERE submission_id = ?", old);
        returns.update("UPDATE ops.submission SET completed_at = now() - interval '10 days' WHERE submission_id = ?", recent);

        returns.update("CALL core.apply_postcode_retention(interval '90 days')");

        assertEquals(Map.of("home_postcode", "", "placement_postcode", ""), nullsAsBlank(returns.rows(
                "SELECT home_postcode, placement_postcode FROM landing.ssda903_episode WHERE submission_id = ?", old).get(0)));
        assertEquals("TS1 1AA", returns.value("SELECT placement_postcode FROM landing.ssda903_episode WHERE submission_id = ?", recent));
        returns.update("CALL core.refresh_all(2025)");
        Map<String, Object> rederived = episode(old, 1);
        assertEquals(REDCAR, rederived.get("placement_la_code"));
        assertEquals(new BigDecimal("20.1"), rederived.get("distance_miles"));
        assertTrue((Integer) rederived.get("placement_postcode_sector_key") > 0, "the sector is kept");
        assertFalse(returns.rows("SELECT 1 FROM ops.submission WHERE submission_id = ? AND postcodes_removed_at IS NOT NULL", old).isEmpty());
    }

    private static Map<String, Object> nullsAsBlank(Map<String, Object> row) {
        Map<String, Object> copy = new java.util.HashMap<>();
        row.forEach((key, value) -> copy.put(key, value == null ? "" : value));
        return copy;
    }
}
