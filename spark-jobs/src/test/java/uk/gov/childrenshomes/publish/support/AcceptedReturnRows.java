package uk.gov.childrenshomes.publish.support;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The independent half of the national oracle: the units of every data pack table derived again, in plain SQL,
 * straight from the accepted return rows as loaded (landing.*, ops.submission), the ONSPD postcodes and LA adjacency
 * as loaded, DfE's LA lookup (reference/dfe-geography) and the reorganisations (core.la_succession, reference data).
 * It uses none of the warehouse's functions, procedures, dimensions or facts and none of the Spark job's code: every
 * derivation is written here from shared/docs/domain.md, shared/docs/datapack.md and docs/returns, each step
 * naming the rule it implements. {@link SqlOracle} aggregates the units into cells.
 *
 * <p>{@link #prepare} builds the derived rows as temporary tables of the given connection; {@link #units} are then
 * queries over them, with the columns {@link SqlOracle} expects.
 */
public final class AcceptedReturnRows {

    /**
     * England and Wales bank holidays (gov.uk/bank-holidays) of the calendar years that the 2025 collection year's
     * placements and their 5 working days can fall in. "Working days" of regulation 13(4) are Monday to Friday,
     * excluding these (docs/returns/out-of-area-oversight.md).
     */
    private static final Map<Integer, List<String>> BANK_HOLIDAYS_BY_COLLECTION_YEAR = Map.of(2025, List.of(
            "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26",
            "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"));

    private static final String CHILDRENS_HOMES = "Children's homes (K1, K2)";

    private AcceptedReturnRows() {
    }

    /** A postcode as ONSPD's pcds writes it: upper case, one space before the 3-character inward code. */
    private static String pcds(String column) {
        return "regexp_replace(upper(regexp_replace(" + column + ", '\\s', '', 'g')), '(.{3})$', ' \\1')";
    }

    /** Derives every table's units of collection year {@code year} into temporary tables of {@code connection}. */
    public static void prepare(Connection connection, int year) throws SQLException, IOException {
        List<String> bankHolidays = BANK_HOLIDAYS_BY_COLLECTION_YEAR.get(year);
        if (bankHolidays == null) {
            throw new IllegalArgumentException("No bank holidays listed for collection year " + year);
        }
        LocalDate snapshot = LocalDate.of(year, 3, 31);
        Map<String, String> placeholders = new LinkedHashMap<>(); // :year_start before :year, which it begins with
        placeholders.put(":snapshot", "DATE '" + snapshot + "'");
        placeholders.put(":year_start", "DATE '" + snapshot.minusYears(1).plusDays(1) + "'");
        placeholders.put(":year", Integer.toString(year));
        placeholders.put(":bank_holidays", bankHolidays.stream().map(d -> "DATE '" + d + "'").collect(Collectors.joining(", ")));
        placeholders.put(":childrens_homes", "'" + CHILDRENS_HOMES.replace("'", "''") + "'");
        placeholders.put(":placement_pcds", pcds("e.placement_postcode"));
        placeholders.put(":home_pcds", pcds("e.home_postcode"));
        placeholders.put(":register_pcds", pcds("h.postcode"));
        try (Statement sql = connection.createStatement()) {
            loadDfeGeography(connection, sql);
            for (String derivation : DERIVATIONS) {
                String statement = derivation;
                for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
                    statement = statement.replace(placeholder.getKey(), placeholder.getValue());
                }
                sql.execute(statement);
            }
        }
    }

    /** DfE's LA and region lookups as published (the warehouse was loaded from the same files). */
    private static void loadDfeGeography(Connection connection, Statement sql) throws SQLException, IOException {
        sql.execute("""
                CREATE TEMPORARY TABLE oracle_dfe_la (new_la_code text, la_name text, date_of_operation text,
                    date_of_termination text, parent_geography_code text, entity_code text, entity_description text,
                    status text, old_la_code text)""");
        sql.execute("CREATE TEMPORARY TABLE oracle_dfe_region (region_code text, region_name text)");
        copy(connection, "oracle_dfe_la", "las.csv");
        copy(connection, "oracle_dfe_region", "regions.csv");
    }

    private static void copy(Connection connection, String table, String file) throws SQLException, IOException {
        try (InputStream in = AcceptedReturnRows.class.getResourceAsStream("/reference/dfe-geography/" + file);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " FROM STDIN (FORMAT csv, HEADER true)", reader);
        }
    }

    /** The derivations, in order: one temporary table each (placeholders: see {@link #prepare}). */
    private static final List<String> DERIVATIONS = List.of(
            """
            -- The latest accepted submission of each LA and return wins (domain.md, de-duplication): the highest
            -- submission loaded for the collection year.
            CREATE TEMPORARY TABLE oracle_accepted AS
            SELECT DISTINCT ON (s.la_code, s.return_code) s.submission_id, s.la_code, s.return_code
              FROM ops.submission s
             WHERE s.state = 'loaded' AND s.collection_year = :year
             ORDER BY s.la_code, s.return_code, s.submission_id DESC
            """,
            """
            -- LAs operating on 31 March (datapack.md: "every LA operating in that year, by its code for that year"):
            -- upper-tier LAs of DfE's las.csv (E06, E08, E09, E10) from their date of operation to their termination.
            CREATE TEMPORARY TABLE oracle_operating_la AS
            SELECT l.new_la_code AS la_code, l.la_name, l.parent_geography_code AS region_code, r.region_name
              FROM oracle_dfe_la l JOIN oracle_dfe_region r ON r.region_code = l.parent_geography_code
             WHERE l.new_la_code ~ '^E(06|08|09|10)[0-9]{6}$'
               AND to_date(l.date_of_operation, 'DD/MM/YYYY') <= :snapshot
               AND (l.date_of_termination IS NULL OR to_date(l.date_of_termination, 'DD/MM/YYYY') >= :snapshot)
            """,
            """
            -- Any English LA code to the LA operating on 31 March (domain.md, Geography: join on codes; a predecessor
            -- to successor map so figures survive a reorganisation): the code itself when it operates then, else the
            -- one LA it became (successor in effect by 31 March) or was before (successor not yet in effect). A code
            -- split between several operating LAs has none: its LA is not known.
            CREATE TEMPORARY TABLE oracle_la_on_31_march AS
            WITH candidate AS (
                SELECT new_la_code AS given_code, new_la_code AS candidate_code FROM oracle_dfe_la
                UNION SELECT predecessor_la_code, successor_la_code FROM core.la_succession WHERE effective_date <= :snapshot
                UNION SELECT successor_la_code, predecessor_la_code FROM core.la_succession WHERE effective_date > :snapshot
            )
            SELECT c.given_code,
                   coalesce(min(o.la_code) FILTER (WHERE o.la_code = c.given_code),
                            CASE WHEN count(o.la_code) = 1 THEN min(o.la_code) END) AS la_code
              FROM candidate c LEFT JOIN oracle_operating_la o ON o.la_code = c.candidate_code
             GROUP BY c.given_code
            """,
            """
            -- ONSPD as loaded: postcode to the upper-tier LA (domain.md: ONSPD LA, lower tier, to upper-tier LA: the
            -- county (E10) in two-tier areas, else the district), its country and OS grid reference.
            CREATE TEMPORARY TABLE oracle_postcode AS
            SELECT p.postcode, p.country_code, p.easting, p.northing,
                   CASE WHEN p.country_code <> 'E92000001' THEN 'outside England' END AS outside_england,
                   r.la_code
              FROM landing.onspd_postcode p
              LEFT JOIN oracle_la_on_31_march r
                ON r.given_code = CASE WHEN p.county_code LIKE 'E10%' THEN p.county_code ELSE p.la_district_code END
            """,
            """
            CREATE INDEX ON oracle_postcode (postcode)
            """,
            """
            -- The responsible LA of each accepted LA return: the submitting LA as operating on 31 March.
            CREATE TEMPORARY TABLE oracle_return AS
            SELECT a.submission_id, a.return_code, r.la_code, o.region_code
              FROM oracle_accepted a
              JOIN oracle_la_on_31_march r ON r.given_code = a.la_code
              JOIN oracle_operating_la o ON o.la_code = r.la_code
             WHERE a.return_code IN ('ssda903', 'missing', 'oversight')
            """,
            """
            -- Children looked after at 31 March (datapack.md, placement_location and the children's homes tables).
            -- Episodes are unique by (CHILD, DECOM), the last row winning (domain.md, de-duplication). A child is
            -- looked after at 31 March in an episode begun on or before it and not ceased by it (an episode that
            -- ceased on 31 March has ended); short-break series (LS V3, V4) are excluded from placement counts
            -- (domain.md); a child is counted once (datapack.md), in the latest-starting such episode.
            CREATE TEMPORARY TABLE oracle_looked_after AS
            WITH episode AS (
                SELECT DISTINCT ON (e.submission_id, e.child_pseudonym, e.episode_start)
                       r.la_code, r.region_code, e.child_pseudonym, e.episode_start, e.episode_end,
                       upper(btrim(e.legal_status)) AS legal_status, upper(btrim(e.placement_type)) AS place,
                       :placement_pcds AS placement_postcode, :home_pcds AS home_postcode
                  FROM oracle_return r JOIN landing.ssda903_episode e ON e.submission_id = r.submission_id
                 WHERE r.return_code = 'ssda903'
                 ORDER BY e.submission_id, e.child_pseudonym, e.episode_start, e.row_number DESC
            ), at_31_march AS (
                SELECT DISTINCT ON (la_code, child_pseudonym) *
                  FROM episode
                 WHERE episode_start <= :snapshot AND (episode_end IS NULL OR episode_end > :snapshot)
                   AND coalesce(legal_status, '') NOT IN ('V3', 'V4')
                 ORDER BY la_code, child_pseudonym, episode_start DESC
            )
            SELECT :year AS year, c.la_code, c.region_code, c.child_pseudonym AS child,
                   -- Placement groups: K1, K2 children's homes; U1-U6 foster care (domain.md, PLACE).
                   CASE WHEN c.place IN ('K1', 'K2') THEN :childrens_homes
                        WHEN c.place IN ('U1', 'U2', 'U3', 'U4', 'U5', 'U6') THEN 'Foster care'
                        ELSE 'Other' END AS placement_group,
                   -- Placement LA: PL_POST through ONSPD; Scottish, Welsh, Northern Irish postcodes are outside
                   -- England; an unknown postcode (or an LA not resolvable on 31 March) is not known.
                   CASE WHEN pl.outside_england IS NOT NULL THEN 'outside England' ELSE pl.la_code END AS placement_la,
                   -- Distance in miles: sqrt((E_home - E_pl)^2 + (N_home - N_pl)^2) / 1000 / 1.6093, 1 dp; not known
                   -- when either postcode is not in ONSPD.
                   round(sqrt(power(home.easting::numeric - pl.easting, 2) + power(home.northing::numeric - pl.northing, 2))
                         / 1000 / 1.6093, 1) AS distance_miles
              FROM at_31_march c
              LEFT JOIN oracle_postcode pl ON pl.postcode = c.placement_postcode
              LEFT JOIN oracle_postcode home ON home.postcode = c.home_postcode
            """,
            """
            -- Children in children's homes at 31 March, with the LA of the home (where the placement postcode lies).
            -- Relation (datapack.md, children_in_homes_by_area): placed by this LA when the home is in the placing
            -- LA's area, by another LA when in another LA's area or outside England, not known when its area is not.
            CREATE TEMPORARY TABLE oracle_in_homes AS
            SELECT c.year, c.child, c.la_code AS placing_code, c.region_code AS placing_region, c.placement_la,
                   host.la_code AS host_code, host.region_code AS host_region, host.la_name AS host_la_name,
                   host.region_name AS host_region_name,
                   CASE WHEN c.placement_la IS NULL THEN 'Not known'
                        WHEN c.placement_la = c.la_code THEN 'Placed by this LA'
                        ELSE 'Placed by another LA' END AS relation
              FROM oracle_looked_after c
              LEFT JOIN oracle_operating_la host ON host.la_code = c.placement_la
             WHERE c.placement_group = :childrens_homes
            """,
            """
            -- Missing incidents (docs/returns/missing-episodes.md): unique by (CHILD, MISSING_FROM, MIS_START), the
            -- last row winning (domain.md, de-duplication); each belongs to the collection year of its return, which
            -- holds only incidents started in the year (rule MIS-06).
            CREATE TEMPORARY TABLE oracle_incident AS
            WITH incident AS (
                SELECT DISTINCT ON (m.submission_id, m.child_pseudonym, upper(btrim(m.missing_from)), m.mis_start)
                       r.la_code, r.region_code, m.*
                  FROM oracle_return r JOIN landing.missing_incident m ON m.submission_id = r.submission_id
                 WHERE r.return_code = 'missing'
                 ORDER BY m.submission_id, m.child_pseudonym, upper(btrim(m.missing_from)), m.mis_start, m.row_number DESC
            )
            SELECT :year AS year, la_code, region_code, child_pseudonym AS child,
                   CASE upper(btrim(missing_from)) WHEN 'HOME' THEN 'Home' ELSE 'Care' END AS missing_from,
                   -- Care location: Out of area when PLACED_OUT_OF_AREA = Y, In area when N, Not applicable for HOME.
                   CASE WHEN upper(btrim(missing_from)) = 'HOME' THEN 'Not applicable'
                        WHEN upper(btrim(placed_out_of_area)) = 'Y' THEN 'Out of area' ELSE 'In area' END AS care_location,
                   CASE upper(btrim(missing_type)) WHEN 'A' THEN 'Away without authorisation' ELSE 'Missing' END AS missing_type,
                   -- Duration = MIS_END - MIS_START (exact, in seconds); incidents still open have none.
                   mis_end IS NULL AS is_still_missing,
                   extract(epoch FROM mis_end - mis_start) AS duration_seconds,
                   upper(btrim(rhi_offered)) IS NOT DISTINCT FROM 'Y' AS rhi_offered,
                   upper(btrim(rhi_accepted)) IS NOT DISTINCT FROM 'Y' AS rhi_accepted,
                   upper(btrim(rhi_accepted)) IS NOT DISTINCT FROM 'N' AS rhi_declined,
                   rhi_completed_datetime IS NOT NULL AS rhi_completed,
                   -- Within 72 hours: completed no later than 72 hours after MIS_END (domain.md, RHI timeliness).
                   coalesce(rhi_completed_datetime <= mis_end + INTERVAL '72 hours', false) AS rhi_within_72_hours
              FROM incident
            """,
            """
            -- Out-of-area placements started in the year (docs/returns/out-of-area-oversight.md), unique by
            -- (CHILD, DECOM), the last row winning.
            CREATE TEMPORARY TABLE oracle_out_of_area AS
            WITH placement AS (
                SELECT DISTINCT ON (o.submission_id, o.child_pseudonym, o.decom)
                       r.la_code, r.region_code, o.*, upper(btrim(o.place)) AS place_code,
                       upper(btrim(o.approved_by)) AS approver, upper(btrim(o.emergency)) = 'Y' AS is_emergency,
                       upper(btrim(o.host_notified)) = 'Y' AS is_host_notified
                  FROM oracle_return r JOIN landing.oversight_placement o ON o.submission_id = r.submission_id
                 WHERE r.return_code = 'oversight'
                 ORDER BY o.submission_id, o.child_pseudonym, o.decom, o.row_number DESC
            ), adjacency AS (
                -- LA adjacency as loaded (the accepted la_adjacency file), read both ways round.
                SELECT upper(btrim(a.la_code)) AS la_code, upper(btrim(a.adjacent_la_code)) AS adjacent_la_code
                  FROM oracle_accepted s JOIN landing.la_adjacency a ON a.submission_id = s.submission_id
                 WHERE s.return_code = 'la_adjacency'
                UNION
                SELECT upper(btrim(a.adjacent_la_code)), upper(btrim(a.la_code))
                  FROM oracle_accepted s JOIN landing.la_adjacency a ON a.submission_id = s.submission_id
                 WHERE s.return_code = 'la_adjacency'
            ), working_day AS (
                -- Monday to Friday except England and Wales bank holidays.
                SELECT d::date AS day
                  FROM generate_series(:year_start - 1, :snapshot + 30, INTERVAL '1 day') d
                 WHERE extract(isodow FROM d) < 6 AND d::date NOT IN (:bank_holidays)
            )
            SELECT :year AS year, p.la_code, p.region_code, p.child_pseudonym AS child,
                   CASE WHEN p.place_code IN ('K1', 'K2') THEN :childrens_homes
                        WHEN p.place_code IN ('U1', 'U2', 'U3', 'U4', 'U5', 'U6') THEN 'Foster care'
                        ELSE 'Other' END AS placement_group,
                   -- At a distance (domain.md): outside the responsible LA and not in an adjoining LA; every
                   -- placement outside England is at a distance.
                   CASE WHEN EXISTS (SELECT 1 FROM adjacency a WHERE a.la_code = p.la_code
                                                                 AND a.adjacent_la_code = upper(btrim(p.host_la)))
                        THEN 'Adjoining LA' ELSE 'At a distance' END AS distance_type,
                   -- Approved: by a nominated officer, or by the DCS above them; at a distance the DCS must approve.
                   coalesce(p.approver IN ('NOM', 'DCS'), false) AS is_approved,
                   coalesce(p.approver = 'DCS', false) AS is_approved_by_dcs,
                   p.is_host_notified AS host_notified,
                   -- Host notified in time (reg 13(4)): before placing, so on or before DECOM; in an emergency no
                   -- later than the 5th working day after DECOM.
                   p.is_host_notified AND p.host_notified_date <= CASE WHEN NOT p.is_emergency THEN p.decom
                       ELSE (SELECT w.day FROM working_day w WHERE w.day > p.decom ORDER BY w.day OFFSET 4 LIMIT 1) END
                       AS host_notified_in_time,
                   -- Admission notified by the home: for K1/K2 placements only (null for any other placement).
                   CASE WHEN p.place_code IN ('K1', 'K2') THEN p.admission_notice_date IS NOT NULL END AS admission_notified
              FROM placement p
            """,
            """
            -- Children's homes (datapack.md, homes_by_area) on the accepted Ofsted register of the year, one per URN
            -- (the last row winning): every home on the register at some time in the year, that is registered by
            -- 31 March (no registration date: registered) and not closed before the year began.
            CREATE TEMPORARY TABLE oracle_home AS
            WITH register AS (
                SELECT DISTINCT ON (upper(btrim(h.urn))) h.*, upper(btrim(h.urn)) AS home_urn, :register_pcds AS home_postcode
                  FROM oracle_accepted a JOIN landing.ofsted_children_home h ON h.submission_id = a.submission_id
                 WHERE a.return_code = 'ofsted_register' AND h.provider_type ~* '^children.?s home$'
                 ORDER BY upper(btrim(h.urn)), h.row_number DESC
            )
            SELECT :year AS year, host.la_code, host.region_code, r.home_urn AS urn,
                   -- Sector as Ofsted gives it.
                   CASE lower(btrim(r.sector)) WHEN 'local authority' THEN 'Local authority' WHEN 'private' THEN 'Private'
                        WHEN 'voluntary' THEN 'Voluntary' WHEN 'health authority' THEN 'Health authority'
                        ELSE 'Not known' END AS sector,
                   -- Secure children's homes are Ofsted's subtype Secure Unit.
                   CASE WHEN r.provider_subtype ~* 'secure' THEN 'Secure children''s home' ELSE 'Children''s home' END AS home_type,
                   -- Ofsted's judgement of the latest full inspection ("Requires improvement to be good" is
                   -- Requires improvement); none yet: Not yet inspected.
                   CASE WHEN r.overall_effectiveness ~* '^\\s*outstanding' THEN 'Outstanding'
                        WHEN r.overall_effectiveness ~* '^\\s*good' THEN 'Good'
                        WHEN r.overall_effectiveness ~* '^\\s*requires improvement' THEN 'Requires improvement'
                        WHEN r.overall_effectiveness ~* '^\\s*inadequate' THEN 'Inadequate'
                        ELSE 'Not yet inspected' END AS overall_effectiveness,
                   coalesce(r.places, 0) AS places,
                   coalesce(r.registration_date <= :snapshot, true)
                       AND (r.closed_date IS NULL OR r.closed_date > :snapshot) AS is_open_at_31_march,
                   coalesce(r.registration_date BETWEEN :year_start AND :snapshot, false) AS opened_in_year,
                   coalesce(r.closed_date BETWEEN :year_start AND :snapshot, false) AS closed_in_year
              FROM register r
              -- The host LA: where the home's postcode lies (ONSPD), else the LA Ofsted names, operating on 31 March.
              LEFT JOIN oracle_postcode p ON p.postcode = r.home_postcode AND p.outside_england IS NULL
              LEFT JOIN oracle_operating_la named ON lower(named.la_name) = lower(btrim(r.local_authority_name))
              LEFT JOIN oracle_operating_la host ON host.la_code = coalesce(p.la_code, named.la_code)
             WHERE coalesce(r.registration_date <= :snapshot, true)
               AND (r.closed_date IS NULL OR r.closed_date >= :year_start)
            """);

    /** The units of {@code table} over the derived rows, with the columns {@link SqlOracle} aggregates. */
    public static String units(String table) {
        return switch (table) {
            case "homes_by_area" -> "SELECT * FROM oracle_home";
            case "children_in_homes_by_area" -> """
                    SELECT year, host_code AS la_code, host_region AS region_code, child, relation, 'host' AS role
                      FROM oracle_in_homes WHERE host_code IS NOT NULL
                    UNION ALL
                    SELECT year, placing_code, placing_region, child, relation, 'placing' FROM oracle_in_homes""";
            case "home_placements_flow" -> """
                    SELECT year, placing_code AS la_code, placing_region AS region_code, child,
                           CASE WHEN placement_la = 'outside England' THEN 'Outside England'
                                ELSE coalesce(host_region_name, 'Not known') END AS host_region_name,
                           CASE WHEN placement_la = 'outside England' THEN 'Outside England'
                                ELSE coalesce(host_la_name, 'Not known') END AS host_la_name
                      FROM oracle_in_homes""";
            // Locality: inside the boundary when the placement LA is the responsible LA, outside when another LA
            // or outside England, not known when the postcode is not; bands of the 1-dp distance (domain.md).
            case "placement_location" -> """
                    SELECT year, la_code, region_code, child, placement_group, distance_miles,
                           CASE WHEN placement_la IS NULL THEN 'Not known'
                                WHEN placement_la = la_code THEN 'Inside boundary' ELSE 'Outside boundary' END AS locality,
                           CASE WHEN distance_miles IS NULL THEN 'Not known'
                                WHEN distance_miles <= 20 THEN '20 miles or less' ELSE 'Over 20 miles' END AS distance_band
                      FROM oracle_looked_after""";
            case "out_of_area_oversight" -> "SELECT * FROM oracle_out_of_area";
            case "missing_incidents", "return_interviews", "return_interview_offer_by_la" -> "SELECT * FROM oracle_incident";
            default -> throw new IllegalArgumentException("No units for table " + table);
        };
    }
}
