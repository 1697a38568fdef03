package uk.gov.childrenshomes.publish.support;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes small, realistic core rows straight into a test warehouse, as the refresh procedures would leave them:
 * accepted (or rejected) submissions in ops, children in core.dim_child, and rows of the four core facts that
 * publication reads (docs/architecture.md, "Core contract"), with what their keys need (an episode behind each
 * child at 31 March, a home version behind each home) and unknown members for the dimensions publication does not
 * read.
 */
public final class CoreRows {

    /** Children and source rows are numbered across every instance, so that they never collide in a warehouse. */
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    /** Not known, as the facts hold it for a placement or host LA that could not be derived (key -1). */
    public static final String NOT_KNOWN = null;
    /** A placement in Scotland, Wales or Northern Ireland (key -2). */
    public static final String OUTSIDE_ENGLAND = "outside England";

    private final Connection connection;
    private final Map<String, Integer> laKeys = new HashMap<>();

    public CoreRows(Connection connection) {
        this.connection = connection;
    }

    /** A submission of {@code state} for the LA, return and year; returns its id. */
    public long submission(String laCode, String returnCode, int year, String state, long received, long rejected)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO ops.submission (la_code, return_code, collection_year, source, content_sha256, content_bytes,
                                            state, rows_received, rows_loaded, rows_rejected)
                VALUES (?, ?, ?, 'test inbox', ?, 1000, ?, ?, ?, ?) RETURNING submission_id""")) {
            insert.setString(1, laCode);
            insert.setString(2, returnCode);
            insert.setInt(3, year);
            insert.setString(4, sha(laCode + returnCode + year + state + received + NUMBERS.incrementAndGet()));
            insert.setString(5, state);
            insert.setLong(6, received);
            insert.setLong(7, received - rejected);
            insert.setLong(8, rejected);
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

    /** A new child of the LA; returns its key. */
    public long child(String laCode) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO core.dim_child (child_pseudonym, responsible_la_code, birth_month, sex)
                VALUES (?, ?, DATE '2012-05-01', 'Not known') RETURNING child_key""")) {
            insert.setString(1, "test-child-" + NUMBERS.incrementAndGet());
            insert.setString(2, laCode);
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * {@code count} new children of the LA looked after at 31 March of {@code year}, placed in {@code hostLa}
     * ({@link #NOT_KNOWN}: not known); distances from {@code firstDistance} upwards in steps of 0.1 mile (null:
     * not known).
     */
    public void children(long submissionId, String laCode, int year, int count, String placementType, String group,
                         String hostLa, String locality, Double firstDistance) throws SQLException {
        for (int i = 0; i < count; i++) {
            Double distance = firstDistance == null ? null : Math.round((firstDistance + i * 0.1) * 10) / 10.0;
            lookedAfter(submissionId, laCode, year, child(laCode), placementType, group, hostLa, locality, distance);
        }
    }

    /** One child looked after at 31 March, with the episode (open since 2020) that places them there. */
    public void lookedAfter(long submissionId, String laCode, int year, long childKey, String placementType,
                            String group, String hostLa, String locality, Double distance) throws SQLException {
        String band = distance == null ? "Not known" : distance <= 20 ? "20 miles or less" : "Over 20 miles";
        int row = NUMBERS.incrementAndGet();
        Boolean atADistance = locality.equals("Not known") ? null : distance != null && distance > 20;
        long episodeKey;
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO core.fact_placement_episode (collection_year, submission_id, source_row_number,
                    responsible_la_key, child_key, episode_start, episode_start_date_key, episode_end_date_key,
                    placement_type, reason_new_episode_key, legal_status_key, category_of_need_key, placement_type_key,
                    placement_provider_key, reason_episode_ceased_key, reason_place_change_key, childrens_home_key,
                    home_postcode_sector_key, placement_postcode_sector_key, placement_la_key, locality, at_a_distance,
                    distance_miles, is_short_break)
                VALUES (?, ?, ?, ?, ?, DATE '2020-01-01', 20200101, -2, ?, -1, -1, -1,
                        coalesce((SELECT placement_type_key FROM core.dim_placement_type WHERE placement_type_code = ?), -3),
                        -1, -2, -1, -1, -1, -1, ?, ?, ?, ?, false)
                RETURNING episode_key""")) {
            insert.setInt(1, year);
            insert.setLong(2, submissionId);
            insert.setInt(3, row);
            insert.setInt(4, laKey(laCode, year));
            insert.setLong(5, childKey);
            insert.setString(6, placementType);
            insert.setString(7, placementType);
            insert.setInt(8, hostKey(hostLa, year));
            insert.setString(9, locality);
            insert.setObject(10, atADistance, Types.BOOLEAN);
            insert.setBigDecimal(11, distance == null ? null : BigDecimal.valueOf(distance));
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                episodeKey = rows.getLong(1);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO core.fact_looked_after_31_march (snapshot_year, submission_id, source_row_number,
                    responsible_la_key, child_key, episode_key, placement_type, placement_type_key, placement_group,
                    placement_provider_key, legal_status_key, childrens_home_key, placement_la_key, locality,
                    at_a_distance, distance_miles, distance_band)
                SELECT collection_year, submission_id, source_row_number, responsible_la_key, child_key, episode_key,
                       placement_type, placement_type_key, ?, -1, -1, -1, placement_la_key, locality, at_a_distance,
                       distance_miles, ?
                  FROM core.fact_placement_episode WHERE collection_year = ? AND episode_key = ?""")) {
            insert.setString(1, group);
            insert.setString(2, band);
            insert.setInt(3, year);
            insert.setLong(4, episodeKey);
            insert.executeUpdate();
        }
    }

    /** A missing incident starting in {@code year}; {@code durationHours} null while still missing. */
    public void missingIncident(long submissionId, String laCode, int year, long childKey, String missingFrom,
                                String careLocation, String missingType, Double durationHours, boolean offered,
                                boolean accepted, boolean completed, boolean within72Hours) throws SQLException {
        LocalDateTime start = LocalDateTime.of(year - 1, 6, 1, 20, 0);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO core.fact_missing_incident (collection_year, submission_id, source_row_number,
                    responsible_la_key, child_key, missing_from, care_location, missing_type, missing_start, missing_end,
                    is_still_missing, duration_hours, rhi_offered, rhi_accepted, rhi_declined, rhi_completed,
                    rhi_within_72_hours, incident_id, missing_type_code, missing_start_date_key, host_la_key,
                    rhi_conducted_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'I' || ?, left(?, 1), -1,
                        CASE WHEN ? = 'Home' THEN -3 ELSE -1 END, 'Not applicable')""")) {
            int row = NUMBERS.incrementAndGet();
            insert.setInt(1, year);
            insert.setLong(2, submissionId);
            insert.setInt(3, row);
            insert.setInt(4, laKey(laCode, year));
            insert.setLong(5, childKey);
            insert.setString(6, missingFrom);
            insert.setString(7, careLocation);
            insert.setString(8, missingType);
            insert.setTimestamp(9, Timestamp.valueOf(start));
            insert.setTimestamp(10, durationHours == null ? null
                    : Timestamp.valueOf(start.plusMinutes(Math.round(durationHours * 60))));
            insert.setBoolean(11, durationHours == null);
            insert.setBigDecimal(12, durationHours == null ? null : BigDecimal.valueOf(durationHours));
            insert.setBoolean(13, offered);
            insert.setBoolean(14, offered && accepted);
            insert.setBoolean(15, offered && !accepted);
            insert.setBoolean(16, offered && accepted && completed);
            insert.setBoolean(17, offered && accepted && completed && within72Hours);
            insert.setInt(18, row);
            insert.setString(19, missingType);
            insert.setString(20, missingFrom);
            insert.executeUpdate();
        }
    }

    /** An out-of-area placement started in {@code year}; the admission notice applies to children's homes only. */
    public void outOfAreaPlacement(long submissionId, String laCode, int year, long childKey, String group,
                                   String hostLa, String distanceType, boolean approved, boolean approvedByDcs,
                                   boolean hostNotified, boolean inTime, Boolean admissionNotified) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO core.fact_out_of_area_placement (collection_year, submission_id, source_row_number,
                    responsible_la_key, child_key, placement_group, host_la_key, distance_type, is_approved,
                    is_approved_by_dcs, host_notified, host_notified_in_time, admission_notified, placement_start,
                    placement_start_date_key, placement_type, placement_type_key, childrens_home_key, at_a_distance,
                    approved_by, is_approved_as_required, is_emergency, host_notification_due_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, make_date(? - 1, 6, 1), -1,
                        CASE WHEN ? = 'Children''s homes (K1, K2)' THEN 'K2' ELSE 'U1' END, -1, -1,
                        ? = 'At a distance', 'test', true, false, make_date(? - 1, 6, 8))""")) {
            insert.setInt(1, year);
            insert.setLong(2, submissionId);
            insert.setInt(3, NUMBERS.incrementAndGet());
            insert.setInt(4, laKey(laCode, year));
            insert.setLong(5, childKey);
            insert.setString(6, group);
            insert.setInt(7, hostKey(hostLa, year));
            insert.setString(8, distanceType);
            insert.setBoolean(9, approved);
            insert.setBoolean(10, approvedByDcs);
            insert.setBoolean(11, hostNotified);
            insert.setBoolean(12, hostNotified && inTime);
            insert.setObject(13, admissionNotified, Types.BOOLEAN);
            insert.setInt(14, year);
            insert.setString(15, group);
            insert.setString(16, distanceType);
            insert.setInt(17, year);
            insert.executeUpdate();
        }
    }

    /** A children's home on the register in {@code year}, with its version in core.dim_childrens_home. */
    public void home(long submissionId, int year, String urn, String hostLa, String sector, String homeType,
                     String effectiveness, int places, boolean open, boolean opened, boolean closed) throws SQLException {
        int row = NUMBERS.incrementAndGet();
        try (PreparedStatement insert = connection.prepareStatement("""
                WITH version AS (
                    INSERT INTO core.dim_childrens_home (urn, home_type, sector, host_la_key, places,
                        overall_effectiveness, postcode_sector_key, valid_from, is_current, submission_id,
                        source_row_number)
                    VALUES (?, ?, ?, ?, ?, ?, -1, make_date(? - 1, 4, 1), true, ?, ?) RETURNING *)
                INSERT INTO core.fact_childrens_home_31_march (snapshot_year, childrens_home_key, urn, host_la_key,
                    sector, home_type, overall_effectiveness, places, is_open_at_31_march, opened_in_year,
                    closed_in_year, submission_id, source_row_number)
                SELECT ?, childrens_home_key, urn, host_la_key, sector, home_type, overall_effectiveness, places,
                       ?, ?, ?, submission_id, source_row_number FROM version""")) {
            insert.setString(1, urn);
            insert.setString(2, homeType);
            insert.setString(3, sector);
            insert.setInt(4, laKey(hostLa, year));
            insert.setInt(5, places);
            insert.setString(6, effectiveness);
            insert.setInt(7, year);
            insert.setLong(8, submissionId);
            insert.setInt(9, row);
            insert.setInt(10, year);
            insert.setBoolean(11, open);
            insert.setBoolean(12, opened);
            insert.setBoolean(13, closed);
            insert.executeUpdate();
        }
    }

    private int hostKey(String hostLa, int year) throws SQLException {
        return hostLa == null ? -1 : OUTSIDE_ENGLAND.equals(hostLa) ? -2 : laKey(hostLa, year);
    }

    private int laKey(String laCode, int year) throws SQLException {
        Integer cached = laKeys.get(laCode + year);
        if (cached != null) {
            return cached;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT la_key FROM core.las_operating_in(?) WHERE new_la_code = ?")) {
            select.setInt(1, year);
            select.setString(2, laCode);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalArgumentException(laCode + " does not operate in " + year);
                }
                laKeys.put(laCode + year, rows.getInt(1));
                return rows.getInt(1);
            }
        }
    }

    private static String sha(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
