package uk.gov.childrenshomes.generator.ofsted;

import uk.gov.childrenshomes.generator.geography.Postcode;

import java.time.LocalDate;

/**
 * A children's home on the Ofsted register.
 *
 * @param urn                    Ofsted unique reference number: {@code SC} + 6 digits (registered before 2014) or
 *                               7 digits
 * @param laCode                 LA the home is in
 * @param secure                 a secure children's home (SSDA903 PLACE K1) rather than a children's home (K2)
 * @param sector                 as Ofsted writes it: Local Authority, Private or Voluntary
 * @param registrationDate       date registered
 * @param closureDate            date closed; {@code null} while open
 * @param places                 registered places (Ofsted "Max Users")
 * @param overallEffectiveness   latest full inspection judgement; {@code null} if not yet inspected
 * @param inspectionDate         start of that inspection; {@code null} if not yet inspected
 * @param postcode               the home's postcode (sensitive: never published)
 */
public record ChildrensHome(String urn, String laCode, boolean secure, String sector, LocalDate registrationDate,
                            LocalDate closureDate, int places, String overallEffectiveness, LocalDate inspectionDate,
                            Postcode postcode) {

    public static final String LOCAL_AUTHORITY = "Local Authority";
    public static final String PRIVATE = "Private";
    public static final String VOLUNTARY = "Voluntary";

    /** Registered on or before {@code date} and not closed. */
    public boolean openOn(LocalDate date) {
        return !registrationDate.isAfter(date) && (closureDate == null || closureDate.isAfter(date));
    }

    /** SSDA903 PLACE code of a placement in this home. */
    public String placeCode() {
        return secure ? "K1" : "K2";
    }
}
