package uk.gov.childrenshomes.publish.warehouse;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.gov.childrenshomes.publish.tables.Aggregation;
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

    /** Number of parallel JDBC reads of a fact table, split on the responsible LA key. */
    private static final int READ_PARTITIONS = 4;

    /**
     * The unit query of each table: one row per unit with the columns the table's definition names, plus
     * {@code responsible_la_key} to partition the read. Years up to the reporting year ({@code ?} is not allowed
     * in a Spark JDBC table expression, so the year is inlined as an integer).
     */
    private static final Map<String, String> UNIT_QUERIES = Map.of(
            "placement_location", """
                    SELECT f.snapshot_year::int AS time_period, la.new_la_code AS source_la_code, f.child_key,
                           f.placement_group, f.locality, f.distance_band,
                           (f.distance_miles * 10)::bigint AS distance_tenths_of_mile, f.responsible_la_key
                      FROM core.fact_looked_after_31_march f
                      JOIN core.dim_local_authority la ON la.la_key = f.responsible_la_key
                     WHERE f.snapshot_year <= %d""");

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
                "responsible_la_key", 1, maxLaKey(), READ_PARTITIONS, warehouse.jdbcProperties());
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
