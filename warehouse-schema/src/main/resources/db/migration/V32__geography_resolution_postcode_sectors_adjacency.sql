-- Geography the facts derive from: LA codes resolved to the LA version operating on a day (across
-- reorganisations), postcode sectors (the finest postcode geography kept outside landing), the adjacency of LAs
-- (for the "at a distance" rule) and which submission of a return is the accepted one.

-- The accepted ("winning") submission of the LA, return and year of a given submission: the latest one loaded,
-- counting the given one as loaded (refresh procedures run in the transaction that marks it loaded).
CREATE FUNCTION core.accepted_submission(submission_id bigint) RETURNS bigint
LANGUAGE sql STABLE AS $$
    SELECT max(s.submission_id)
      FROM ops.submission given
      JOIN ops.submission s ON s.la_code = given.la_code AND s.return_code = given.return_code
                           AND s.collection_year = given.collection_year
     WHERE given.submission_id = accepted_submission.submission_id
       AND (s.state = 'loaded' OR s.submission_id = accepted_submission.submission_id)
$$;
COMMENT ON FUNCTION core.accepted_submission(bigint) IS 'The submission whose rows stand for the LA, return and collection year of the given one: the latest (highest id) in state loaded, the given one counting as loaded. The latest accepted submission wins.';

-- An LA code as sent (or as ONSPD gives it) resolved to the LA version operating on a day. A code that no longer
-- (or not yet) operates on that day resolves through core.la_succession when exactly one predecessor or successor
-- operates then (e.g. Dorset unitary E06000059 on 31 March 2018 is Dorset county E10000009); when the area is
-- split between several (BCP before 2019, Cumbria after 2023) the LA is not known (-1).
CREATE FUNCTION core.la_key_on(la_code text, day date) RETURNS integer
LANGUAGE sql STABLE AS $$
    WITH code AS (
        SELECT upper(nullif(btrim(la_code), '')) AS given
    ), candidate AS (
        SELECT given AS candidate_code FROM code
        UNION SELECT s.predecessor_la_code FROM core.la_succession s, code WHERE s.successor_la_code = code.given AND s.effective_date > day
        UNION SELECT s.successor_la_code FROM core.la_succession s, code WHERE s.predecessor_la_code = code.given AND s.effective_date <= day
    ), operating AS (
        SELECT la.la_key, la.new_la_code
          FROM core.dim_local_authority la JOIN candidate c ON c.candidate_code = la.new_la_code
         WHERE NOT la.is_unknown_member AND la.valid_from <= day AND (la.valid_to IS NULL OR la.valid_to >= day)
    )
    SELECT CASE
               WHEN code.given IS NULL THEN -1
               WHEN code.given !~ '^E' THEN -2
               ELSE coalesce((SELECT o.la_key FROM operating o WHERE o.new_la_code = code.given),
                             (SELECT min(o.la_key) FROM operating o HAVING count(*) = 1),
                             -1)
           END
      FROM code
$$;
COMMENT ON FUNCTION core.la_key_on(text, date) IS 'Key of the LA version operating on the day for an LA code: the code itself if it operates then, else its only predecessor or successor operating then (core.la_succession); -2 for a code outside England (not starting E: Wales, Scotland, Northern Ireland), -1 when blank, unknown or split between several LAs on that day.';

CREATE TABLE core.la_adjacency (
    la_code            text    NOT NULL,
    adjacent_la_code   text    NOT NULL,
    submission_id      bigint  NOT NULL REFERENCES ops.submission (submission_id),
    source_row_number  integer NOT NULL,
    PRIMARY KEY (la_code, adjacent_la_code),
    CONSTRAINT la_adjacency_not_itself CHECK (la_code <> adjacent_la_code)
);
COMMENT ON TABLE core.la_adjacency IS 'Ordered pairs of upper-tier LAs sharing a boundary, both directions stored, from the latest accepted la_adjacency.csv. A placement outside the responsible LA and not in an adjoining LA is "at a distance" and needs the DCS''s approval.';
COMMENT ON COLUMN core.la_adjacency.la_code IS 'ONS code of an upper-tier LA (or of a Welsh or Scottish authority on the border).';
COMMENT ON COLUMN core.la_adjacency.adjacent_la_code IS 'ONS code of an authority sharing a boundary with it.';
COMMENT ON COLUMN core.la_adjacency.submission_id IS 'Lineage: the adjacency submission the pair came from.';
COMMENT ON COLUMN core.la_adjacency.source_row_number IS 'Lineage: row of the file that gave the pair (in either direction).';

CREATE FUNCTION core.la_adjoins(la_code text, other_la_code text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM core.la_adjacency a WHERE a.la_code = la_adjoins.la_code AND a.adjacent_la_code = other_la_code)
$$;
COMMENT ON FUNCTION core.la_adjoins(text, text) IS 'True when the two authorities share a boundary according to core.la_adjacency.';

CREATE PROCEDURE core.refresh_la_adjacency(submission_id bigint)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    accepted bigint := core.accepted_submission(submission_id);
BEGIN
    DELETE FROM core.la_adjacency;
    INSERT INTO core.la_adjacency (la_code, adjacent_la_code, submission_id, source_row_number)
    SELECT DISTINCT ON (pair.la_code, pair.adjacent_la_code) pair.la_code, pair.adjacent_la_code, accepted, pair.row_number
      FROM (SELECT upper(btrim(a.la_code)) AS la_code, upper(btrim(a.adjacent_la_code)) AS adjacent_la_code, a.row_number
              FROM landing.la_adjacency a WHERE a.submission_id = accepted
            UNION ALL
            SELECT upper(btrim(a.adjacent_la_code)), upper(btrim(a.la_code)), a.row_number
              FROM landing.la_adjacency a WHERE a.submission_id = accepted) pair
     WHERE pair.la_code <> pair.adjacent_la_code
     ORDER BY pair.la_code, pair.adjacent_la_code, pair.row_number;
END
$$;
COMMENT ON PROCEDURE core.refresh_la_adjacency(bigint) IS 'Replaces core.la_adjacency with the pairs of the accepted adjacency submission (the latest loaded for the return), storing each pair in both directions. Facts derived before it changes are re-derived by core.refresh_all(year).';

CREATE TABLE core.dim_postcode_sector (
    postcode_sector_key  integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    postcode_sector      text UNIQUE,
    postcode_area        text    NOT NULL,
    postcode_district    text    NOT NULL,
    la_key               integer NOT NULL REFERENCES core.dim_local_authority (la_key),
    country_code         text    NOT NULL,
    is_unknown_member    boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE core.dim_postcode_sector IS 'Postcode sectors (outward code and first inward digit, e.g. AB1 2): the finest postcode geography kept outside landing. Unknown members: -1 not known (postcode blank or malformed), -2 not applicable.';
COMMENT ON COLUMN core.dim_postcode_sector.postcode_sector_key IS 'Surrogate key; -1 not known, -2 not applicable.';
COMMENT ON COLUMN core.dim_postcode_sector.postcode_sector IS 'The sector, e.g. TS24 7; null for the unknown members.';
COMMENT ON COLUMN core.dim_postcode_sector.postcode_area IS 'Postcode area: the leading letters (TS).';
COMMENT ON COLUMN core.dim_postcode_sector.postcode_district IS 'Postcode district: the outward code (TS24).';
COMMENT ON COLUMN core.dim_postcode_sector.la_key IS 'Upper-tier LA (current version) in which most of the sector''s ONSPD postcodes lie; -1 when the sector is not in ONSPD, -2 outside England.';
COMMENT ON COLUMN core.dim_postcode_sector.country_code IS 'ONS country code most of the sector''s postcodes lie in (E92000001 England); z when not in ONSPD.';
COMMENT ON COLUMN core.dim_postcode_sector.is_unknown_member IS 'True for the fixed unknown members.';
INSERT INTO core.dim_postcode_sector (postcode_sector_key, postcode_sector, postcode_area, postcode_district, la_key, country_code, is_unknown_member)
VALUES (-1, NULL, 'Not known', 'Not known', -1, 'z', true),
       (-2, NULL, 'Not applicable', 'Not applicable', -3, 'z', true);

-- ONSPD postcodes are in pcds form (outward code, one space, 3-character inward code): the sector is all but the
-- last two characters. Stored so that the sectors of a submission are found through an index, cheaply at load.
ALTER TABLE landing.onspd_postcode
    ADD COLUMN postcode_sector text GENERATED ALWAYS AS (left(postcode, length(postcode) - 2)) STORED;
COMMENT ON COLUMN landing.onspd_postcode.postcode_sector IS 'Postcode sector (outward code and first inward character), derived from the pcds form.';
CREATE INDEX onspd_postcode_by_sector ON landing.onspd_postcode (postcode_sector);

-- Adds the sectors given, with the LA and country most of their ONSPD postcodes lie in (refreshed if known).
CREATE FUNCTION core.merge_postcode_sectors(sectors text[]) RETURNS void
LANGUAGE sql AS $$
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
$$;
COMMENT ON FUNCTION core.merge_postcode_sectors(text[]) IS 'Adds the given postcode sectors to core.dim_postcode_sector (or refreshes them), with the LA and country most of their ONSPD postcodes lie in; sectors not in ONSPD get LA -1 and country z.';

CREATE FUNCTION core.postcode_sector_key(postcode text) RETURNS integer
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT d.postcode_sector_key FROM core.dim_postcode_sector d WHERE d.postcode_sector = core.postcode_sector(postcode)), -1)
$$;
COMMENT ON FUNCTION core.postcode_sector_key(text) IS 'dim_postcode_sector key of a postcode''s sector (after core.merge_postcode_sectors has added it); -1 when blank or malformed.';
