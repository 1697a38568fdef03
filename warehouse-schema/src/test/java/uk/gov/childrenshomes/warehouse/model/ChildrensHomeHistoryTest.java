package uk.gov.childrenshomes.warehouse.model;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.childrenshomes.warehouse.model.Returns.HARTLEPOOL;
import static uk.gov.childrenshomes.warehouse.model.Returns.MIDDLESBROUGH;

/** core.refresh_ofsted_register: the type-2 home history, the yearly snapshot and facts pointing at the right version. */
@ExtendWith(WarehouseExtension.class)
class ChildrensHomeHistoryTest {

    private Returns returns;

    @BeforeEach
    void open(WarehouseConnection warehouse) throws SQLException {
        returns = new Returns(warehouse);
        returns.postcode("TS1 1AA", MIDDLESBROUGH, 449000, 520000);
        returns.postcode("TS24 7AA", HARTLEPOOL, 450000, 530000);
    }

    @AfterEach
    void rollBack() throws SQLException {
        returns.close();
    }

    private long register(int year, Object[]... homes) throws SQLException {
        long submission = returns.submission("national", "ofsted_register", year);
        for (int i = 0; i < homes.length; i++) {
            returns.registeredHome(submission, i + 1, (String) homes[i][0], java.util.Arrays.copyOfRange(homes[i], 1, homes[i].length));
        }
        returns.call("core.refresh_ofsted_register", submission);
        return submission;
    }

    private List<Map<String, Object>> versions(String urn) throws SQLException {
        return returns.rows("""
                SELECT overall_effectiveness, places, valid_from, valid_to, is_current FROM core.dim_childrens_home
                 WHERE urn = ? ORDER BY valid_from""", urn);
    }

    @Test
    void aChangedJudgementStartsANewVersionAndAnUnchangedHomeKeepsOne() throws SQLException {
        register(2023, new Object[] {"SC100001"}, new Object[] {"SC100002"});
        register(2024, new Object[] {"SC100001", "overall_effectiveness", "Requires improvement to be good"}, new Object[] {"SC100002"});
        register(2025, new Object[] {"SC100001", "overall_effectiveness", "Requires improvement to be good", "places", 6},
                new Object[] {"SC100002"});

        assertEquals(List.of(
                Map.of("overall_effectiveness", "Good", "places", 4, "valid_from", LocalDate.of(2015, 1, 5),
                        "valid_to", LocalDate.of(2024, 3, 30), "is_current", false),
                Map.of("overall_effectiveness", "Requires improvement", "places", 4, "valid_from", LocalDate.of(2024, 3, 31),
                        "valid_to", LocalDate.of(2025, 3, 30), "is_current", false),
                Map.of("overall_effectiveness", "Requires improvement", "places", 6, "valid_from", LocalDate.of(2025, 3, 31),
                        "is_current", true)),
                versions("SC100001").stream().map(ChildrensHomeHistoryTest::withoutNulls).toList());
        assertEquals(1, versions("SC100002").size());
    }

    @Test
    void aLateEarlierRegisterSlotsIntoTheHistoryAndFactsMoveToTheVersionOfTheirDay() throws SQLException {
        register(2025, new Object[] {"SC200001", "overall_effectiveness", "Outstanding"});
        long ssda903 = returns.submission(HARTLEPOOL, "ssda903", 2024);
        returns.episode(ssda903, 1, "child-a", "episode_start", LocalDate.of(2023, 6, 1), "placement_type", "K2", "urn", "sc200001");
        returns.call("core.refresh_ssda903", ssda903);
        register(2024, new Object[] {"SC200001", "overall_effectiveness", "Inadequate"});

        assertEquals(List.of("Inadequate", "Outstanding"), versions("SC200001").stream().map(v -> v.get("overall_effectiveness")).toList());
        assertEquals("Inadequate", returns.value("""
                SELECT h.overall_effectiveness FROM core.fact_looked_after_31_march f
                  JOIN core.dim_childrens_home h USING (childrens_home_key) WHERE f.submission_id = ?""", ssda903),
                "the child's home at 31 March 2024 is the version valid then");
    }

    @Test
    void snapshotCountsHomesOnTheRegisterAtAnyTimeInTheYearWithTheirLa() throws SQLException {
        register(2025,
                new Object[] {"SC300001"},
                new Object[] {"SC300002", "registration_date", LocalDate.of(2024, 9, 1), "sector", "Local Authority",
                        "provider_subtype", "Secure Unit", "postcode", "TS24 7AA", "overall_effectiveness", null},
                new Object[] {"SC300003", "closed_date", LocalDate.of(2024, 12, 1), "registration_status", "Closed"},
                new Object[] {"SC300004", "closed_date", LocalDate.of(2024, 3, 31), "registration_status", "Closed"},
                new Object[] {"SC300005", "provider_type", "Independent Fostering Agency"});
        List<Map<String, Object>> snapshot = returns.rows("""
                SELECT f.urn, la.new_la_code, f.sector, f.home_type, f.overall_effectiveness, f.is_open_at_31_march,
                       f.opened_in_year, f.closed_in_year
                  FROM core.fact_childrens_home_31_march f JOIN core.dim_local_authority la ON la.la_key = f.host_la_key
                 WHERE f.snapshot_year = 2025 ORDER BY f.urn""");
        assertEquals(List.of("SC300001", "SC300002", "SC300003"), snapshot.stream().map(r -> r.get("urn")).toList(),
                "closed before the year, or not a children's home: not in the snapshot");
        assertEquals(Map.of("urn", "SC300002", "new_la_code", HARTLEPOOL, "sector", "Local authority",
                "home_type", "Secure children's home", "overall_effectiveness", "Not yet inspected",
                "is_open_at_31_march", true, "opened_in_year", true, "closed_in_year", false), snapshot.get(1));
        assertEquals(List.of(true, true, false), snapshot.stream().map(r -> r.get("is_open_at_31_march")).toList());
        assertEquals(List.of(false, false, true), snapshot.stream().map(r -> r.get("closed_in_year")).toList());
        assertEquals(MIDDLESBROUGH, snapshot.get(0).get("new_la_code"));
    }

    @Test
    void aCorrectedRegisterForTheSameYearReplacesTheFirst() throws SQLException {
        register(2025, new Object[] {"SC400001", "places", 40});
        register(2025, new Object[] {"SC400001", "places", 4});
        assertEquals(List.of(4), versions("SC400001").stream().map(v -> v.get("places")).toList());
        assertEquals(1L, returns.value("SELECT count(*) FROM core.fact_childrens_home_31_march WHERE urn = 'SC400001'"));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> row) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(row);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }
}
