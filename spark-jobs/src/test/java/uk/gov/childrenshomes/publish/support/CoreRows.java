package uk.gov.childrenshomes.publish.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes small, realistic core rows straight into a test warehouse: an accepted SSDA903 submission per LA and year,
 * and children looked after at 31 March with their episode, as core.refresh_ssda903 would leave them.
 */
public final class CoreRows {

    /** Children are numbered across every instance, so that pseudonyms never collide within a test warehouse. */
    private static final java.util.concurrent.atomic.AtomicInteger CHILDREN = new java.util.concurrent.atomic.AtomicInteger();

    private final Connection connection;

    public CoreRows(Connection connection) {
        this.connection = connection;
    }

    /** A submission of {@code state} for the LA and year; returns its id. */
    public long submission(String laCode, int year, String state, long received, long rejected) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO ops.submission (la_code, return_code, collection_year, source, content_sha256, content_bytes,
                                            state, rows_received, rows_loaded, rows_rejected)
                VALUES (?, 'ssda903', ?, 'test inbox', ?, 1000, ?, ?, ?, ?) RETURNING submission_id""")) {
            insert.setString(1, laCode);
            insert.setInt(2, year);
            insert.setString(3, sha(laCode + year + state + received));
            insert.setString(4, state);
            insert.setLong(5, received);
            insert.setLong(6, received - rejected);
            insert.setLong(7, rejected);
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** {@code count} error findings of {@code rule} on a submission. */
    public void errors(long submissionId, String rule, int count) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO ops.validation_rule VALUES ('" + rule + "', 'error', true, 'ssda903', 'test rule')"
                    + " ON CONFLICT DO NOTHING");
            statement.execute("INSERT INTO ops.validation_issue (submission_id, file_name, row_number, rule_code, severity, message)"
                    + " SELECT " + submissionId + ", 'episodes.csv', g, '" + rule + "', 'error', 'test' FROM generate_series(1, " + count + ") g");
        }
    }

    /**
     * {@code count} children of the LA looked after at 31 March of {@code year}, placed as given; distances from
     * {@code firstDistance} upwards in steps of 0.1 mile (null: not known).
     */
    public void children(long submissionId, String laCode, int year, int count, String placementType, String group,
                         String locality, Double firstDistance) throws SQLException {
        int laKey = laKey(laCode, year);
        for (int i = 0; i < count; i++) {
            int child = CHILDREN.incrementAndGet();
            Double distance = firstDistance == null ? null : Math.round((firstDistance + i * 0.1) * 10) / 10.0;
            String band = distance == null ? "Not known" : distance <= 20 ? "20 miles or less" : "Over 20 miles";
            long childKey;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO core.dim_child (child_pseudonym, responsible_la_code, birth_month, sex, ethnicity)
                    VALUES (?, ?, DATE '2012-05-01', '1', 'WBRI') RETURNING child_key""")) {
                insert.setString(1, "test-child-" + child);
                insert.setString(2, laCode);
                try (ResultSet rows = insert.executeQuery()) {
                    rows.next();
                    childKey = rows.getLong(1);
                }
            }
            long episodeKey;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO core.fact_placement_episode (submission_id, source_row_number, collection_year,
                        responsible_la_key, child_key, episode_start, legal_status, placement_type, placement_la_key,
                        locality, distance_miles)
                    VALUES (?, ?, ?, ?, ?, DATE '2020-01-01', 'C2', ?, -1, ?, ?) RETURNING episode_key""")) {
                insert.setLong(1, submissionId);
                insert.setInt(2, child);
                insert.setInt(3, year);
                insert.setInt(4, laKey);
                insert.setLong(5, childKey);
                insert.setString(6, placementType);
                insert.setString(7, locality);
                insert.setObject(8, distance == null ? null : java.math.BigDecimal.valueOf(distance));
                try (ResultSet rows = insert.executeQuery()) {
                    rows.next();
                    episodeKey = rows.getLong(1);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO core.fact_looked_after_31_march (snapshot_year, responsible_la_key, child_key, episode_key,
                        placement_type, placement_group, placement_la_key, locality, distance_miles, distance_band)
                    VALUES (?, ?, ?, ?, ?, ?, -1, ?, ?, ?)""")) {
                insert.setInt(1, year);
                insert.setInt(2, laKey);
                insert.setLong(3, childKey);
                insert.setLong(4, episodeKey);
                insert.setString(5, placementType);
                insert.setString(6, group);
                insert.setString(7, locality);
                insert.setObject(8, distance == null ? null : java.math.BigDecimal.valueOf(distance));
                insert.setString(9, band);
                insert.executeUpdate();
            }
        }
    }

    private int laKey(String laCode, int year) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT la_key FROM core.las_operating_in(?) WHERE new_la_code = ?")) {
            select.setInt(1, year);
            select.setString(2, laCode);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalArgumentException(laCode + " does not operate in " + year);
                }
                return rows.getInt(1);
            }
        }
    }

    private static String sha(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
