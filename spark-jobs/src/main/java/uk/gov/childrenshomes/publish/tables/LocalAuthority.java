package uk.gov.childrenshomes.publish.tables;

/** An LA as operating in a given year (core.las_operating_in), with its region. */
public record LocalAuthority(String code, String oldCode, String name, String regionCode, String regionName) {
}
