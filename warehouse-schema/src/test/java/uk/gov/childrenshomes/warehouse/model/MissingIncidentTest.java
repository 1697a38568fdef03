package uk.gov.childrenshomes.warehouse.model;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.testkit.WarehouseExtension;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static uk.gov.childrenshomes.warehouse.model.Returns.HARTLEPOOL;
import static uk.gov.childrenshomes.warehouse.model.Returns.MIDDLESBROUGH;

/** core.refresh_missing: duration, care location and the return interview outcome, 72 hours included. */
@ExtendWith(WarehouseExtension.class)
class MissingIncidentTest {

    private static final LocalDateTime RETURNED = LocalDateTime.of(2024, 5, 4, 9, 15);

    private Returns returns;

    @BeforeEach
    void open(WarehouseConnection warehouse) throws SQLException {
        returns = new Returns(warehouse);
    }

    @AfterEach
    void rollBack() throws SQLException {
        returns.close();
    }

    private List<Map<String, Object>> incidents(long submission) throws SQLException {
        returns.call("core.refresh_missing", submission);
        return returns.rows("SELECT * FROM core.fact_missing_incident WHERE submission_id = ? ORDER BY source_row_number", submission);
    }

    @Test
    void interviewWithinExactly72HoursOfReturnIsInTimeAndOneMinuteLaterIsNot() throws SQLException {
        long submission = returns.submission(HARTLEPOOL, "missing", 2025);
        for (int minutesAfter72Hours = 0; minutesAfter72Hours <= 1; minutesAfter72Hours++) {
            returns.missingIncident(submission, minutesAfter72Hours + 1, "child-" + minutesAfter72Hours,
                    "rhi_offered", "Y", "rhi_offered_date", LocalDate.of(2024, 5, 4), "rhi_accepted", "Y",
                    "rhi_completed_datetime", RETURNED.plusHours(72).plusMinutes(minutesAfter72Hours), "rhi_conducted_by", "IND");
        }
        List<Map<String, Object>> incidents = incidents(submission);
        assertEquals(true, incidents.get(0).get("rhi_within_72_hours"));
        assertEquals(new BigDecimal("72.0"), incidents.get(0).get("hours_to_rhi"));
        assertEquals(false, incidents.get(1).get("rhi_within_72_hours"));
        assertEquals(true, incidents.get(1).get("rhi_completed"));
        assertEquals("Independent provider", incidents.get(0).get("rhi_conducted_by"));
    }

    @Test
    void offersAnswersAndStillMissingIncidentsAreBooleansNeverNull() throws SQLException {
        long submission = returns.submission(HARTLEPOOL, "missing", 2025);
        returns.missingIncident(submission, 1, "declined", "rhi_offered", "Y", "rhi_offered_date", LocalDate.of(2024, 5, 4), "rhi_accepted", "N");
        returns.missingIncident(submission, 2, "not-offered");
        returns.missingIncident(submission, 3, "still-missing", "mis_start", LocalDateTime.of(2025, 3, 28, 22, 10),
                "mis_end", null, "rhi_offered", null, "missing_type", "A");
        List<Map<String, Object>> incidents = incidents(submission);
        assertEquals(List.of(true, false, false), incidents.stream().map(i -> i.get("rhi_offered")).toList());
        assertEquals(List.of(true, false, false), incidents.stream().map(i -> i.get("rhi_declined")).toList());
        assertEquals(List.of(false, false, false), incidents.stream().map(i -> i.get("rhi_accepted")).toList());
        assertEquals(List.of(false, false, true), incidents.stream().map(i -> i.get("is_still_missing")).toList());
        assertEquals(new BigDecimal("11.6"), incidents.get(0).get("duration_hours"), "21:40 to 09:15 next day = 11 h 35 min");
        assertNull(incidents.get(2).get("duration_hours"));
        assertEquals("Away without authorisation", incidents.get(2).get("missing_type"));
        assertEquals("Not applicable", incidents.get(1).get("rhi_conducted_by"));
    }

    @Test
    void careLocationAndHostFollowThePlacementAndChildrenMissingFromHomeHaveNone() throws SQLException {
        long submission = returns.submission(HARTLEPOOL, "missing", 2025);
        returns.missingIncident(submission, 1, "in-area");
        returns.missingIncident(submission, 2, "out-of-area", "placed_out_of_area", "Y", "host_la", MIDDLESBROUGH);
        returns.missingIncident(submission, 3, "in-scotland", "placed_out_of_area", "Y", "host_la", "S92000003");
        returns.missingIncident(submission, 4, "from-home", "missing_from", "HOME", "placed_out_of_area", null,
                "placing_la", null, "host_la", null);
        List<Map<String, Object>> incidents = incidents(submission);
        assertEquals(List.of("In area", "Out of area", "Out of area", "Not applicable"),
                incidents.stream().map(i -> i.get("care_location")).toList());
        assertEquals(List.of("Care", "Care", "Care", "Home"), incidents.stream().map(i -> i.get("missing_from")).toList());
        assertEquals(-2, incidents.get(2).get("host_la_key"));
        assertEquals(-3, incidents.get(3).get("host_la_key"));
        assertEquals(MIDDLESBROUGH, returns.value("SELECT new_la_code FROM core.dim_local_authority WHERE la_key = ?",
                incidents.get(1).get("host_la_key")));
        assertEquals(LocalDate.of(2010, 5, 1), returns.value("""
                SELECT c.birth_month FROM core.dim_child c JOIN core.fact_missing_incident f USING (child_key)
                 WHERE f.submission_id = ? AND f.source_row_number = 4""", submission), "date of birth reduced to the month");
    }

    @Test
    void latestAcceptedSubmissionWinsWithoutDoubleCounting() throws SQLException {
        long first = returns.submission(HARTLEPOOL, "missing", 2025);
        returns.missingIncident(first, 1, "child-a");
        returns.missingIncident(first, 2, "child-b");
        returns.call("core.refresh_missing", first);
        long second = returns.submission(HARTLEPOOL, "missing", 2025);
        returns.missingIncident(second, 1, "child-a", "rhi_offered", "Y", "rhi_offered_date", LocalDate.of(2024, 5, 4));
        returns.missingIncident(second, 2, "child-b");
        returns.missingIncident(second, 3, "child-c");
        returns.call("core.refresh_missing", second);
        long rejected = returns.submission(HARTLEPOOL, "missing", 2025, "rejected");
        returns.call("core.refresh_missing", first);

        assertEquals(List.of(Map.of("submission_id", second, "incidents", 3L, "offered", 1L)), returns.rows("""
                SELECT submission_id, count(*) AS incidents, count(*) FILTER (WHERE rhi_offered) AS offered
                  FROM core.fact_missing_incident WHERE collection_year = 2025 GROUP BY submission_id"""));
        assertEquals(second, returns.value("SELECT submission_id FROM mart.accepted_return WHERE la_code = ? AND return_code = 'missing'",
                HARTLEPOOL), "a later rejected submission (" + rejected + ") is not accepted");
        assertEquals(List.of(Map.of("incidents", 3L, "offered", 1L)), returns.rows(
                "SELECT incidents, offered FROM mart.return_interviews WHERE la_code = ?", HARTLEPOOL), "the summary has no doubles either");
    }
}
