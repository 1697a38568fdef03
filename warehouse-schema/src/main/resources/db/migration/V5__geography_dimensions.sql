-- Effective-dated geography. Join on codes, never names. Reorganised LAs keep their own rows; the succession
-- map carries time series across a split or merger.

CREATE TABLE core.dim_region (
    region_key   smallint PRIMARY KEY,
    region_code  text NOT NULL UNIQUE,
    region_name  text NOT NULL,
    country_code text NOT NULL,
    country_name text NOT NULL
);
COMMENT ON TABLE core.dim_region IS 'English regions (E12), plus unknown members: -1 not known, -2 outside England.';
COMMENT ON COLUMN core.dim_region.region_key IS 'Surrogate key; -1 not known, -2 outside England.';
COMMENT ON COLUMN core.dim_region.region_code IS 'ONS region code (E12000001-9), or z for the unknown members.';
COMMENT ON COLUMN core.dim_region.region_name IS 'Region name as DfE publishes it.';
COMMENT ON COLUMN core.dim_region.country_code IS 'Country code (E92000001 England).';
COMMENT ON COLUMN core.dim_region.country_name IS 'Country name.';

INSERT INTO core.dim_region VALUES
    (-1, 'z-not-known', 'Not known', 'z', 'Not known'),
    (-2, 'z-outside-england', 'Outside England', 'z', 'Outside England');

CREATE TABLE core.dim_local_authority (
    la_key              integer PRIMARY KEY,
    new_la_code         text     NOT NULL,
    old_la_code         text,
    la_name             text     NOT NULL,
    la_type_code        text     NOT NULL,
    la_type             text     NOT NULL,
    region_key          smallint NOT NULL REFERENCES core.dim_region (region_key),
    valid_from          date     NOT NULL,
    valid_to            date,
    is_unknown_member   boolean  NOT NULL DEFAULT false,
    CONSTRAINT dim_local_authority_code_period UNIQUE (new_la_code, valid_from)
);
CREATE INDEX dim_local_authority_by_old_code ON core.dim_local_authority (old_la_code);
COMMENT ON TABLE core.dim_local_authority IS 'Local authorities with children''s services responsibilities (upper tier), effective-dated from DfE''s las.csv. Unknown members: -1 not known, -2 outside England (Scotland, Wales, Northern Ireland), -3 not applicable.';
COMMENT ON COLUMN core.dim_local_authority.la_key IS 'Surrogate key; negative keys are the unknown members.';
COMMENT ON COLUMN core.dim_local_authority.new_la_code IS 'ONS nine-character code (E06 unitary, E08 metropolitan district, E09 London borough, E10 county).';
COMMENT ON COLUMN core.dim_local_authority.old_la_code IS 'DfE three-digit LA number (e.g. 805 Hartlepool); null where DfE has none.';
COMMENT ON COLUMN core.dim_local_authority.la_name IS 'LA name as DfE publishes it.';
COMMENT ON COLUMN core.dim_local_authority.la_type_code IS 'Entity code: E06, E08, E09 or E10.';
COMMENT ON COLUMN core.dim_local_authority.la_type IS 'Entity description, e.g. Unitary Authorities.';
COMMENT ON COLUMN core.dim_local_authority.region_key IS 'Region the LA lies in (core.dim_region).';
COMMENT ON COLUMN core.dim_local_authority.valid_from IS 'Date the LA began operating under this code.';
COMMENT ON COLUMN core.dim_local_authority.valid_to IS 'Last day the LA operated under this code; null while live.';
COMMENT ON COLUMN core.dim_local_authority.is_unknown_member IS 'True for the fixed unknown members.';

CREATE TABLE core.la_succession (
    predecessor_la_code text NOT NULL,
    successor_la_code   text NOT NULL,
    effective_date      date NOT NULL,
    reorganisation      text NOT NULL,
    PRIMARY KEY (predecessor_la_code, successor_la_code)
);
COMMENT ON TABLE core.la_succession IS 'Predecessor to successor map for LA reorganisations and recodes, so time series survive a split or merger. A predecessor split between successors has one row per successor.';
COMMENT ON COLUMN core.la_succession.predecessor_la_code IS 'Code of the LA that ceased.';
COMMENT ON COLUMN core.la_succession.successor_la_code IS 'Code of an LA that took over (all or part of) its area.';
COMMENT ON COLUMN core.la_succession.effective_date IS 'First day of the successor.';
COMMENT ON COLUMN core.la_succession.reorganisation IS 'Which reorganisation, in words.';

INSERT INTO core.la_succession VALUES
    ('E06000048', 'E06000057', DATE '2013-04-01', '2013 recode: Northumberland'),
    ('E08000020', 'E08000037', DATE '2013-04-01', '2013 recode: Gateshead'),
    ('E06000028', 'E06000058', DATE '2019-04-01', '2019: Bournemouth, Christchurch and Poole'),
    ('E06000029', 'E06000058', DATE '2019-04-01', '2019: Bournemouth, Christchurch and Poole'),
    ('E10000009', 'E06000058', DATE '2019-04-01', '2019: Christchurch moved from Dorset county to BCP'),
    ('E10000009', 'E06000059', DATE '2019-04-01', '2019: Dorset unitary'),
    ('E10000002', 'E06000060', DATE '2020-04-01', '2020: Buckinghamshire unitary (825 kept)'),
    ('E10000021', 'E06000061', DATE '2021-04-01', '2021: North Northamptonshire'),
    ('E10000021', 'E06000062', DATE '2021-04-01', '2021: West Northamptonshire'),
    ('E10000006', 'E06000063', DATE '2023-04-01', '2023: Cumberland'),
    ('E10000006', 'E06000064', DATE '2023-04-01', '2023: Westmorland and Furness'),
    ('E10000023', 'E06000065', DATE '2023-04-01', '2023: North Yorkshire unitary (815 kept)'),
    ('E10000027', 'E06000066', DATE '2023-04-01', '2023: Somerset unitary (933 kept)'),
    ('E08000016', 'E08000038', DATE '2025-05-01', '2025 recode: Barnsley'),
    ('E08000019', 'E08000039', DATE '2025-05-01', '2025 recode: Sheffield');

-- The LAs operating at the end of a reporting year (31 March of collection_year): the set that must send returns
-- and that a release reports on.
CREATE FUNCTION core.las_operating_in(collection_year integer)
RETURNS SETOF core.dim_local_authority
LANGUAGE sql STABLE AS $$
    SELECT *
      FROM core.dim_local_authority
     WHERE NOT is_unknown_member
       AND valid_from <= make_date(collection_year, 3, 31)
       AND (valid_to IS NULL OR valid_to >= make_date(collection_year, 3, 31))
$$;
COMMENT ON FUNCTION core.las_operating_in(integer) IS 'LAs operating on 31 March of the given reporting year (by its ending calendar year).';
