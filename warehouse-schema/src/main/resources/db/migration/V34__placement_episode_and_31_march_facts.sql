-- SSDA903 facts: every episode of the accepted submission of each LA and year, and the children looked after at
-- 31 March (the periodic snapshot the data pack counts), with placement LA, locality, adjacency and distance
-- derived exactly as domain.md states. core.refresh_ssda903 rebuilds one LA and year set-based.

-- Yearly partitions of a fact partitioned by reporting year, plus a default partition for any other year.
CREATE PROCEDURE core.add_year_partitions(parent_table text, first_year integer, last_year integer)
LANGUAGE plpgsql AS $$
BEGIN
    FOR y IN first_year..last_year LOOP
        EXECUTE format('CREATE TABLE IF NOT EXISTS core.%I PARTITION OF core.%I FOR VALUES FROM (%s) TO (%s)',
                       parent_table || '_' || y, parent_table, y, y + 1);
        EXECUTE format('COMMENT ON TABLE core.%I IS %L', parent_table || '_' || y,
                       'Partition of core.' || parent_table || ' holding reporting year ' || y || '.');
    END LOOP;
    EXECUTE format('CREATE TABLE IF NOT EXISTS core.%I PARTITION OF core.%I DEFAULT', parent_table || '_other_years', parent_table);
    EXECUTE format('COMMENT ON TABLE core.%I IS %L', parent_table || '_other_years',
                   'Partition of core.' || parent_table || ' holding reporting years without a partition of their own.');
END
$$;
COMMENT ON PROCEDURE core.add_year_partitions(text, integer, integer) IS 'Creates the yearly partitions first_year..last_year (and the default partition) of a core fact partitioned by reporting year; safe to re-run to extend the range.';

-- Every child a submission names, with the details it gives (SSDA903 header: sex, ethnicity, birth month;
-- missing return: birth month). Later non-blank details replace earlier ones; blank ones never erase them.
CREATE FUNCTION core.merge_children(submission_id bigint) RETURNS void
LANGUAGE sql AS $$
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
$$;
COMMENT ON FUNCTION core.merge_children(bigint) IS 'Adds every child a submission names to core.dim_child (pseudonym only) and updates the details it gives: sex, ethnicity and birth month (date of birth reduced to the month); blank details never erase known ones.';
COMMENT ON COLUMN core.dim_child.child_key IS 'Surrogate key; -1 = child not known (reserved: every pseudonym a return names gets its own key). Facts join on this, never on the pseudonym.';

-- The submissions of the same LA, return and year as a given one: the rows a refresh replaces.
CREATE FUNCTION core.sibling_submissions(submission_id bigint) RETURNS SETOF bigint
LANGUAGE sql STABLE AS $$
    SELECT s.submission_id
      FROM ops.submission given
      JOIN ops.submission s ON s.la_code = given.la_code AND s.return_code = given.return_code
                           AND s.collection_year = given.collection_year
     WHERE given.submission_id = sibling_submissions.submission_id
$$;
COMMENT ON FUNCTION core.sibling_submissions(bigint) IS 'Every submission (any state) of the same LA, return and collection year as the given one: the lineage whose core rows a refresh replaces.';

-- Postcodes are removed from landing after the retention period (core.apply_postcode_retention); a re-derivation
-- after that keeps what was derived from them.
ALTER TABLE ops.submission ADD COLUMN postcodes_removed_at timestamptz;
COMMENT ON COLUMN ops.submission.postcodes_removed_at IS 'When core.apply_postcode_retention removed the submission''s full postcodes from landing; refreshes after that keep the placement LA, distance and sectors derived before.';

CREATE TABLE core.fact_placement_episode (
    episode_key                    bigint GENERATED BY DEFAULT AS IDENTITY,
    collection_year                smallint NOT NULL,
    submission_id                  bigint   NOT NULL REFERENCES ops.submission (submission_id),
    source_row_number              integer  NOT NULL,
    responsible_la_key             integer  NOT NULL REFERENCES core.dim_local_authority (la_key),
    child_key                      bigint   NOT NULL REFERENCES core.dim_child (child_key),
    episode_start                  date     NOT NULL,
    episode_end                    date,
    episode_start_date_key         integer  NOT NULL REFERENCES core.dim_date (date_key),
    episode_end_date_key           integer  NOT NULL REFERENCES core.dim_date (date_key),
    reason_new_episode             text,
    legal_status                   text,
    category_of_need               text,
    placement_type                 text,
    placement_provider             text,
    reason_ceased                  text,
    reason_place_change            text,
    urn                            text,
    reason_new_episode_key         smallint NOT NULL REFERENCES core.dim_reason_new_episode (reason_new_episode_key),
    legal_status_key               smallint NOT NULL REFERENCES core.dim_legal_status (legal_status_key),
    category_of_need_key           smallint NOT NULL REFERENCES core.dim_category_of_need (category_of_need_key),
    placement_type_key             smallint NOT NULL REFERENCES core.dim_placement_type (placement_type_key),
    placement_provider_key         smallint NOT NULL REFERENCES core.dim_placement_provider (placement_provider_key),
    reason_episode_ceased_key      smallint NOT NULL REFERENCES core.dim_reason_episode_ceased (reason_episode_ceased_key),
    reason_place_change_key        smallint NOT NULL REFERENCES core.dim_reason_place_change (reason_place_change_key),
    childrens_home_key             bigint   NOT NULL REFERENCES core.dim_childrens_home (childrens_home_key),
    home_postcode_sector_key       integer  NOT NULL REFERENCES core.dim_postcode_sector (postcode_sector_key),
    placement_postcode_sector_key  integer  NOT NULL REFERENCES core.dim_postcode_sector (postcode_sector_key),
    placement_la_key               integer  NOT NULL REFERENCES core.dim_local_authority (la_key),
    locality                       text     NOT NULL,
    is_adjacent_la                 boolean,
    at_a_distance                  boolean,
    distance_miles                 numeric(6, 1),
    is_short_break                 boolean  NOT NULL,
    PRIMARY KEY (collection_year, episode_key),
    CONSTRAINT fact_placement_episode_once UNIQUE (collection_year, submission_id, source_row_number),
    CONSTRAINT fact_placement_episode_locality CHECK (locality IN ('Inside boundary', 'Outside boundary', 'Not known'))
) PARTITION BY RANGE (collection_year);
CALL core.add_year_partitions('fact_placement_episode', 2010, 2035);
CREATE INDEX fact_placement_episode_by_la ON core.fact_placement_episode (collection_year, responsible_la_key);
CREATE INDEX fact_placement_episode_by_submission ON core.fact_placement_episode (submission_id);
CREATE INDEX fact_placement_episode_by_child ON core.fact_placement_episode (child_key);
CREATE INDEX fact_placement_episode_by_home ON core.fact_placement_episode (urn) WHERE urn IS NOT NULL;

COMMENT ON TABLE core.fact_placement_episode IS 'SSDA903 episodes of the accepted (latest loaded) submission of each LA and year, one row per (child, DECOM) (the last row wins if an LA sends one twice), partitioned by collection_year. Placement LA, locality, adjacency and distance are derived from the full postcodes through ONSPD, which stay in landing.';
COMMENT ON COLUMN core.fact_placement_episode.episode_key IS 'Surrogate key of the episode row (unique with collection_year).';
COMMENT ON COLUMN core.fact_placement_episode.collection_year IS 'Reporting year of the submission (year ending 31 March); partition key.';
COMMENT ON COLUMN core.fact_placement_episode.submission_id IS 'Lineage: the accepted submission (ops.submission) the row came from.';
COMMENT ON COLUMN core.fact_placement_episode.source_row_number IS 'Lineage: the LA''s row number in episodes.csv (1 = first data row).';
COMMENT ON COLUMN core.fact_placement_episode.responsible_la_key IS 'Responsible (placing) LA: the submitting LA as operating on 31 March of the year.';
COMMENT ON COLUMN core.fact_placement_episode.child_key IS 'The child (core.dim_child).';
COMMENT ON COLUMN core.fact_placement_episode.episode_start IS 'DECOM: date the episode began.';
COMMENT ON COLUMN core.fact_placement_episode.episode_end IS 'DEC: date the episode ceased; null while open.';
COMMENT ON COLUMN core.fact_placement_episode.episode_start_date_key IS 'dim_date key of DECOM (-1 outside the calendar).';
COMMENT ON COLUMN core.fact_placement_episode.episode_end_date_key IS 'dim_date key of DEC; -2 not applicable while open.';
COMMENT ON COLUMN core.fact_placement_episode.reason_new_episode IS 'RNE code as sent.';
COMMENT ON COLUMN core.fact_placement_episode.legal_status IS 'LS code as sent.';
COMMENT ON COLUMN core.fact_placement_episode.category_of_need IS 'CIN code as sent.';
COMMENT ON COLUMN core.fact_placement_episode.placement_type IS 'PLACE code as sent (K1, K2, U1-U6, ...).';
COMMENT ON COLUMN core.fact_placement_episode.placement_provider IS 'PLACE_PROVIDER code as sent.';
COMMENT ON COLUMN core.fact_placement_episode.reason_ceased IS 'REC code as sent; null while open.';
COMMENT ON COLUMN core.fact_placement_episode.reason_place_change IS 'REASON_PLACE_CHANGE code as sent.';
COMMENT ON COLUMN core.fact_placement_episode.urn IS 'Ofsted URN of the placement provider as sent (upper case).';
COMMENT ON COLUMN core.fact_placement_episode.reason_new_episode_key IS 'core.dim_reason_new_episode key (-1 blank, -3 not recognised).';
COMMENT ON COLUMN core.fact_placement_episode.legal_status_key IS 'core.dim_legal_status key.';
COMMENT ON COLUMN core.fact_placement_episode.category_of_need_key IS 'core.dim_category_of_need key.';
COMMENT ON COLUMN core.fact_placement_episode.placement_type_key IS 'core.dim_placement_type key.';
COMMENT ON COLUMN core.fact_placement_episode.placement_provider_key IS 'core.dim_placement_provider key.';
COMMENT ON COLUMN core.fact_placement_episode.reason_episode_ceased_key IS 'core.dim_reason_episode_ceased key; -2 not applicable while open.';
COMMENT ON COLUMN core.fact_placement_episode.reason_place_change_key IS 'core.dim_reason_place_change key; -2 not applicable when blank and the episode is not a change of placement (RNE other than P, B).';
COMMENT ON COLUMN core.fact_placement_episode.childrens_home_key IS 'Version of the children''s home (by URN) valid at the episode start; -2 not applicable when the placement is not K1/K2 and has no URN, -1 K1/K2 without URN, -3 URN not on the register.';
COMMENT ON COLUMN core.fact_placement_episode.home_postcode_sector_key IS 'Sector of HOME_POST (core.dim_postcode_sector); -1 not known.';
COMMENT ON COLUMN core.fact_placement_episode.placement_postcode_sector_key IS 'Sector of PL_POST (core.dim_postcode_sector); -1 not known.';
COMMENT ON COLUMN core.fact_placement_episode.placement_la_key IS 'Placement (host) LA: PL_POST through ONSPD to the upper-tier LA, as operating on 31 March of the year; -1 not known (postcode blank or not in ONSPD, or area split by a reorganisation), -2 outside England (Scottish, Welsh, Northern Irish postcode).';
COMMENT ON COLUMN core.fact_placement_episode.locality IS 'Inside boundary (placement LA = responsible LA), Outside boundary (another LA or outside England), Not known.';
COMMENT ON COLUMN core.fact_placement_episode.is_adjacent_la IS 'Outside the boundary in an LA adjoining the responsible LA (core.la_adjacency); false inside the boundary or further away; null when locality not known.';
COMMENT ON COLUMN core.fact_placement_episode.at_a_distance IS 'Outside the responsible LA and not in an adjoining LA (needs the DCS''s approval); null when locality not known.';
COMMENT ON COLUMN core.fact_placement_episode.distance_miles IS 'sqrt((E_home - E_pl)^2 + (N_home - N_pl)^2) / 1000 / 1.6093 on ONSPD OS grid references, 1 decimal place; null when either postcode is not known or in Northern Ireland (Irish grid).';
COMMENT ON COLUMN core.fact_placement_episode.is_short_break IS 'Legal status V3 or V4 (short-break series): excluded from published counts, distance and out-of-area figures.';

CREATE TABLE core.fact_looked_after_31_march (
    snapshot_year           smallint NOT NULL,
    submission_id           bigint   NOT NULL REFERENCES ops.submission (submission_id),
    source_row_number       integer  NOT NULL,
    responsible_la_key      integer  NOT NULL REFERENCES core.dim_local_authority (la_key),
    child_key               bigint   NOT NULL REFERENCES core.dim_child (child_key),
    episode_key             bigint   NOT NULL,
    placement_type          text     NOT NULL,
    placement_type_key      smallint NOT NULL REFERENCES core.dim_placement_type (placement_type_key),
    placement_group         text     NOT NULL,
    placement_provider_key  smallint NOT NULL REFERENCES core.dim_placement_provider (placement_provider_key),
    legal_status_key        smallint NOT NULL REFERENCES core.dim_legal_status (legal_status_key),
    childrens_home_key      bigint   NOT NULL REFERENCES core.dim_childrens_home (childrens_home_key),
    placement_la_key        integer  NOT NULL REFERENCES core.dim_local_authority (la_key),
    locality                text     NOT NULL,
    at_a_distance           boolean,
    distance_miles          numeric(6, 1),
    distance_band           text     NOT NULL,
    PRIMARY KEY (snapshot_year, child_key),
    FOREIGN KEY (snapshot_year, episode_key) REFERENCES core.fact_placement_episode (collection_year, episode_key),
    CONSTRAINT fact_looked_after_31_march_locality CHECK (locality IN ('Inside boundary', 'Outside boundary', 'Not known')),
    CONSTRAINT fact_looked_after_31_march_band CHECK (distance_band IN ('20 miles or less', 'Over 20 miles', 'Not known')),
    CONSTRAINT fact_looked_after_31_march_group CHECK (placement_group IN ('Children''s homes (K1, K2)', 'Foster care', 'Other'))
);
CREATE INDEX fact_looked_after_31_march_by_la ON core.fact_looked_after_31_march (snapshot_year, responsible_la_key);
CREATE INDEX fact_looked_after_31_march_by_host ON core.fact_looked_after_31_march (snapshot_year, placement_la_key);
CREATE INDEX fact_looked_after_31_march_by_submission ON core.fact_looked_after_31_march (submission_id);
COMMENT ON TABLE core.fact_looked_after_31_march IS 'Periodic snapshot: each child looked after at 31 March (an episode started on or before 31 March and not ceased by then), one row per child (their latest-starting open episode), short-break series (V3, V4) excluded.';
COMMENT ON COLUMN core.fact_looked_after_31_march.snapshot_year IS 'Year of the 31 March snapshot (= the collection year of the submission).';
COMMENT ON COLUMN core.fact_looked_after_31_march.submission_id IS 'Lineage: the accepted submission of the LA and year.';
COMMENT ON COLUMN core.fact_looked_after_31_march.source_row_number IS 'Lineage: the LA''s row number of the episode in episodes.csv.';
COMMENT ON COLUMN core.fact_looked_after_31_march.responsible_la_key IS 'Responsible LA as operating on 31 March.';
COMMENT ON COLUMN core.fact_looked_after_31_march.child_key IS 'The child (core.dim_child); one row per child and year.';
COMMENT ON COLUMN core.fact_looked_after_31_march.episode_key IS 'The episode open at 31 March (core.fact_placement_episode, with snapshot_year = collection_year).';
COMMENT ON COLUMN core.fact_looked_after_31_march.placement_type IS 'PLACE code of that episode.';
COMMENT ON COLUMN core.fact_looked_after_31_march.placement_type_key IS 'core.dim_placement_type key.';
COMMENT ON COLUMN core.fact_looked_after_31_march.placement_group IS 'Children''s homes (K1, K2), Foster care (U1-U6) or Other.';
COMMENT ON COLUMN core.fact_looked_after_31_march.placement_provider_key IS 'core.dim_placement_provider key.';
COMMENT ON COLUMN core.fact_looked_after_31_march.legal_status_key IS 'core.dim_legal_status key.';
COMMENT ON COLUMN core.fact_looked_after_31_march.childrens_home_key IS 'Version of the children''s home valid on 31 March (-2 not a home placement, -1 no URN, -3 URN not matched).';
COMMENT ON COLUMN core.fact_looked_after_31_march.placement_la_key IS 'Placement (host) LA; -1 not known, -2 outside England.';
COMMENT ON COLUMN core.fact_looked_after_31_march.locality IS 'Inside boundary, Outside boundary or Not known.';
COMMENT ON COLUMN core.fact_looked_after_31_march.at_a_distance IS 'Outside the LA and not in an adjoining LA; null when locality not known.';
COMMENT ON COLUMN core.fact_looked_after_31_march.distance_miles IS 'Distance from home to placement in miles, 1 decimal place; null when not known.';
COMMENT ON COLUMN core.fact_looked_after_31_march.distance_band IS '20 miles or less (up to and including 20.0), Over 20 miles, or Not known.';

CREATE PROCEDURE core.refresh_ssda903(submission_id bigint)
LANGUAGE plpgsql AS $$
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
    PERFORM core.merge_postcode_sectors(ARRAY(
        SELECT DISTINCT core.postcode_sector(p.postcode)
          FROM landing.ssda903_episode e, LATERAL (VALUES (e.home_postcode), (e.placement_postcode)) p(postcode)
         WHERE e.submission_id = accepted));

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
    WITH episode AS (
        SELECT DISTINCT ON (e.child_pseudonym, e.episode_start) e.*,
               upper(nullif(btrim(e.reason_new_episode), '')) AS rne, upper(nullif(btrim(e.legal_status), '')) AS ls,
               upper(nullif(btrim(e.category_of_need), '')) AS cin, upper(nullif(btrim(e.placement_type), '')) AS place,
               upper(nullif(btrim(e.placement_provider), '')) AS provider, upper(nullif(btrim(e.reason_ceased), '')) AS rec,
               upper(nullif(btrim(e.reason_place_change), '')) AS rpc, upper(nullif(btrim(e.urn), '')) AS home_urn
          FROM landing.ssda903_episode e
         WHERE e.submission_id = accepted
         ORDER BY e.child_pseudonym, e.episode_start, e.row_number DESC
    ), located AS (
        SELECT e.*,
               CASE WHEN prev.source_row_number IS NOT NULL THEN prev.placement_la_key
                    WHEN pl.postcode IS NULL THEN -1
                    WHEN pl.country_code <> 'E92000001' THEN -2
                    ELSE core.la_key_on(pl.upper_tier_la_code, snapshot) END AS placement_la_key,
               pl.upper_tier_la_code AS onspd_la_code,
               CASE WHEN prev.source_row_number IS NOT NULL THEN prev.distance_miles
                    WHEN 'N92000002' IN (home.country_code, pl.country_code) THEN NULL
                    ELSE core.distance_miles(home.easting, home.northing, pl.easting, pl.northing) END AS distance_miles,
               coalesce(prev.home_postcode_sector_key, core.postcode_sector_key(e.home_postcode)) AS home_sector_key,
               coalesce(prev.placement_postcode_sector_key, core.postcode_sector_key(e.placement_postcode)) AS placement_sector_key
          FROM episode e
          LEFT JOIN landing.onspd_postcode home ON home.postcode = core.normalise_postcode(e.home_postcode)
          LEFT JOIN landing.onspd_postcode pl ON pl.postcode = core.normalise_postcode(e.placement_postcode)
          LEFT JOIN previous_derivation prev ON prev.source_row_number = e.row_number
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
      JOIN core.dim_child c ON c.child_pseudonym = p.child_pseudonym
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
$$;
COMMENT ON PROCEDURE core.refresh_ssda903(bigint) IS 'Rebuilds core.fact_placement_episode and core.fact_looked_after_31_march for the LA and year of an SSDA903 submission from its accepted (latest loaded) submission, replacing the rows of every earlier submission; adds its children to core.dim_child and its postcode sectors to core.dim_postcode_sector. Call in the transaction that marks the submission loaded.';
