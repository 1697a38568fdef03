package uk.gov.childrenshomes.generator.ssda903;

import java.time.LocalDate;

import static uk.gov.childrenshomes.generator.output.DateText.date;

/** A row of the SSDA903 header table: one per child in the return. */
public record ChildHeader(String child, String sex, LocalDate dob, String ethnicity, String upn, String mother,
                          LocalDate motherChildDob) {

    public Ssda903Row toRow() {
        return new Ssda903Row(Ssda903Table.HEADER, child, sex, date(dob), ethnicity, upn, mother, date(motherChildDob));
    }
}
