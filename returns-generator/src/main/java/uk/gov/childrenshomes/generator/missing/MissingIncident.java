package uk.gov.childrenshomes.generator.missing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static uk.gov.childrenshomes.generator.output.DateText.date;
import static uk.gov.childrenshomes.generator.output.DateText.dateTime;

/**
 * A row of the missing episodes and return interviews return (docs/returns/missing-episodes.md, version 1.0).
 * Codes are held as the return writes them; {@code null} is a blank field.
 */
public record MissingIncident(String incidentId, String child, LocalDate dob, String missingFrom, String missingType,
                              LocalDateTime start, LocalDateTime end, String placedOutOfArea, String placingLa,
                              String hostLa, String rhiOffered, LocalDate rhiOfferedDate, String rhiAccepted,
                              LocalDateTime rhiCompleted, String rhiConductedBy) {

    public static final String HOME = "HOME";
    public static final String CARE = "CARE";

    /** The header of version 1.0, in order. */
    public static final List<String> COLUMNS = List.of("INCIDENT_ID", "CHILD", "DOB", "MISSING_FROM", "MISSING_TYPE",
            "MIS_START", "MIS_END", "PLACED_OUT_OF_AREA", "PLACING_LA", "HOST_LA", "RHI_OFFERED", "RHI_OFFERED_DATE",
            "RHI_ACCEPTED", "RHI_COMPLETED_DATETIME", "RHI_CONDUCTED_BY");

    public boolean fromCare() {
        return missingFrom.equals(CARE);
    }

    public String[] fields() {
        return new String[] {incidentId, child, date(dob), missingFrom, missingType, dateTime(start), dateTime(end),
                text(placedOutOfArea), text(placingLa), text(hostLa), text(rhiOffered), date(rhiOfferedDate),
                text(rhiAccepted), dateTime(rhiCompleted), text(rhiConductedBy)};
    }

    private static String text(String code) {
        return code == null ? "" : code;
    }
}
