package uk.gov.childrenshomes.publish.disclosure;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The disclosure control rules of a release, from configuration ({@code disclosure-policy.properties} on the
 * classpath, or the file named by {@value #FILE_VARIABLE}) and recorded in the manifest.
 *
 * @param suppressFrom       smallest LA-level count suppressed as 'c' (counts of 0 are published)
 * @param suppressTo         largest LA-level count suppressed as 'c'
 * @param roundTo            national and regional counts are rounded (half up) to a multiple of this
 * @param percentDecimals    decimal places of percentages
 * @param lowPercentBelow    a positive percentage below this is published as 'k'
 */
public record DisclosurePolicy(long suppressFrom, long suppressTo, long roundTo, int percentDecimals,
                               BigDecimal lowPercentBelow) {

    public static final String FILE_VARIABLE = "DATAPACK_DISCLOSURE_POLICY_FILE";
    private static final String DEFAULTS = "/disclosure-policy.properties";

    public DisclosurePolicy {
        if (suppressFrom < 1 || suppressTo < suppressFrom || roundTo < 1 || percentDecimals < 0) {
            throw new IllegalArgumentException("Inconsistent disclosure policy");
        }
    }

    /** DfE's practice for children looked after (datapack.md). */
    public static DisclosurePolicy defaults() {
        try (InputStream in = DisclosurePolicy.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + DEFAULTS + " on the classpath");
            }
            Properties properties = new Properties();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return from(properties);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + DEFAULTS, e);
        }
    }

    /** The policy file named in the environment, else the defaults. */
    public static DisclosurePolicy fromEnvironment(Map<String, String> environment) throws IOException {
        String file = environment.get(FILE_VARIABLE);
        if (file == null || file.isBlank()) {
            return defaults();
        }
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return from(properties);
        }
    }

    static DisclosurePolicy from(Properties properties) {
        return new DisclosurePolicy(
                Long.parseLong(required(properties, "la.suppress.from")),
                Long.parseLong(required(properties, "la.suppress.to")),
                Long.parseLong(required(properties, "national.regional.round.to")),
                Integer.parseInt(required(properties, "percent.decimals")),
                new BigDecimal(required(properties, "percent.low.below")));
    }

    private static String required(Properties properties, String name) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Disclosure policy lacks " + name);
        }
        return value.trim();
    }

    /** Whether an LA-level count must be suppressed on its own (primary suppression). */
    public boolean isSmall(long count) {
        return count >= suppressFrom && count <= suppressTo;
    }

    /** The policy as the manifest records it, in words and figures. */
    public Map<String, Object> describe() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("la_counts_suppressed", suppressFrom + " to " + suppressTo + " shown as c");
        description.put("counts_controlled", "counts of children, placements and incidents; counts of homes, places"
                + " and councils (public registers and administrations) are published exactly");
        description.put("secondary_suppression", "within each LA, year and indicator, no line of a filter (its levels and Total)"
                + " holds exactly one suppressed cell; the complement is the smallest non-zero cell of the line");
        description.put("national_regional_counts_rounded_to", roundTo);
        description.put("percent_decimal_places", percentDecimals);
        description.put("percent_from", "unrounded figures; c where numerator or denominator is suppressed");
        description.put("percent_low_symbol_below", lowPercentBelow.toPlainString());
        description.put("median_suppressed_when_values_at_most", suppressTo);
        description.put("symbols", "c suppressed, k positive but rounds to 0, z not applicable, x unavailable (no accepted return)");
        return description;
    }
}
