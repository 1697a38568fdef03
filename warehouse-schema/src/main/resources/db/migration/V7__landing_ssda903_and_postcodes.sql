-- Rows as received, typed, with lineage. Child identifiers arrive here already pseudonymised (keyed hash);
-- full postcodes and dates of birth are kept only here, to derive placement LA, distance and birth month.

CREATE TABLE landing.onspd_postcode (
    postcode          text PRIMARY KEY,
    la_district_code  text,
    county_code       text,
    country_code      text,
    region_code       text,
    easting           integer,
    northing          integer,
    upper_tier_la_code text GENERATED ALWAYS AS (
        CASE WHEN county_code LIKE 'E10%' THEN county_code ELSE la_district_code END) STORED,
    submission_id     bigint REFERENCES ops.submission (submission_id)
);
COMMENT ON TABLE landing.onspd_postcode IS 'ONS Postcode Directory (ONSPD) rows needed for derivations: postcode to LA and OS grid reference. Restricted (full postcodes).';
COMMENT ON COLUMN landing.onspd_postcode.postcode IS 'Postcode normalised to upper case with one space before the inward code (ONSPD pcds).';
COMMENT ON COLUMN landing.onspd_postcode.la_district_code IS 'ONSPD oslaua: lower-tier local authority district.';
COMMENT ON COLUMN landing.onspd_postcode.county_code IS 'ONSPD oscty: county (E10) for two-tier areas, otherwise a pseudo code.';
COMMENT ON COLUMN landing.onspd_postcode.country_code IS 'ONSPD ctry: E92000001 England, W92000004 Wales, S92000003 Scotland, N92000002 Northern Ireland.';
COMMENT ON COLUMN landing.onspd_postcode.region_code IS 'ONSPD rgn: English region code.';
COMMENT ON COLUMN landing.onspd_postcode.easting IS 'ONSPD oseast1m: OS grid easting in metres.';
COMMENT ON COLUMN landing.onspd_postcode.northing IS 'ONSPD osnrth1m: OS grid northing in metres.';
COMMENT ON COLUMN landing.onspd_postcode.upper_tier_la_code IS 'Upper-tier LA (children''s services authority): the county in two-tier areas, else the district.';
COMMENT ON COLUMN landing.onspd_postcode.submission_id IS 'Lineage: the ONSPD load that supplied the row.';

CREATE TABLE landing.ssda903_header (
    submission_id    bigint NOT NULL REFERENCES ops.submission (submission_id),
    row_number       integer NOT NULL,
    child_pseudonym  text NOT NULL,
    sex              text,
    date_of_birth    date,
    ethnicity        text,
    PRIMARY KEY (submission_id, row_number)
);
COMMENT ON TABLE landing.ssda903_header IS 'SSDA903 header table (one row per child) as received. Restricted: full date of birth.';
COMMENT ON COLUMN landing.ssda903_header.submission_id IS 'Lineage: the submission the row came in.';
COMMENT ON COLUMN landing.ssda903_header.row_number IS 'Lineage: the LA''s row number in its file (1 = first data row).';
COMMENT ON COLUMN landing.ssda903_header.child_pseudonym IS 'Keyed hash (HMAC-SHA-256) of LA code and CHILD; the raw ID is never stored.';
COMMENT ON COLUMN landing.ssda903_header.sex IS 'SEX as sent (1/2 to 2024/25, M/F/U from 2025/26).';
COMMENT ON COLUMN landing.ssda903_header.date_of_birth IS 'DOB as sent. Restricted; reduced to month outside landing.';
COMMENT ON COLUMN landing.ssda903_header.ethnicity IS 'ETHNIC code as sent.';

CREATE TABLE landing.ssda903_episode (
    submission_id        bigint NOT NULL REFERENCES ops.submission (submission_id),
    row_number           integer NOT NULL,
    child_pseudonym      text NOT NULL,
    episode_start        date NOT NULL,
    reason_new_episode   text,
    legal_status         text,
    category_of_need     text,
    placement_type       text,
    placement_provider   text,
    episode_end          date,
    reason_ceased        text,
    reason_place_change  text,
    home_postcode        text,
    placement_postcode   text,
    urn                  text,
    PRIMARY KEY (submission_id, row_number)
);
COMMENT ON TABLE landing.ssda903_episode IS 'SSDA903 episodes table as received. Restricted: full postcodes.';
COMMENT ON COLUMN landing.ssda903_episode.submission_id IS 'Lineage: the submission the row came in.';
COMMENT ON COLUMN landing.ssda903_episode.row_number IS 'Lineage: the LA''s row number in its file (1 = first data row).';
COMMENT ON COLUMN landing.ssda903_episode.child_pseudonym IS 'Keyed hash of LA code and CHILD.';
COMMENT ON COLUMN landing.ssda903_episode.episode_start IS 'DECOM: date the episode of care commenced.';
COMMENT ON COLUMN landing.ssda903_episode.reason_new_episode IS 'RNE: reason for new episode (L, P, T, B, U).';
COMMENT ON COLUMN landing.ssda903_episode.legal_status IS 'LS: legal status (C1, C2, ..., V3, V4 short breaks).';
COMMENT ON COLUMN landing.ssda903_episode.category_of_need IS 'CIN: category of need (N1-N8).';
COMMENT ON COLUMN landing.ssda903_episode.placement_type IS 'PLACE: placement type (K1, K2, U1-U6, ...).';
COMMENT ON COLUMN landing.ssda903_episode.placement_provider IS 'PLACE_PROVIDER: PR0-PR5.';
COMMENT ON COLUMN landing.ssda903_episode.episode_end IS 'DEC: date the episode ceased; null if open.';
COMMENT ON COLUMN landing.ssda903_episode.reason_ceased IS 'REC: reason the episode ceased.';
COMMENT ON COLUMN landing.ssda903_episode.reason_place_change IS 'REASON_PLACE_CHANGE.';
COMMENT ON COLUMN landing.ssda903_episode.home_postcode IS 'HOME_POST: postcode of the child''s home. Restricted; dropped after the retention period.';
COMMENT ON COLUMN landing.ssda903_episode.placement_postcode IS 'PL_POST: postcode of the placement. Restricted; dropped after the retention period.';
COMMENT ON COLUMN landing.ssda903_episode.urn IS 'URN: Ofsted unique reference number of the placement provider.';
