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
import static org.junit.jupiter.api.Assertions.assertNull;
import static uk.gov.childrenshomes.warehouse.model.Returns.HARTLEPOOL;
import static uk.gov.childrenshomes.warehouse.model.Returns.MIDDLESBROUGH;
import static uk.gov.childrenshomes.warehouse.model.Returns.REDCAR;

/** core.refresh_oversight: adjoining or at a distance, approval as required, notification within 5 working days. */
@ExtendWith(WarehouseExtension.class)
class OutOfAreaPlacementTest {

    private Returns returns;
    private long submission;

    @BeforeEach
    void open(WarehouseConnection warehouse) throws SQLException {
        returns = new Returns(warehouse);
        returns.adjacency(HARTLEPOOL, MIDDLESBROUGH);
        submission = returns.submission(HARTLEPOOL, "oversight", 2025);
    }

    @AfterEach
    void rollBack() throws SQLException {
        returns.close();
    }

    private List<Map<String, Object>> placements() throws SQLException {
        returns.call("core.refresh_oversight", submission);
        return returns.rows("SELECT * FROM core.fact_out_of_area_placement WHERE submission_id = ? ORDER BY source_row_number", submission);
    }

    @Test
    void emergencyNotificationIsDueOnTheFifthWorkingDayCountingPastBankHolidays() throws SQLException {
        // Thursday 22 August 2024: 5 working days later skips the weekend and the summer bank holiday (Monday 26th).
        LocalDate placed = LocalDate.of(2024, 8, 22);
        returns.oversightPlacement(submission, 1, "on-due-day", "decom", placed, "emergency", "Y", "host_notified_date", LocalDate.of(2024, 8, 30));
        returns.oversightPlacement(submission, 2, "day-late", "decom", placed, "emergency", "Y", "host_notified_date", LocalDate.of(2024, 9, 2));
        returns.oversightPlacement(submission, 3, "planned-late", "decom", placed, "host_notified_date", LocalDate.of(2024, 8, 23));
        returns.oversightPlacement(submission, 4, "not-notified", "decom", placed, "host_notified", "N", "host_notified_date", null);
        List<Map<String, Object>> placements = placements();
        assertEquals(LocalDate.of(2024, 8, 30), placements.get(0).get("host_notification_due_date"));
        assertEquals(List.of(true, false, false, false), placements.stream().map(p -> p.get("host_notified_in_time")).toList());
        assertEquals(placed, placements.get(2).get("host_notification_due_date"), "a planned placement is notified before it starts");
    }

    @Test
    void placementAtADistanceNeedsTheDirectorAndAnAdjoiningOneANominatedOfficer() throws SQLException {
        returns.oversightPlacement(submission, 1, "adjoining-nom", "host_la", MIDDLESBROUGH, "approved_by", "NOM");
        returns.oversightPlacement(submission, 2, "distant-nom", "host_la", REDCAR, "approved_by", "NOM");
        returns.oversightPlacement(submission, 3, "distant-dcs", "host_la", "W92000004", "approved_by", "DCS");
        returns.oversightPlacement(submission, 4, "unapproved", "host_la", MIDDLESBROUGH, "approved_by", null, "approval_date", null);
        List<Map<String, Object>> placements = placements();
        assertEquals(List.of("Adjoining LA", "At a distance", "At a distance", "Adjoining LA"),
                placements.stream().map(p -> p.get("distance_type")).toList());
        assertEquals(List.of(true, true, true, false), placements.stream().map(p -> p.get("is_approved")).toList());
        assertEquals(List.of(true, false, true, false), placements.stream().map(p -> p.get("is_approved_as_required")).toList());
        assertEquals(-2, placements.get(2).get("host_la_key"), "Wales is outside England");
    }

    @Test
    void admissionNoticeIsCountedOnlyForChildrensHomes() throws SQLException {
        returns.oversightPlacement(submission, 1, "home-notified", "place", "K2", "urn", "SC000001", "admission_notice_date", LocalDate.of(2024, 8, 16));
        returns.oversightPlacement(submission, 2, "home-silent", "place", "K1", "urn", "SC000002");
        returns.oversightPlacement(submission, 3, "foster", "place", "U6");
        List<Map<String, Object>> placements = placements();
        assertEquals(true, placements.get(0).get("admission_notified"));
        assertEquals(false, placements.get(1).get("admission_notified"));
        assertNull(placements.get(2).get("admission_notified"));
        assertEquals(List.of("Children's homes (K1, K2)", "Children's homes (K1, K2)", "Foster care"),
                placements.stream().map(p -> p.get("placement_group")).toList());
        assertEquals(List.of(-3L, -3L, -2L), placements.stream().map(p -> p.get("childrens_home_key")).toList());
    }
}
