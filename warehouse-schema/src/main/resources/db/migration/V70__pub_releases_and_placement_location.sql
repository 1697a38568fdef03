-- Publication: every release of the extended data pack, the files and input submissions behind it, and its
-- tables exactly as published (one set of rows per release id), so analysts query what the public saw.
-- Releases are immutable: the publisher may insert a new release, never change or delete one.

CREATE TABLE pub.release (
    release_id         text        PRIMARY KEY,
    reporting_year     smallint    NOT NULL,
    published_at       timestamptz NOT NULL,
    code_version       text        NOT NULL,
    disclosure_policy  jsonb       NOT NULL,
    manifest           jsonb       NOT NULL,
    CONSTRAINT release_id_format CHECK (release_id ~ '^[0-9]{4}-r[0-9]{3}$'),
    CONSTRAINT release_id_year CHECK (left(release_id, 4)::smallint = reporting_year)
);
COMMENT ON TABLE pub.release IS 'One row per published release of the data pack (a directory <year>-r<NNN> under the publish output folder).';
COMMENT ON COLUMN pub.release.release_id IS 'Release id: reporting year, -r, and a 3-digit number incrementing per year (e.g. 2025-r002).';
COMMENT ON COLUMN pub.release.reporting_year IS 'Reporting year of the release (year ending 31 March of this year).';
COMMENT ON COLUMN pub.release.published_at IS 'When the release was built.';
COMMENT ON COLUMN pub.release.code_version IS 'Version of the publishing code: module version and SHA-256 of the jar that ran.';
COMMENT ON COLUMN pub.release.disclosure_policy IS 'Disclosure control policy applied (thresholds, rounding, symbols), as in the manifest.';
COMMENT ON COLUMN pub.release.manifest IS 'The release''s manifest.json as written.';

CREATE TABLE pub.release_file (
    release_id  text     NOT NULL REFERENCES pub.release (release_id),
    path        text     NOT NULL,
    data_rows   bigint,
    bytes       bigint   NOT NULL,
    sha256      char(64) NOT NULL,
    PRIMARY KEY (release_id, path)
);
COMMENT ON TABLE pub.release_file IS 'Every file of a release with its checksum, as listed in the manifest.';
COMMENT ON COLUMN pub.release_file.release_id IS 'Release the file belongs to.';
COMMENT ON COLUMN pub.release_file.path IS 'Path of the file inside the release directory (e.g. data/placement_location.csv).';
COMMENT ON COLUMN pub.release_file.data_rows IS 'Data rows (header excluded) for CSV and Parquet tables; null for other files.';
COMMENT ON COLUMN pub.release_file.bytes IS 'File size in bytes.';
COMMENT ON COLUMN pub.release_file.sha256 IS 'SHA-256 of the file bytes.';

CREATE TABLE pub.release_input (
    release_id       text     NOT NULL REFERENCES pub.release (release_id),
    submission_id    bigint   NOT NULL REFERENCES ops.submission (submission_id),
    la_code          text     NOT NULL,
    return_code      text     NOT NULL,
    collection_year  smallint NOT NULL,
    content_sha256   char(64) NOT NULL,
    rows_loaded      bigint   NOT NULL,
    rows_rejected    bigint   NOT NULL,
    PRIMARY KEY (release_id, submission_id)
);
COMMENT ON TABLE pub.release_input IS 'The accepted submissions a release was built from: the lineage from a published figure back to what LAs sent.';
COMMENT ON COLUMN pub.release_input.release_id IS 'Release built from the submission.';
COMMENT ON COLUMN pub.release_input.submission_id IS 'Accepted submission (ops.submission); core rows carry it as lineage.';
COMMENT ON COLUMN pub.release_input.la_code IS 'ONS code of the submitting LA as operating in the collection year.';
COMMENT ON COLUMN pub.release_input.return_code IS 'Return of the submission (ssda903, missing, oversight, ...).';
COMMENT ON COLUMN pub.release_input.collection_year IS 'Collection year of the submission.';
COMMENT ON COLUMN pub.release_input.content_sha256 IS 'SHA-256 of the submission''s content.';
COMMENT ON COLUMN pub.release_input.rows_loaded IS 'Rows of the submission loaded into the warehouse.';
COMMENT ON COLUMN pub.release_input.rows_rejected IS 'Rows of the submission rejected by validation.';

CREATE TABLE pub.placement_location (
    release_id                  text     NOT NULL REFERENCES pub.release (release_id),
    row_number                  integer  NOT NULL,
    time_period                 smallint NOT NULL,
    time_identifier             text     NOT NULL,
    geographic_level            text     NOT NULL,
    country_code                text     NOT NULL,
    country_name                text     NOT NULL,
    region_code                 text,
    region_name                 text,
    new_la_code                 text,
    la_name                     text,
    old_la_code                 text,
    placement_group             text     NOT NULL,
    locality                    text     NOT NULL,
    distance_band               text     NOT NULL,
    children_at_31_march        text     NOT NULL,
    percent_of_placement_group  text     NOT NULL,
    median_distance_miles       text     NOT NULL,
    PRIMARY KEY (release_id, row_number)
);
CREATE INDEX placement_location_by_area ON pub.placement_location (release_id, time_period, geographic_level, new_la_code);
COMMENT ON TABLE pub.placement_location IS 'Published table placement_location (children looked after at 31 March by placement group, locality and distance from home), one set of rows per release, cells exactly as in the CSV (c suppressed, k below 0.5%, z not applicable, x unavailable); blank geography cells are null.';
COMMENT ON COLUMN pub.placement_location.release_id IS 'Release that published the row.';
COMMENT ON COLUMN pub.placement_location.row_number IS 'Row number in the published CSV (1 = first data row).';
COMMENT ON COLUMN pub.placement_location.time_period IS 'Reporting year (year ending 31 March).';
COMMENT ON COLUMN pub.placement_location.time_identifier IS 'Always Reporting year.';
COMMENT ON COLUMN pub.placement_location.geographic_level IS 'National, Regional or Local authority.';
COMMENT ON COLUMN pub.placement_location.country_code IS 'E92000001.';
COMMENT ON COLUMN pub.placement_location.country_name IS 'England.';
COMMENT ON COLUMN pub.placement_location.region_code IS 'Region code (Regional and Local authority rows).';
COMMENT ON COLUMN pub.placement_location.region_name IS 'Region name (Regional and Local authority rows).';
COMMENT ON COLUMN pub.placement_location.new_la_code IS 'LA code as operating in the release''s reporting year (Local authority rows); earlier years are mapped to successors.';
COMMENT ON COLUMN pub.placement_location.la_name IS 'LA name (Local authority rows).';
COMMENT ON COLUMN pub.placement_location.old_la_code IS 'DfE 3-digit LA number (Local authority rows).';
COMMENT ON COLUMN pub.placement_location.placement_group IS 'Children''s homes (K1, K2), Foster care, Other or Total.';
COMMENT ON COLUMN pub.placement_location.locality IS 'Inside boundary, Outside boundary, Not known or Total.';
COMMENT ON COLUMN pub.placement_location.distance_band IS '20 miles or less, Over 20 miles, Not known or Total.';
COMMENT ON COLUMN pub.placement_location.children_at_31_march IS 'Children looked after at 31 March (national and regional rounded to 10, LA 1-5 suppressed).';
COMMENT ON COLUMN pub.placement_location.percent_of_placement_group IS 'Percent of the children of the same area and placement group (1 dp, from unrounded counts).';
COMMENT ON COLUMN pub.placement_location.median_distance_miles IS 'Median distance from home to placement in miles (1 dp) over children with a known distance.';

-- The publisher adds releases; nobody alters one. Analysts read everything published.
REVOKE UPDATE, DELETE, TRUNCATE ON pub.release, pub.release_file, pub.release_input, pub.placement_location FROM datapack_publisher;
GRANT SELECT, INSERT ON pub.release, pub.release_file, pub.release_input, pub.placement_location TO datapack_publisher;
GRANT SELECT ON pub.release, pub.release_file, pub.release_input, pub.placement_location TO datapack_analyst;
