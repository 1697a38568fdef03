package uk.gov.childrenshomes.publish.support;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test oracle's aggregation: every table of the data pack computed in plain PostgreSQL from a relation of its
 * units, from the rules of shared/docs/datapack.md, sharing no code with the Spark job (no table definitions, no unit
 * queries, no aggregation). Two sources give the units: {@link #coreFactUnits} reads the core facts the warehouse
 * derived (OracleAgreementTest), {@link AcceptedReturnRows} derives them itself from the accepted return rows
 * (NationalOracleSlowTest). Geography is England, the region and the LA of each unit as operating in its year;
 * filter Totals come from GROUP BY CUBE.
 *
 * <p>A unit relation has the columns {@code year, la_code, region_code} (a unit without a region counts only for
 * England), the table's filters and the columns its aggregates below name. Each result maps a cell,
 * "year|level|area|filter levels...", to its figures before any rounding or suppression: counts and sums as longs,
 * medians as exact decimals, and for each median the number of values behind it under "&lt;median&gt;_basis".
 * Medians of 1-dp values are exact to 2 dp (a value or a half-way point).
 */
public final class SqlOracle {

    /** One table: its filters and aggregates over its units. */
    private record Table(List<String> filters, Map<String, String> aggregates) {
    }

    private static final String LOOKED_AFTER = """
            SELECT f.snapshot_year AS year, la.new_la_code AS la_code, r.region_code, f.child_key AS child, f.*
              FROM core.fact_looked_after_31_march f
              JOIN core.dim_local_authority la ON la.la_key = f.responsible_la_key
              LEFT JOIN core.dim_region r ON r.region_key = la.region_key AND la.la_key > 0""";

    private static final String INCIDENTS = """
            SELECT m.collection_year AS year, la.new_la_code AS la_code, r.region_code, m.child_key AS child,
                   extract(epoch FROM m.missing_end - m.missing_start) AS duration_seconds, m.*
              FROM core.fact_missing_incident m
              JOIN core.dim_local_authority la ON la.la_key = m.responsible_la_key
              LEFT JOIN core.dim_region r ON r.region_key = la.region_key AND la.la_key > 0""";

    /** Children in children's homes with their responsible LA and the LA of the home (null when not an English LA). */
    private static final String IN_HOMES = """
            WITH in_homes AS (
            SELECT f.snapshot_year AS year, f.child_key AS child, resp.new_la_code AS placing_code, rr.region_code AS placing_region,
                   CASE WHEN f.placement_la_key > 0 THEN host.new_la_code END AS host_code, hr.region_code AS host_region_code,
                   CASE WHEN f.placement_la_key = -2 THEN 'Placed by another LA'
                        WHEN f.placement_la_key < 0 THEN 'Not known'
                        WHEN host.new_la_code = resp.new_la_code THEN 'Placed by this LA'
                        ELSE 'Placed by another LA' END AS relation,
                   CASE WHEN f.placement_la_key = -2 THEN 'Outside England' WHEN f.placement_la_key < 0 THEN 'Not known'
                        ELSE hrn.region_name END AS host_region_name,
                   CASE WHEN f.placement_la_key = -2 THEN 'Outside England' WHEN f.placement_la_key = -3 THEN 'Not applicable'
                        WHEN f.placement_la_key < 0 THEN 'Not known' ELSE host.la_name END AS host_la_name
              FROM core.fact_looked_after_31_march f
              JOIN core.dim_local_authority resp ON resp.la_key = f.responsible_la_key
              JOIN core.dim_region rr ON rr.region_key = resp.region_key
              JOIN core.dim_local_authority host ON host.la_key = f.placement_la_key
              LEFT JOIN core.dim_region hr ON hr.region_key = host.region_key AND f.placement_la_key > 0
              LEFT JOIN core.dim_region hrn ON hrn.region_key = host.region_key
             WHERE f.placement_group = 'Children''s homes (K1, K2)')
            """;

    /** The units of each table read from the core facts. */
    private static final Map<String, String> CORE_FACT_UNITS = Map.of(
            "homes_by_area", """
                    SELECT h.snapshot_year AS year, la.new_la_code AS la_code, r.region_code, h.*
                      FROM core.fact_childrens_home_31_march h
                      JOIN core.dim_local_authority la ON la.la_key = h.host_la_key
                      LEFT JOIN core.dim_region r ON r.region_key = la.region_key AND la.la_key > 0""",
            "children_in_homes_by_area", IN_HOMES + """
                    SELECT year, host_code AS la_code, host_region_code AS region_code, child, relation, 'host' AS role
                      FROM in_homes WHERE host_code IS NOT NULL
                    UNION ALL
                    SELECT year, placing_code, placing_region, child, relation, 'placing' FROM in_homes""",
            "home_placements_flow", IN_HOMES + """
                    SELECT year, placing_code AS la_code, placing_region AS region_code, child, host_region_name,
                           host_la_name FROM in_homes""",
            "placement_location", LOOKED_AFTER,
            "out_of_area_oversight", """
                    SELECT o.collection_year AS year, la.new_la_code AS la_code, r.region_code, o.*
                      FROM core.fact_out_of_area_placement o
                      JOIN core.dim_local_authority la ON la.la_key = o.responsible_la_key
                      LEFT JOIN core.dim_region r ON r.region_key = la.region_key AND la.la_key > 0""",
            "missing_incidents", INCIDENTS,
            "return_interviews", INCIDENTS,
            "return_interview_offer_by_la", INCIDENTS);

    private static final Map<String, Table> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("homes_by_area", new Table(
                List.of("sector", "home_type", "overall_effectiveness"), aggregates(
                "homes_at_31_march", "count(DISTINCT urn) FILTER (WHERE is_open_at_31_march)",
                "places_at_31_march", "coalesce(sum(places) FILTER (WHERE is_open_at_31_march), 0)",
                "homes_opened", "count(DISTINCT urn) FILTER (WHERE opened_in_year)",
                "homes_closed", "count(DISTINCT urn) FILTER (WHERE closed_in_year)")));
        TABLES.put("children_in_homes_by_area", new Table(
                List.of("relation"), aggregates(
                "children_in_homes_in_area", "count(DISTINCT child) FILTER (WHERE role = 'host')",
                "children_placed_in_homes", "count(DISTINCT child) FILTER (WHERE role = 'placing')")));
        TABLES.put("home_placements_flow", new Table(
                List.of("host_region_name", "host_la_name"), aggregates(
                "children_in_homes", "count(DISTINCT child)")));
        TABLES.put("placement_location", new Table(
                List.of("placement_group", "locality", "distance_band"), aggregates(
                "children_at_31_march", "count(DISTINCT child)",
                "median_distance_miles", "percentile_cont(0.5) WITHIN GROUP (ORDER BY distance_miles)",
                "median_distance_miles_basis", "count(distance_miles)")));
        TABLES.put("out_of_area_oversight", new Table(
                List.of("placement_group", "distance_type"), aggregates(
                "placements_started", "count(*)",
                "approved", "count(*) FILTER (WHERE is_approved)",
                "placements_at_a_distance", "count(*) FILTER (WHERE distance_type = 'At a distance')",
                "approved_by_dcs", "count(*) FILTER (WHERE distance_type = 'At a distance' AND is_approved_by_dcs)",
                "host_notified", "count(*) FILTER (WHERE host_notified)",
                "host_notified_in_time", "count(*) FILTER (WHERE host_notified_in_time)",
                "placements_in_childrens_homes", "count(admission_notified)",
                "admission_notified", "count(*) FILTER (WHERE admission_notified)")));
        TABLES.put("missing_incidents", new Table(
                List.of("missing_from", "care_location", "missing_type"), aggregates(
                "incidents", "count(*)",
                "children", "count(DISTINCT child)",
                "median_duration_hours", "(percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_seconds) FILTER (WHERE NOT is_still_missing))::numeric / 3600",
                "median_duration_hours_basis", "count(duration_seconds) FILTER (WHERE NOT is_still_missing)")));
        TABLES.put("return_interviews", new Table(
                List.of("missing_from", "care_location"), aggregates(
                "incidents", "count(*)",
                "interviews_offered", "count(*) FILTER (WHERE rhi_offered)",
                "interviews_accepted", "count(*) FILTER (WHERE rhi_accepted)",
                "interviews_completed", "count(*) FILTER (WHERE rhi_completed)",
                "completed_within_72_hours", "count(*) FILTER (WHERE rhi_within_72_hours)",
                "interviews_declined", "count(*) FILTER (WHERE rhi_declined)")));
        TABLES.put("return_interview_offer_by_la", new Table(
                List.of("missing_from"), aggregates(
                "incidents", "count(*)",
                "incidents_offered", "count(*) FILTER (WHERE rhi_offered)",
                "las_with_incidents", "count(DISTINCT la_code)",
                "las_offering_interviews", "count(DISTINCT la_code) FILTER (WHERE rhi_offered)")));
    }

    private SqlOracle() {
    }

    private static Map<String, String> aggregates(String... nameAndSql) {
        Map<String, String> aggregates = new LinkedHashMap<>();
        for (int i = 0; i < nameAndSql.length; i += 2) {
            aggregates.put(nameAndSql[i], nameAndSql[i + 1]);
        }
        return aggregates;
    }

    public static List<String> tables() {
        return List.copyOf(TABLES.keySet());
    }

    /** The units of {@code table} as the core facts hold them. */
    public static String coreFactUnits(String table) {
        return CORE_FACT_UNITS.get(table);
    }

    /** Every cell of {@code table} with at least one of the {@code units} (a query), keyed "year|level|area|levels...". */
    public static Map<String, Map<String, Object>> cells(Connection connection, String table, String units)
            throws SQLException {
        Table definition = TABLES.get(table);
        List<String> filterLevels = definition.filters().stream()
                .map(f -> "CASE WHEN GROUPING(" + f + ") = 1 THEN 'Total' ELSE " + f + " END").toList();
        List<String> aggregates = new ArrayList<>();
        definition.aggregates().forEach((name, sql) -> aggregates.add(sql + " AS " + name));
        String sql = """
                WITH units AS (%s),
                geography AS (
                    SELECT 'National' AS level, 'E92000001' AS area, u.* FROM units u
                    UNION ALL SELECT 'Regional', u.region_code, u.* FROM units u WHERE u.region_code IS NOT NULL
                    UNION ALL SELECT 'Local authority', u.la_code, u.* FROM units u WHERE u.region_code IS NOT NULL)
                SELECT year, level, area, %s, %s
                  FROM geography
                 GROUP BY year, level, area, CUBE (%s)""".formatted(units, String.join(", ", filterLevels),
                String.join(", ", aggregates), String.join(", ", definition.filters()));
        Map<String, Map<String, Object>> cells = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            int firstAggregate = 4 + definition.filters().size();
            while (rows.next()) {
                List<String> key = new ArrayList<>();
                for (int i = 1; i < firstAggregate; i++) {
                    key.add(rows.getString(i));
                }
                Map<String, Object> figures = new LinkedHashMap<>();
                for (int i = firstAggregate; i <= meta.getColumnCount(); i++) {
                    Object value = rows.getObject(i);
                    figures.put(meta.getColumnLabel(i), value instanceof Double d ? OracleComparison.median(BigDecimal.valueOf(d))
                            : value instanceof BigDecimal exact ? OracleComparison.median(exact)
                            : value == null ? null : ((Number) value).longValue());
                }
                cells.put(String.join("|", key), figures);
            }
        }
        return cells;
    }
}
