package uk.gov.childrenshomes.generator.geography;

import uk.gov.childrenshomes.generator.output.CsvTable;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the national geography files of the inbox: the ONSPD extract and the LA adjacency table. */
public final class GeographyFiles {

    /** ONSPD's own column names (ONS Postcode Directory user guide); the pipeline reads them by name. */
    public static final List<String> ONSPD_HEADER = List.of("pcd", "pcd2", "pcds", "dointr", "doterm", "oscty", "ced",
            "oslaua", "osward", "parish", "usertype", "oseast1m", "osnrth1m", "osgrdind", "oshlthau", "nhser", "ctry",
            "rgn", "lat", "long");
    public static final List<String> ADJACENCY_HEADER = List.of("la_code", "adjacent_la_code");

    /** NHS England regions by English region (synthetic but stable). */
    private static final Map<String, String> NHS_REGIONS = Map.of(
            "E12000001", "E40000012", "E12000002", "E40000010", "E12000003", "E40000012",
            "E12000004", "E40000011", "E12000005", "E40000011", "E12000006", "E40000007",
            "E12000007", "E40000003", "E12000008", "E40000005", "E12000009", "E40000006");

    private GeographyFiles() {
    }

    /** Writes every postcode (live, terminated, Welsh and Scottish); returns the number of rows. */
    public static long writeOnspd(Path file, SyntheticGeography geography) {
        try (CsvTable onspd = new CsvTable(file, ONSPD_HEADER)) {
            for (LaArea area : geography.areas()) {
                for (Postcode postcode : area.postcodes()) {
                    write(onspd, postcode);
                }
            }
            for (Postcode postcode : geography.terminated()) {
                write(onspd, postcode);
            }
            for (Postcode postcode : geography.outsideEngland()) {
                write(onspd, postcode);
            }
            return onspd.rows();
        }
    }

    /** Writes each adjacent pair both ways round; returns the number of rows. */
    public static long writeAdjacency(Path file, SyntheticGeography geography) {
        try (CsvTable adjacency = new CsvTable(file, ADJACENCY_HEADER)) {
            geography.adjacency().forEach((la, neighbours) -> neighbours.forEach(n -> adjacency.write(la, n)));
            return adjacency.rows();
        }
    }

    private static void write(CsvTable onspd, Postcode p) {
        String text = p.text();
        int space = text.indexOf(' ');
        String outward = text.substring(0, space);
        String inward = text.substring(space + 1);
        String pcd = pad(outward, 4) + inward; // ONSPD's 7-character form
        String pcd2 = pad(outward, 5) + inward; // 8-character form
        boolean england = p.inEngland();
        // Latitude/longitude by a local linearisation of the OS grid around its true origin (49N, 2W): good to a
        // few hundred metres, enough for maps; distances use the grid itself.
        double lat = 49.0 + (p.northing() + 100_000) / 111_200.0;
        double lon = -2.0 + (p.easting() - 400_000) / (111_320.0 * Math.cos(Math.toRadians(lat)));
        int hash = Math.abs(text.hashCode());
        onspd.write(pcd, pcd2, text, String.valueOf(198001 + (hash % 36) * 100), p.terminated() ? "201906" : "",
                p.countyCode(),
                // Synthetic electoral division (E58) and ward (?05) codes, of nine characters as ONS codes are.
                p.countyCode().startsWith("E10") ? "E58" + p.countyCode().substring(4) + (hash % 10) : p.countyCode(),
                p.districtCode(),
                p.districtCode().charAt(0) + "05" + p.districtCode().substring(4) + (hash % 10),
                england ? "E43999999" : p.countyCode(),
                hash % 97 == 0 ? "1" : "0",
                String.valueOf(p.easting()), String.valueOf(p.northing()), "1",
                england ? "E38" + p.districtCode().substring(3) : p.countyCode(),
                england ? NHS_REGIONS.get(p.regionCode()) : p.countyCode(),
                p.countryCode(), p.regionCode(),
                String.format(Locale.ROOT, "%.6f", lat), String.format(Locale.ROOT, "%.6f", lon));
    }

    private static String pad(String outward, int width) {
        StringBuilder padded = new StringBuilder(outward);
        while (padded.length() < width) {
            padded.append(' ');
        }
        return padded.toString();
    }
}
