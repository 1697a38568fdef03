package uk.gov.childrenshomes.warehouse.model;

import uk.gov.childrenshomes.warehouse.WarehouseConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What ingest would leave in a warehouse, written straight into it: submissions in {@code ops}, rows in
 * {@code landing}, ONSPD postcodes. One transaction per test, rolled back by {@link #close()}, so the tests of a
 * class never see each other's rows. Procedures are called as ingest calls them.
 */
final class Returns implements AutoCloseable {

    /** Hartlepool, Middlesbrough (adjoins Hartlepool in these tests), Redcar and Cleveland (does not). */
    static final String HARTLEPOOL = "E06000001";
    static final String MIDDLESBROUGH = "E06000002";
    static final String REDCAR = "E06000003";

    private static final AtomicInteger CONTENT = new AtomicInteger();

    private final Connection connection;

    Returns(WarehouseConnection warehouse) throws SQLException {
        connection = warehouse.open();
        connection.setAutoCommit(false);
    }

    Connection connection() {
        return connection;
    }

    /** A loaded submission; returns its id. */
    long submission(String laCode, String returnCode, int year) throws SQLException {
        return submission(laCode, returnCode, year, "loaded");
    }

    long submission(String laCode, String returnCode, int year, String state) throws SQLException {
        return ((Number) value("""
                INSERT INTO ops.submission (la_code, return_code, collection_year, source, content_sha256, content_bytes, state)
                VALUES (?, ?, ?, 'test', lpad(?::text, 64, '0'), 1, ?) RETURNING submission_id""",
                laCode, returnCode, year, CONTENT.incrementAndGet(), state)).longValue();
    }

    /** An ONSPD postcode in an English upper-tier LA (district = upper tier, as for a unitary). */
    void postcode(String postcode, String laCode, int easting, int northing) throws SQLException {
        postcode(postcode, laCode, laCode.startsWith("E") ? "E92000001" : laCode, easting, northing);
    }

    void postcode(String postcode, String districtCode, String countryCode, int easting, int northing) throws SQLException {
        countyPostcode(postcode, districtCode, "E99999999", countryCode, easting, northing);
    }

    /** An ONSPD postcode with its lower-tier district and county (E10 in two-tier areas, a pseudo code elsewhere). */
    void countyPostcode(String postcode, String districtCode, String countyCode, String countryCode, int easting, int northing)
            throws SQLException {
        update("""
                INSERT INTO landing.onspd_postcode (postcode, la_district_code, county_code, country_code, easting, northing)
                VALUES (?, ?, ?, ?, ?, ?)""", postcode, districtCode, countyCode, countryCode, easting, northing);
    }

    /** Loads an adjacency list (pairs la, adjacent) and refreshes core.la_adjacency from it. */
    void adjacency(String... pairs) throws SQLException {
        long submission = submission("national", "la_adjacency", 2025);
        for (int i = 0; i < pairs.length; i += 2) {
            insert("landing.la_adjacency", row("submission_id", submission, "row_number", i / 2 + 1,
                    "la_code", pairs[i], "adjacent_la_code", pairs[i + 1]));
        }
        call("core.refresh_la_adjacency", submission);
    }

    /** An SSDA903 episode: the given columns over a looked-after, non-short-break foster placement. */
    void episode(long submission, int rowNumber, String child, Object... columns) throws SQLException {
        Map<String, Object> row = row("submission_id", submission, "row_number", rowNumber, "child_pseudonym", child,
                "episode_start", LocalDate.of(2024, 1, 10), "reason_new_episode", "S", "legal_status", "C2",
                "category_of_need", "N1", "placement_type", "U4", "placement_provider", "PR1");
        row.putAll(row(columns));
        insert("landing.ssda903_episode", row);
    }

    /** A missing incident from care in area with no interview, overridden by the given columns. */
    void missingIncident(long submission, int rowNumber, String child, Object... columns) throws SQLException {
        Map<String, Object> row = row("submission_id", submission, "row_number", rowNumber, "incident_id", "I" + rowNumber,
                "child_pseudonym", child, "date_of_birth", LocalDate.of(2010, 5, 17), "missing_from", "CARE",
                "missing_type", "M", "mis_start", LocalDateTime.of(2024, 5, 3, 21, 40),
                "mis_end", LocalDateTime.of(2024, 5, 4, 9, 15), "placed_out_of_area", "N", "placing_la", HARTLEPOOL,
                "host_la", HARTLEPOOL, "rhi_offered", "N");
        row.putAll(row(columns));
        insert("landing.missing_incident", row);
    }

    /** An oversight row: a foster placement in Middlesbrough approved by a nominated officer, host told in advance. */
    void oversightPlacement(long submission, int rowNumber, String child, Object... columns) throws SQLException {
        Map<String, Object> row = row("submission_id", submission, "row_number", rowNumber, "child_pseudonym", child,
                "decom", LocalDate.of(2024, 8, 16), "place", "U4", "host_la", MIDDLESBROUGH, "approved_by", "NOM",
                "approval_date", LocalDate.of(2024, 8, 15), "emergency", "N", "host_notified", "Y",
                "host_notified_date", LocalDate.of(2024, 8, 15));
        row.putAll(row(columns));
        insert("landing.oversight_placement", row);
    }

    /** An Ofsted register row of an open private children's home in Middlesbrough judged Good. */
    void registeredHome(long submission, int rowNumber, String urn, Object... columns) throws SQLException {
        Map<String, Object> row = row("submission_id", submission, "row_number", rowNumber, "urn", urn,
                "local_authority_name", "Middlesbrough", "provider_type", "Children's Home",
                "provider_subtype", "Children's Home", "sector", "Private", "registration_date", LocalDate.of(2015, 1, 5),
                "registration_status", "Active", "places", 4, "overall_effectiveness", "Good", "postcode", "TS1 1AA");
        row.putAll(row(columns));
        insert("landing.ofsted_children_home", row);
    }

    void call(String procedure, long submissionId) throws SQLException {
        update("CALL " + procedure + "(?)", submissionId);
    }

    void insert(String table, Map<String, Object> row) throws SQLException {
        update("INSERT INTO " + table + " (" + String.join(", ", row.keySet()) + ") VALUES ("
                + String.join(", ", row.keySet().stream().map(column -> "?").toList()) + ")", row.values().toArray());
    }

    void update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            statement.execute();
        }
    }

    /** The first column of the first row, or null when there is none. */
    Object value(String sql, Object... parameters) throws SQLException {
        List<Map<String, Object>> rows = rows(sql, parameters);
        return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    }

    List<Map<String, Object>> rows(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet result = statement.executeQuery()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.put(result.getMetaData().getColumnLabel(i), javaTime(result.getObject(i)));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static Object javaTime(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return value instanceof java.sql.Timestamp timestamp ? timestamp.toLocalDateTime() : value;
    }

    static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
