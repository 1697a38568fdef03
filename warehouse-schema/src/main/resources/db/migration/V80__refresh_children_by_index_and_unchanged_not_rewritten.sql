-- Per-submission costs of the refresh procedures that grew with the national warehouse or with the rows of a
-- submission more than they need to (EXPLAIN ANALYZE and pg_stat_statements of a national ingest at scale 1, 244k
-- children in core.dim_child):
-- 1. Each fact INSERT found its children by hashing the whole of core.dim_child (103 ms for the largest LA's 5,862
--    episodes; ten times that at scale 10, and again for every LA and return). The child is now looked up by its
--    pseudonym's unique index, row by row (9 µs a row), whatever the size of the dimension. OFFSET 0 keeps the
--    lookup a lateral subquery the planner cannot turn back into a join over the whole dimension.
-- 2. core.la_key_on ran once per episode, incident and out-of-area placement (363,729 calls in a national ingest,
--    the most called statement); each LA code a submission names is now resolved once per statement.
-- 3. core.merge_children and core.merge_postcode_sectors rewrote every child and sector a submission names though
--    most are unchanged (a missing or oversight return changes no child its SSDA903 return gave): they now write
--    only what changes.
-- Everything else in the bodies below is as V39/V42/V72 left it; the facts of every LA were compared before and
-- after on a national year.

CREATE OR REPLACE FUNCTION core.merge_children(submission_id bigint)
 RETURNS void
 LANGUAGE sql
AS $function$
    INSERT INTO core.dim_child (child_pseudonym, responsible_la_code, birth_month, sex_code, sex, ethnicity_code)
    SELECT DISTINCT ON (r.child_pseudonym)
           r.child_pseudonym, s.la_code, date_trunc('month', r.date_of_birth)::date, nullif(btrim(r.sex), ''),
           core.sex_from_code(r.sex), nullif(btrim(r.ethnicity), '')
      FROM ops.submission s
      JOIN (SELECT h.submission_id, h.row_number, h.child_pseudonym, h.date_of_birth, h.sex, h.ethnicity, 1 AS detail
              FROM landing.ssda903_header h
            UNION ALL
            SELECT m.submission_id, m.row_number, m.child_pseudonym, m.date_of_birth, NULL, NULL, 2
              FROM landing.missing_incident m
            UNION ALL
            SELECT e.submission_id, e.row_number, e.child_pseudonym, NULL, NULL, NULL, 3
              FROM landing.ssda903_episode e
            UNION ALL
            SELECT o.submission_id, o.row_number, o.child_pseudonym, NULL, NULL, NULL, 3
              FROM landing.oversight_placement o) r ON r.submission_id = s.submission_id
     WHERE s.submission_id = merge_children.submission_id
     ORDER BY r.child_pseudonym, r.detail, r.row_number DESC
    ON CONFLICT (child_pseudonym) DO UPDATE SET
        birth_month = coalesce(EXCLUDED.birth_month, core.dim_child.birth_month),
        sex_code = coalesce(EXCLUDED.sex_code, core.dim_child.sex_code),
        sex = CASE WHEN EXCLUDED.sex_code IS NULL THEN core.dim_child.sex ELSE EXCLUDED.sex END,
        ethnicity_code = coalesce(EXCLUDED.ethnicity_code, core.dim_child.ethnicity_code)
    -- Only a child whose details change is written again: most children of a missing or oversight return are
    -- already in the dimension, as their SSDA903 return gave them.
    WHERE (EXCLUDED.birth_month IS NOT NULL AND EXCLUDED.birth_month IS DISTINCT FROM core.dim_child.birth_month)
       OR (EXCLUDED.sex_code IS NOT NULL AND (EXCLUDED.sex_code, EXCLUDED.sex) IS DISTINCT FROM (core.dim_child.sex_code, core.dim_child.sex))
       OR (EXCLUDED.ethnicity_code IS NOT NULL AND EXCLUDED.ethnicity_code IS DISTINCT FROM core.dim_child.ethnicity_code)
$function$;

CREATE OR REPLACE FUNCTION core.merge_postcode_sectors(sectors text[])
 RETURNS void
 LANGUAGE sql
AS $function$
    WITH wanted AS (
        SELECT DISTINCT s AS postcode_sector FROM unnest(sectors) s WHERE s IS NOT NULL
    ), in_onspd AS (
        SELECT DISTINCT ON (counted.postcode_sector) counted.postcode_sector, counted.country_code, counted.upper_tier_la_code
          FROM (SELECT o.postcode_sector, o.country_code, o.upper_tier_la_code, count(*) AS postcodes
                  FROM landing.onspd_postcode o
                 WHERE o.postcode_sector = ANY (sectors)
                 GROUP BY 1, 2, 3) counted
         ORDER BY counted.postcode_sector, counted.postcodes DESC, counted.upper_tier_la_code
    )
    INSERT INTO core.dim_postcode_sector (postcode_sector, postcode_area, postcode_district, la_key, country_code)
    SELECT w.postcode_sector, substring(w.postcode_sector FROM '^[A-Z]+'), split_part(w.postcode_sector, ' ', 1),
           CASE WHEN o.country_code IS NULL THEN -1
                WHEN o.country_code <> 'E92000001' THEN -2
                ELSE core.la_key_on(o.upper_tier_la_code, current_date) END,
           coalesce(o.country_code, 'z')
      FROM wanted w LEFT JOIN in_onspd o ON o.postcode_sector = w.postcode_sector
    ON CONFLICT (postcode_sector) DO UPDATE
        SET la_key = EXCLUDED.la_key, country_code = EXCLUDED.country_code
        WHERE (core.dim_postcode_sector.la_key, core.dim_postcode_sector.country_code)
              IS DISTINCT FROM (EXCLUDED.la_key, EXCLUDED.country_code)
$function$;

CREATE OR REPLACE PROCEDURE core.rebuild_placement_episodes(IN submission_id bigint)
 LANGUAGE plpgsql
AS $procedure$
#variable_conflict use_column
DECLARE
    accepted bigint := core.accepted_submission(submission_id);
    year smallint;
    snapshot date;
    responsible integer;
    responsible_code text;
    postcodes_removed boolean;
BEGIN
    SELECT s.collection_year, make_date(s.collection_year, 3, 31), s.postcodes_removed_at IS NOT NULL
      INTO year, snapshot, postcodes_removed
      FROM ops.submission s WHERE s.submission_id = accepted;
    SELECT s.la_code, core.la_key_on(s.la_code, snapshot) INTO responsible_code, responsible
      FROM ops.submission s WHERE s.submission_id = accepted;

    PERFORM core.merge_children(accepted);
    -- The accepted rows, one per (child, DECOM) (the last row of a key wins), with their postcodes normalised once.
    DROP TABLE IF EXISTS pg_temp.submitted_episode;
    CREATE TEMPORARY TABLE submitted_episode ON COMMIT DROP AS
    SELECT DISTINCT ON (e.child_pseudonym, e.episode_start) e.*,
           upper(nullif(btrim(e.reason_new_episode), '')) AS rne, upper(nullif(btrim(e.legal_status), '')) AS ls,
           upper(nullif(btrim(e.category_of_need), '')) AS cin, upper(nullif(btrim(e.placement_type), '')) AS place,
           upper(nullif(btrim(e.placement_provider), '')) AS provider, upper(nullif(btrim(e.reason_ceased), '')) AS rec,
           upper(nullif(btrim(e.reason_place_change), '')) AS rpc, upper(nullif(btrim(e.urn), '')) AS home_urn,
           p.home_pc, p.placement_pc, core.postcode_sector(p.home_pc) AS home_sector,
           core.postcode_sector(p.placement_pc) AS placement_sector
      FROM landing.ssda903_episode e
     CROSS JOIN LATERAL (SELECT core.normalise_postcode(e.home_postcode) AS home_pc,
                                core.normalise_postcode(e.placement_postcode) AS placement_pc OFFSET 0) p
     WHERE e.submission_id = accepted
     ORDER BY e.child_pseudonym, e.episode_start, e.row_number DESC;
    PERFORM core.merge_postcode_sectors(ARRAY(SELECT home_sector FROM submitted_episode
                                              UNION SELECT placement_sector FROM submitted_episode));

    DROP TABLE IF EXISTS pg_temp.previous_derivation;
    CREATE TEMPORARY TABLE previous_derivation ON COMMIT DROP AS
    SELECT f.source_row_number, f.placement_la_key, f.distance_miles, f.home_postcode_sector_key, f.placement_postcode_sector_key
      FROM core.fact_placement_episode f
     WHERE postcodes_removed AND f.collection_year = year AND f.submission_id = accepted;

    DELETE FROM core.fact_looked_after_31_march f
     WHERE f.snapshot_year = year AND f.submission_id IN (SELECT core.sibling_submissions(accepted));
    DELETE FROM core.fact_placement_episode f
     WHERE f.collection_year = year AND f.submission_id IN (SELECT core.sibling_submissions(accepted));

    INSERT INTO core.fact_placement_episode (
        collection_year, submission_id, source_row_number, responsible_la_key, child_key, episode_start, episode_end,
        episode_start_date_key, episode_end_date_key, reason_new_episode, legal_status, category_of_need, placement_type,
        placement_provider, reason_ceased, reason_place_change, urn, reason_new_episode_key, legal_status_key,
        category_of_need_key, placement_type_key, placement_provider_key, reason_episode_ceased_key,
        reason_place_change_key, childrens_home_key, home_postcode_sector_key, placement_postcode_sector_key,
        placement_la_key, locality, is_adjacent_la, at_a_distance, distance_miles, is_short_break)
    WITH postcoded AS MATERIALIZED (
        SELECT e.*,
               CASE WHEN prev.source_row_number IS NOT NULL THEN prev.placement_la_key
                    WHEN pl.postcode IS NULL THEN -1
                    WHEN pl.country_code <> 'E92000001' THEN -2 END AS known_placement_la_key,
               pl.upper_tier_la_code AS onspd_la_code,
               CASE WHEN prev.source_row_number IS NOT NULL THEN prev.distance_miles
                    WHEN 'N92000002' IN (home.country_code, pl.country_code) THEN NULL
                    ELSE core.distance_miles(home.easting, home.northing, pl.easting, pl.northing) END AS distance_miles,
               coalesce(prev.home_postcode_sector_key, home_sector.postcode_sector_key, -1) AS home_sector_key,
               coalesce(prev.placement_postcode_sector_key, placement_sector.postcode_sector_key, -1) AS placement_sector_key
          FROM submitted_episode e
          LEFT JOIN landing.onspd_postcode home ON home.postcode = e.home_pc
          LEFT JOIN landing.onspd_postcode pl ON pl.postcode = e.placement_pc
          LEFT JOIN core.dim_postcode_sector home_sector ON home_sector.postcode_sector = e.home_sector
          LEFT JOIN core.dim_postcode_sector placement_sector ON placement_sector.postcode_sector = e.placement_sector
          LEFT JOIN previous_derivation prev ON prev.source_row_number = e.row_number
    ), onspd_la AS (
        SELECT c.la_code, core.la_key_on(c.la_code, snapshot) AS la_key
          FROM (SELECT DISTINCT p.onspd_la_code AS la_code FROM postcoded p WHERE p.known_placement_la_key IS NULL) c
    ), located AS (
        SELECT p.*, coalesce(p.known_placement_la_key, k.la_key, core.la_key_on(p.onspd_la_code, snapshot)) AS placement_la_key
          FROM postcoded p
          LEFT JOIN onspd_la k ON k.la_code = p.onspd_la_code
    ), placed AS (
        SELECT l.*,
               CASE WHEN l.placement_la_key = -1 THEN 'Not known'
                    WHEN l.placement_la_key = responsible THEN 'Inside boundary'
                    ELSE 'Outside boundary' END AS locality,
               CASE WHEN l.placement_la_key IN (-1, responsible) THEN NULL
                    ELSE core.la_adjoins(responsible_code, coalesce(pla.new_la_code, l.onspd_la_code)) END AS adjoins
          FROM located l
          LEFT JOIN core.dim_local_authority pla ON pla.la_key = l.placement_la_key AND NOT pla.is_unknown_member
    )
    SELECT year, accepted, p.row_number, responsible, c.child_key, p.episode_start, p.episode_end,
           core.date_key(p.episode_start, -1), core.date_key(p.episode_end),
           p.rne, p.ls, p.cin, p.place, p.provider, p.rec, p.rpc, p.home_urn,
           core.code_key(rne.reason_new_episode_key, p.rne),
           core.code_key(ls.legal_status_key, p.ls),
           core.code_key(cin.category_of_need_key, p.cin),
           core.code_key(pt.placement_type_key, p.place),
           core.code_key(pp.placement_provider_key, p.provider),
           CASE WHEN p.rec IS NULL AND p.episode_end IS NULL THEN -2 ELSE core.code_key(rec.reason_episode_ceased_key, p.rec) END,
           CASE WHEN p.rpc IS NULL AND p.rne NOT IN ('P', 'B') THEN -2 ELSE core.code_key(rpc.reason_place_change_key, p.rpc) END,
           core.childrens_home_key_on(p.home_urn, p.episode_start, coalesce(pt.is_childrens_home, false)),
           p.home_sector_key, p.placement_sector_key, p.placement_la_key, p.locality,
           CASE p.locality WHEN 'Not known' THEN NULL WHEN 'Inside boundary' THEN false ELSE p.adjoins END,
           CASE p.locality WHEN 'Not known' THEN NULL WHEN 'Inside boundary' THEN false ELSE NOT p.adjoins END,
           p.distance_miles, coalesce(ls.is_short_break, false)
      FROM placed p
      CROSS JOIN LATERAL (SELECT c.child_key FROM core.dim_child c WHERE c.child_pseudonym = p.child_pseudonym OFFSET 0) c
      LEFT JOIN core.dim_reason_new_episode rne ON rne.reason_new_episode_code = p.rne
      LEFT JOIN core.dim_legal_status ls ON ls.legal_status_code = p.ls
      LEFT JOIN core.dim_category_of_need cin ON cin.category_of_need_code = p.cin
      LEFT JOIN core.dim_placement_type pt ON pt.placement_type_code = p.place
      LEFT JOIN core.dim_placement_provider pp ON pp.placement_provider_code = p.provider
      LEFT JOIN core.dim_reason_episode_ceased rec ON rec.reason_episode_ceased_code = p.rec
      LEFT JOIN core.dim_reason_place_change rpc ON rpc.reason_place_change_code = p.rpc;

    INSERT INTO core.fact_looked_after_31_march (
        snapshot_year, submission_id, source_row_number, responsible_la_key, child_key, episode_key, placement_type,
        placement_type_key, placement_group, placement_provider_key, legal_status_key, childrens_home_key,
        placement_la_key, locality, at_a_distance, distance_miles, distance_band)
    SELECT DISTINCT ON (f.child_key)
           year, f.submission_id, f.source_row_number, f.responsible_la_key, f.child_key, f.episode_key,
           coalesce(f.placement_type, 'Not known'), f.placement_type_key, pt.placement_group, f.placement_provider_key,
           f.legal_status_key, core.childrens_home_key_on(f.urn, snapshot, pt.is_childrens_home),
           f.placement_la_key, f.locality, f.at_a_distance, f.distance_miles, core.distance_band(f.distance_miles)
      FROM core.fact_placement_episode f
      JOIN core.dim_placement_type pt ON pt.placement_type_key = f.placement_type_key
     WHERE f.collection_year = year AND f.submission_id = accepted
       AND f.episode_start <= snapshot AND (f.episode_end IS NULL OR f.episode_end > snapshot)
       AND NOT f.is_short_break
     ORDER BY f.child_key, f.episode_start DESC, f.source_row_number DESC;
END
$procedure$;

CREATE OR REPLACE PROCEDURE core.rebuild_missing_incidents(IN submission_id bigint)
 LANGUAGE plpgsql
AS $procedure$
#variable_conflict use_column
DECLARE
    accepted bigint := core.accepted_submission(submission_id);
    year smallint;
    snapshot date;
    responsible integer;
BEGIN
    SELECT s.collection_year, make_date(s.collection_year, 3, 31), core.la_key_on(s.la_code, make_date(s.collection_year, 3, 31))
      INTO year, snapshot, responsible
      FROM ops.submission s WHERE s.submission_id = accepted;

    PERFORM core.merge_children(accepted);
    DELETE FROM core.fact_missing_incident f
     WHERE f.collection_year = year AND f.submission_id IN (SELECT core.sibling_submissions(accepted));

    INSERT INTO core.fact_missing_incident (
        collection_year, submission_id, source_row_number, incident_id, responsible_la_key, child_key, missing_from,
        missing_type_code, missing_type, missing_start, missing_end, missing_start_date_key, is_still_missing,
        duration_hours, care_location, host_la_key, rhi_offered, rhi_offered_date, rhi_accepted, rhi_declined,
        rhi_completed, rhi_completed_at, hours_to_rhi, rhi_within_72_hours, rhi_conducted_by_code, rhi_conducted_by)
    WITH incident AS (
        SELECT DISTINCT ON (m.child_pseudonym, upper(btrim(m.missing_from)), m.mis_start) m.*,
               upper(btrim(m.missing_from)) AS from_code, upper(btrim(m.missing_type)) AS type_code,
               upper(nullif(btrim(m.rhi_conducted_by), '')) AS conducted_by_code
          FROM landing.missing_incident m
         WHERE m.submission_id = accepted
         ORDER BY m.child_pseudonym, upper(btrim(m.missing_from)), m.mis_start, m.row_number DESC
    ), host_code AS (
        SELECT c.host_la, core.la_key_on(c.host_la, snapshot) AS la_key
          FROM (SELECT DISTINCT i.host_la FROM incident i WHERE i.from_code = 'CARE') c
    ), hosted AS MATERIALIZED (
        SELECT i.*, CASE WHEN i.from_code = 'CARE' THEN coalesce(h.la_key, core.la_key_on(i.host_la, snapshot)) ELSE -3 END AS host_key
          FROM incident i
          LEFT JOIN host_code h ON h.host_la = i.host_la
    )
    SELECT year, accepted, h.row_number, h.incident_id, responsible, c.child_key,
           CASE h.from_code WHEN 'HOME' THEN 'Home' ELSE 'Care' END,
           h.type_code, CASE h.type_code WHEN 'A' THEN 'Away without authorisation' ELSE 'Missing' END,
           h.mis_start, h.mis_end, core.date_key(h.mis_start::date, -1), h.mis_end IS NULL,
           round((extract(epoch FROM h.mis_end - h.mis_start) / 3600)::numeric, 1),
           CASE WHEN h.from_code = 'HOME' THEN 'Not applicable'
                WHEN upper(btrim(h.placed_out_of_area)) = 'Y' THEN 'Out of area'
                WHEN upper(btrim(h.placed_out_of_area)) = 'N' THEN 'In area'
                WHEN h.host_key = responsible THEN 'In area'
                ELSE 'Out of area' END,
           h.host_key,
           coalesce(upper(btrim(h.rhi_offered)) = 'Y', false), h.rhi_offered_date,
           coalesce(upper(btrim(h.rhi_accepted)) = 'Y', false),
           coalesce(upper(btrim(h.rhi_accepted)) = 'N', false),
           h.rhi_completed_datetime IS NOT NULL, h.rhi_completed_datetime,
           round((extract(epoch FROM h.rhi_completed_datetime - h.mis_end) / 3600)::numeric, 1),
           coalesce(h.rhi_completed_datetime <= h.mis_end + INTERVAL '72 hours', false),
           h.conducted_by_code,
           CASE h.conducted_by_code WHEN 'IND' THEN 'Independent provider'
                                    WHEN 'LAT' THEN 'LA team independent of the child''s case'
                                    WHEN 'SWK' THEN 'The child''s social worker'
                                    WHEN 'OTH' THEN 'Other'
                                    ELSE CASE WHEN h.rhi_completed_datetime IS NULL THEN 'Not applicable' ELSE 'Not known' END END
      FROM hosted h
      CROSS JOIN LATERAL (SELECT c.child_key FROM core.dim_child c WHERE c.child_pseudonym = h.child_pseudonym OFFSET 0) c;
END
$procedure$;

CREATE OR REPLACE PROCEDURE core.refresh_oversight(IN submission_id bigint)
 LANGUAGE plpgsql
AS $procedure$
#variable_conflict use_column
DECLARE
    accepted bigint := core.accepted_submission(submission_id);
    year smallint;
    snapshot date;
    responsible integer;
    responsible_code text;
BEGIN
    SELECT s.collection_year, make_date(s.collection_year, 3, 31), s.la_code
      INTO year, snapshot, responsible_code
      FROM ops.submission s WHERE s.submission_id = accepted;
    responsible := core.la_key_on(responsible_code, snapshot);

    PERFORM core.merge_children(accepted);
    DELETE FROM core.fact_out_of_area_placement f
     WHERE f.collection_year = year AND f.submission_id IN (SELECT core.sibling_submissions(accepted));

    INSERT INTO core.fact_out_of_area_placement (
        collection_year, submission_id, source_row_number, responsible_la_key, child_key, placement_start,
        placement_start_date_key, placement_type, placement_type_key, placement_group, urn, childrens_home_key,
        host_la_key, distance_type, at_a_distance, approved_by_code, approved_by, approval_date, is_approved,
        is_approved_by_dcs, is_approved_as_required, is_emergency, host_notified, host_notified_date,
        host_notification_due_date, host_notified_in_time, admission_notice_date, admission_notified,
        discharge_notice_date)
    WITH placement AS (
        SELECT DISTINCT ON (o.child_pseudonym, o.decom) o.*,
               upper(btrim(o.place)) AS place_code, upper(nullif(btrim(o.urn), '')) AS home_urn,
               upper(nullif(btrim(o.approved_by), '')) AS approver, upper(btrim(o.emergency)) = 'Y' AS emergency_placement
          FROM landing.oversight_placement o
         WHERE o.submission_id = accepted
         ORDER BY o.child_pseudonym, o.decom, o.row_number DESC
    ), host_code AS (
        SELECT c.host_la, core.la_key_on(c.host_la, snapshot) AS la_key
          FROM (SELECT DISTINCT p.host_la FROM placement p) c
    ), assessed AS MATERIALIZED (
        SELECT p.*, pt.placement_type_key, pt.is_childrens_home, pt.placement_group AS group_label,
               host.la_key AS host_key,
               NOT core.la_adjoins(responsible_code, coalesce(host_la.new_la_code, upper(btrim(p.host_la)))) AS distant,
               CASE WHEN p.emergency_placement THEN core.add_working_days(p.decom, 5) ELSE p.decom END AS due_date
          FROM placement p
          LEFT JOIN host_code h ON h.host_la = p.host_la
          CROSS JOIN LATERAL (SELECT coalesce(h.la_key, core.la_key_on(p.host_la, snapshot)) AS la_key) host
          LEFT JOIN core.dim_placement_type pt ON pt.placement_type_code = p.place_code
          LEFT JOIN core.dim_local_authority host_la ON host_la.la_key = host.la_key AND NOT host_la.is_unknown_member
    )
    SELECT year, accepted, a.row_number, responsible, c.child_key, a.decom, core.date_key(a.decom, -1),
           a.place_code, core.code_key(a.placement_type_key, a.place_code), coalesce(a.group_label, 'Other'),
           a.home_urn, core.childrens_home_key_on(a.home_urn, a.decom, coalesce(a.is_childrens_home, false)),
           a.host_key, CASE WHEN a.distant THEN 'At a distance' ELSE 'Adjoining LA' END, a.distant,
           a.approver,
           CASE a.approver WHEN 'NOM' THEN 'Nominated officer' WHEN 'DCS' THEN 'Director of children''s services'
                           ELSE 'No approval recorded' END,
           a.approval_date,
           coalesce(a.approver IN ('NOM', 'DCS'), false),
           coalesce(a.approver = 'DCS', false),
           coalesce(CASE WHEN a.distant THEN a.approver = 'DCS' ELSE a.approver IN ('NOM', 'DCS') END, false),
           a.emergency_placement,
           upper(btrim(a.host_notified)) = 'Y', a.host_notified_date, a.due_date,
           coalesce(upper(btrim(a.host_notified)) = 'Y' AND a.host_notified_date <= a.due_date, false),
           a.admission_notice_date,
           CASE WHEN a.is_childrens_home THEN a.admission_notice_date IS NOT NULL END,
           a.discharge_notice_date
      FROM assessed a
      CROSS JOIN LATERAL (SELECT c.child_key FROM core.dim_child c WHERE c.child_pseudonym = a.child_pseudonym OFFSET 0) c;
END
$procedure$;
