package uk.gov.childrenshomes.generator.geography;

/**
 * A synthetic postcode with the ONSPD attributes the pipeline derives from.
 *
 * @param text          postcode with one space before the inward code (ONSPD {@code pcds}), e.g. {@code KT3 4AB}
 * @param easting       OS grid easting, metres
 * @param northing      OS grid northing, metres
 * @param districtCode  lower-tier district ({@code oslaua}): E07 in counties, else the LA itself; W06/S12 outside England
 * @param countyCode    county ({@code oscty}): the E10 code in two-tier areas, else the ONSPD pseudo code
 * @param laCode        upper-tier LA with children's services responsibilities; {@code null} outside England
 * @param countryCode   E92000001, W92000004 or S92000003
 * @param regionCode    English region (E12), or the ONSPD pseudo code outside England
 * @param terminated    a postcode no longer in use (ONSPD {@code doterm} set): never given to a child or a home
 */
public record Postcode(String text, int easting, int northing, String districtCode, String countyCode, String laCode,
                       String countryCode, String regionCode, boolean terminated) {

    public static final String ENGLAND = "E92000001";
    public static final String WALES = "W92000004";
    public static final String SCOTLAND = "S92000003";

    public boolean inEngland() {
        return countryCode.equals(ENGLAND);
    }

    /** Straight-line distance in miles, as DfE computes it (before rounding). */
    public double milesTo(Postcode other) {
        double de = easting - other.easting;
        double dn = northing - other.northing;
        return Math.sqrt(de * de + dn * dn) / 1000 / 1.6093;
    }
}
