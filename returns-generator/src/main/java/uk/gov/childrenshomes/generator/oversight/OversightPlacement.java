package uk.gov.childrenshomes.generator.oversight;

import java.time.LocalDate;
import java.util.List;

import static uk.gov.childrenshomes.generator.output.DateText.date;

/**
 * A row of the out-of-area placement oversight return (docs/returns/out-of-area-oversight.md, version 1.0).
 * {@code null} is a blank field.
 */
public record OversightPlacement(String child, LocalDate decom, String place, String urn, String hostLa,
                                 String approvedBy, LocalDate approvalDate, String emergency, String hostNotified,
                                 LocalDate hostNotifiedDate, LocalDate admissionNoticeDate,
                                 LocalDate dischargeNoticeDate) {

    /** The header of version 1.0, in order. */
    public static final List<String> COLUMNS = List.of("CHILD", "DECOM", "PLACE", "URN", "HOST_LA", "APPROVED_BY",
            "APPROVAL_DATE", "EMERGENCY", "HOST_NOTIFIED", "HOST_NOTIFIED_DATE", "ADMISSION_NOTICE_DATE",
            "DISCHARGE_NOTICE_DATE");

    public String[] fields() {
        return new String[] {child, date(decom), place, urn == null ? "" : urn, hostLa,
                approvedBy == null ? "" : approvedBy, date(approvalDate), emergency, hostNotified,
                date(hostNotifiedDate), date(admissionNoticeDate), date(dischargeNoticeDate)};
    }
}
