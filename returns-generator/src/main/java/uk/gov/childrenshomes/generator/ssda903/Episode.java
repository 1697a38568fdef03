package uk.gov.childrenshomes.generator.ssda903;

import java.time.LocalDate;

import static uk.gov.childrenshomes.generator.output.DateText.date;

/**
 * An SSDA903 episode of care, with what the generator knows beyond the return.
 *
 * @param child              CHILD
 * @param decom              DECOM: start of the episode
 * @param rne                RNE: reason for new episode (S, L, P, B, T, U)
 * @param legalStatus        LS
 * @param categoryOfNeed     CIN
 * @param place              PLACE
 * @param placeProvider      PLACE_PROVIDER
 * @param dec                DEC; {@code null} while open
 * @param rec                REC; {@code null} while open
 * @param reasonPlaceChange  REASON_PLACE_CHANGE; {@code null} if the placement did not change at the end
 * @param homePostcode       HOME_POST; {@code null} if not known
 * @param placementPostcode  PL_POST; {@code null} if not known
 * @param urn                URN; {@code null} where SSDA903 wants none
 * @param placementArea      where the placement is: the upper-tier LA code, or a country code outside England;
 *                           known to the LA even when PL_POST is not recorded
 */
public record Episode(String child, LocalDate decom, String rne, String legalStatus, String categoryOfNeed,
                      String place, String placeProvider, LocalDate dec, String rec, String reasonPlaceChange,
                      String homePostcode, String placementPostcode, String urn, String placementArea) {

    /** Short-break series (V3/V4): excluded from published counts downstream. */
    public boolean shortBreak() {
        return legalStatus.equals("V3") || legalStatus.equals("V4");
    }

    /** The episode started a new placement (started care, or changed placement with new carers). */
    public boolean startsPlacement() {
        return rne.equals("S") || rne.equals("P") || rne.equals("B");
    }

    public boolean openOn(LocalDate date) {
        return !decom.isAfter(date) && (dec == null || dec.isAfter(date));
    }

    public Ssda903Row toRow() {
        return new Ssda903Row(Ssda903Table.EPISODES, child, date(decom), rne, legalStatus, categoryOfNeed, place,
                placeProvider, date(dec), text(rec), text(reasonPlaceChange), text(homePostcode),
                text(placementPostcode), text(urn));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    Episode closed(LocalDate end, String reasonCeased, String placeChangeReason) {
        return new Episode(child, decom, rne, legalStatus, categoryOfNeed, place, placeProvider, end, reasonCeased,
                placeChangeReason, homePostcode, placementPostcode, urn, placementArea);
    }
}
