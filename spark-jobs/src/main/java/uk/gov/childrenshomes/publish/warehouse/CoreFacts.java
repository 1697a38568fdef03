package uk.gov.childrenshomes.publish.warehouse;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.gov.childrenshomes.publish.tables.Aggregation;
import uk.gov.childrenshomes.publish.tables.DataPackTables;
import uk.gov.childrenshomes.publish.tables.LocalAuthority;
import uk.gov.childrenshomes.publish.tables.ReportingGeography;
import uk.gov.childrenshomes.publish.tables.TableDefinition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads of the warehouse: the unit frame of each table from the core facts (a partitioned Spark JDBC read: the
 * facts are the big inputs) and the small reference sets (geography, successions, accepted returns) over plain JDBC.
 */
public final class CoreFacts {

    /** Number of parallel JDBC reads of a fact table, split on the key of the LA a row is attributed to. */
    private static final int READ_PARTITIONS = 4;

    /**
     * Missing incidents, the units of the three missing tables; an incident still open has no duration. Durations are
     * exact (MIS_END - MIS_START in seconds), not the fact's 1-dp hours: a median of rounded durations is not the
     * median duration rounded.
     */
    private static final String MISSING_INCIDENT_UNITS = """
            SELECT m.collection_year::int AS time_period, la.new_la_code AS source_la_code, m.missing_incident_key,
                   m.child_key, m.missing_from, m.care_location, m.missing_type,
                   CASE WHEN NOT m.is_still_missing
                        THEN extract(epoch FROM m.missing_end - m.missing_start)::bigint END AS duration_seconds,
                   m.rhi_offered, m.rhi_accepted, m.rhi_declined, m.rhi_completed, m.rhi_within_72_hours,
                   m.responsible_la_key AS partition_key
              FROM core.fact_missing_incident m
              JOIN core.dim_local_authority la ON la.la_key = m.responsible_la_key
             WHERE m.collection_year <= %d""";

    /** Column of every unit query on which the read is partitioned: the key of the LA the row is attributed to. */
    private static final String PARTITION_COLUMN = "partition_key";

    /**
     * The unit query of each table: one row per unit with the columns the table's definition names, plus
     * {@value #PARTITION_COLUMN}. Years up to the reporting year ({@code ?} is not allowed in a Spark JDBC table
     * expression, so the year is inlined as an integer). Boolean measures are never null, so a condition either
     * counts a unit or not.
     */
    private static final Map<String, String> UNIT_QUERIES = Map.of(
            DataPackTables.HOMES_BY_AREA.name(), """
                    SELECT h.snapshot_year::int AS time_period, la.new_la_code AS source_la_code, h.urn,
                           h.sector, h.home_type, coalesce(h.overall_effectiveness, 'Not yet inspected') AS overall_effectiveness,
                           coalesce(h.is_open_at_31_march, false) AS is_open_at_31_march,
                           coalesce(h.opened_in_year, false) AS opened_in_year,
                           coalesce(h.closed_in_year, false) AS closed_in_year,
                           CASE WHEN h.is_open_at_31_march THEN h.places::bigint END AS places_at_31_march,
                           h.host_la_key AS partition_key
                      FROM core.fact_childrens_home_31_march h
                      JOIN core.dim_local_authority la ON la.la_key = h.host_la_key
                     WHERE h.snapshot_year <= %d""",
            DataPackTables.CHILDREN_IN_HOMES_BY_AREA.name(), """
                    WITH in_homes AS (
                        SELECT f.snapshot_year::int AS time_period, f.child_key, f.responsible_la_key, f.placement_la_key,
                               r.new_la_code AS placing_code, h.new_la_code AS host_code,
                               CASE WHEN f.placement_la_key IN (-1, -3) THEN 'Not known'
                                    WHEN h.new_la_code = r.new_la_code THEN 'Placed by this LA'
                                    ELSE 'Placed by another LA' END AS placing_relation
                          FROM core.fact_looked_after_31_march f
                          JOIN core.dim_local_authority r ON r.la_key = f.responsible_la_key
                          LEFT JOIN core.dim_local_authority h ON h.la_key = f.placement_la_key
                         WHERE f.placement_group = 'Children''s homes (K1, K2)' AND f.snapshot_year <= %d)
                    SELECT time_period, host_code AS source_la_code, child_key, placing_relation,
                           true AS in_area, false AS placed_by_area, placement_la_key AS partition_key
                      FROM in_homes WHERE placement_la_key > 0
                    UNION ALL
                    SELECT time_period, placing_code, child_key, placing_relation,
                           false, true, responsible_la_key
                      FROM in_homes""",
            DataPackTables.HOME_PLACEMENTS_FLOW.name(), """
                    SELECT f.snapshot_year::int AS time_period, r.new_la_code AS source_la_code, f.child_key,
                           coalesce(hr.region_name, 'Not known') AS host_region, coalesce(h.la_name, 'Not known') AS host_la,
                           f.responsible_la_key AS partition_key
                      FROM core.fact_looked_after_31_march f
                      JOIN core.dim_local_authority r ON r.la_key = f.responsible_la_key
                      LEFT JOIN core.dim_local_authority h ON h.la_key = f.placement_la_key
                      LEFT JOIN core.dim_region hr ON hr.region_key = h.region_key
                     WHERE f.placement_group = 'Children''s homes (K1, K2)' AND f.snapshot_year <= %d""",
            DataPackTables.PLACEMENT_LOCATION.name(), """
                    SELECT f.snapshot_year::int AS time_period, la.new_la_code AS source_la_code, f.child_key,
                           f.placement_group, f.locality, f.distance_band,
                           (f.distance_miles * 10)::bigint AS distance_tenths_of_mile, f.responsible_la_key AS partition_key
                      FROM core.fact_looked_after_31_march f
                      JOIN core.dim_local_authority la ON la.la_key = f.responsible_la_key
                     WHERE f.snapshot_year <= %d""",
            DataPackTables.OUT_OF_AREA_OVERSIGHT.name(), """
                    SELECT o.collection_year::int AS time_period, la.new_la_code AS source_la_code,
                           o.out_of_area_placement_key, o.placement_group, o.distance_type,
                           coalesce(o.is_approved, false) AS is_approved,
                           o.distance_type = 'At a distance' AS is_at_a_distance,
                           o.distance_type = 'At a distance' AND coalesce(o.is_approved_by_dcs, false)
                               AS is_at_a_distance_approved_by_dcs,
                           coalesce(o.host_notified, false) AS host_notified,
                           coalesce(o.host_notified_in_time, false) AS host_notified_in_time,
                           o.admission_notified IS NOT NULL AS is_in_childrens_home,
                           coalesce(o.admission_notified, false) AS admission_notified,
                           o.responsible_la_key AS partition_key
                      FROM core.fact_out_of_area_placement o
                      JOIN core.dim_local_authority la ON la.la_key = o.responsible_la_key
                     WHERE o.collection_year <= %d""",
            DataPackTables.MISSING_INCIDENTS.name(), MISSING_INCIDENT_UNITS,
            DataPackTables.RETURN_INTERVIEWS.name(), MISSING_INCIDENT_UNITS,
            DataPackTables.RETURN_INTERVIEW_OFFER_BY_LA.name(), MISSING_INCIDENT_UNITS);

    private final Warehouse warehouse;

    public CoreFacts(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** The unit frame of {@code table} for every year up to {@code reportingYear}. */
    public Dataset<Row> units(SparkSession spark, TableDefinition table, int reportingYear) {
        String query = UNIT_QUERIES.get(table.name());
        if (query == null) {
            throw new IllegalArgumentException("No core fact query for table " + table.name());
        }
        return spark.read().jdbc(warehouse.url(), "(" + query.formatted(reportingYear) + ") units",
                PARTITION_COLUMN, 1, maxLaKey(), READ_PARTITIONS, warehouse.jdbcProperties());
    }

    private int maxLaKey() {
        try (Connection connection = warehouse.open();
             ResultSet rows = connection.createStatement().executeQuery("SELECT max(la_key) FROM core.dim_local_authority")) {
            rows.next();
            return Math.max(2, rows.getInt(1));
        } catch (SQLException e) {
            throw new WarehouseException("Cannot read core.dim_local_authority", e);
        }
    }

    /** The LA-to-reporting-LA mapping of {@code geography} as a frame for {@link Aggregation#toReportingGeography}. */
    public static Dataset<Row> mappingFrame(SparkSession spark, ReportingGeography geography) {
        StructType schema = new StructType()
                .add(Aggregation.TIME_PERIOD, DataTypes.IntegerType, false)
                .add(Aggregation.SOURCE_LA, DataTypes.StringType, false)
                .add(Aggregation.REPORTING_LA, DataTypes.StringType, true)
                .add(Aggregation.REGION, DataTypes.StringType, false);
        List<Row> rows = geography.mappings().stream()
                .map(m -> RowFactory.create(m.year(), m.sourceLaCode(), m.reportingLaCode(), m.regionCode()))
                .toList();
        return spark.createDataFrame(rows, schema);
    }

    /**
     * The reporting geography of {@code reportingYear}: the years of the series are those up to it in which any
     * return was accepted, plus the reporting year itself.
     */
    public ReportingGeography geography(int reportingYear) {
        try (Connection connection = warehouse.open()) {
            List<ReportingGeography.AcceptedReturn> accepted = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT la_code, return_code, collection_year FROM ops.submission
                     WHERE state = 'loaded' AND collection_year <= ?""")) {
                statement.setInt(1, reportingYear);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        accepted.add(new ReportingGeography.AcceptedReturn(rows.getString(1), rows.getString(2), rows.getInt(3)));
                    }
                }
            }
            Map<Integer, List<LocalAuthority>> lasByYear = new TreeMap<>();
            lasByYear.put(reportingYear, lasOperatingIn(connection, reportingYear));
            for (ReportingGeography.AcceptedReturn r : accepted) {
                if (!lasByYear.containsKey(r.year())) {
                    lasByYear.put(r.year(), lasOperatingIn(connection, r.year()));
                }
            }
            Map<String, List<String>> successors = new HashMap<>();
            try (ResultSet rows = connection.createStatement().executeQuery(
                    "SELECT predecessor_la_code, successor_la_code FROM core.la_succession ORDER BY 1, 2")) {
                while (rows.next()) {
                    successors.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getString(2));
                }
            }
            return ReportingGeography.build(reportingYear, lasByYear, successors, accepted);
        } catch (SQLException e) {
            throw new WarehouseException("Cannot read the geography of " + reportingYear, e);
        }
    }

    private static List<LocalAuthority> lasOperatingIn(Connection connection, int year) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT la.new_la_code, la.old_la_code, la.la_name, r.region_code, r.region_name
                  FROM core.las_operating_in(?) la JOIN core.dim_region r ON r.region_key = la.region_key
                 ORDER BY la.new_la_code""")) {
            statement.setInt(1, year);
            List<LocalAuthority> las = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    las.add(new LocalAuthority(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5)));
                }
            }
            return las;
        }
    }
}
