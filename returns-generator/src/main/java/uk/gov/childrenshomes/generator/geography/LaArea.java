package uk.gov.childrenshomes.generator.geography;

import java.util.List;

/**
 * Where an LA lies in the synthetic layout, how big it is, and its postcodes.
 *
 * @param authority  the LA
 * @param easting    centre, OS grid metres
 * @param northing   centre, OS grid metres
 * @param radius     nominal radius of its area, metres
 * @param sizeShare  its share of England's children (all shares sum to 1)
 * @param postcodes  its live postcodes
 */
public record LaArea(LocalAuthority authority, int easting, int northing, double radius, double sizeShare,
                     List<Postcode> postcodes) {

    public String code() {
        return authority.code();
    }

    public double distanceTo(LaArea other) {
        return Math.hypot(easting - other.easting, northing - other.northing);
    }
}
