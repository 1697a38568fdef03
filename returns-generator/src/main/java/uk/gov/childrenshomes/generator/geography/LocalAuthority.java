package uk.gov.childrenshomes.generator.geography;

/**
 * An upper-tier local authority with children's services responsibilities, as DfE's {@code las.csv} lists it.
 *
 * @param code        ONS nine-character code (E06, E08, E09 or E10)
 * @param oldCode     DfE three-digit LA number
 * @param name        name as DfE publishes it
 * @param typeCode    entity code: E06, E08, E09 or E10
 * @param regionCode  English region (E12)
 */
public record LocalAuthority(String code, String oldCode, String name, String typeCode, String regionCode) {

    /** Counties (E10) are two-tier: their postcodes lie in lower-tier districts (E07). */
    public boolean isCounty() {
        return typeCode.equals("E10");
    }
}
