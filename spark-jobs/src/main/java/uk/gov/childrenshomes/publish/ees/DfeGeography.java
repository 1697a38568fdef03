package uk.gov.childrenshomes.publish.ees;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DfE's geography lookups ({@code reference/dfe-geography}: las.csv, regions.csv, country.csv), the copy held by
 * warehouse-schema and unpacked onto this module's classpath at build, so the checker and the warehouse agree.
 */
public final class DfeGeography {

    /** An LA as DfE's lookup has it. */
    public record La(String code, String name, String oldCode, String regionCode) {
    }

    private final Map<String, La> las;
    private final Map<String, String> regions;
    private final Map<String, String> countries;

    public DfeGeography(Map<String, La> las, Map<String, String> regions, Map<String, String> countries) {
        this.las = Map.copyOf(las);
        this.regions = Map.copyOf(regions);
        this.countries = Map.copyOf(countries);
    }

    public static DfeGeography fromClasspath() {
        Map<String, La> las = new HashMap<>();
        for (Map<String, String> row : read("las.csv")) {
            String oldCode = row.get("old_la_code");
            las.put(row.get("new_la_code"), new La(row.get("new_la_code"), row.get("la_name"),
                    oldCode == null || oldCode.equals("x") ? "" : oldCode, row.get("parent_geography_code")));
        }
        Map<String, String> regions = new HashMap<>();
        read("regions.csv").forEach(row -> regions.put(row.get("region_code"), row.get("region_name")));
        Map<String, String> countries = new HashMap<>();
        read("country.csv").forEach(row -> countries.put(row.get("country_code"), row.get("country_name")));
        return new DfeGeography(las, regions, countries);
    }

    private static List<Map<String, String>> read(String file) {
        String resource = "/reference/dfe-geography/" + file;
        try (InputStream in = DfeGeography.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource + " (unpacked from warehouse-schema at build)");
            }
            List<List<String>> rows = EesCsv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\r\n", "\n").replace("\uFEFF", ""));
            List<String> header = rows.get(0);
            return rows.subList(1, rows.size()).stream().filter(r -> r.size() == header.size()).map(r -> {
                Map<String, String> named = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    named.put(header.get(i), r.get(i).trim());
                }
                return named;
            }).toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }

    public La la(String code) {
        return las.get(code);
    }

    public String regionName(String code) {
        return regions.get(code);
    }

    public String countryName(String code) {
        return countries.get(code);
    }
}
