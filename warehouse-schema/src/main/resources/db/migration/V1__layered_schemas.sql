-- The warehouse is layered so that a reader of the catalogue sees the data flow:
-- landing (as received, restricted) -> core (conformed star schema) -> mart (analyst views) -> pub (releases),
-- with ops (operational records) and batch (Spring Batch metadata) beside them.
CREATE SCHEMA IF NOT EXISTS landing;
CREATE SCHEMA IF NOT EXISTS core;
CREATE SCHEMA IF NOT EXISTS mart;
CREATE SCHEMA IF NOT EXISTS pub;
CREATE SCHEMA IF NOT EXISTS ops;
CREATE SCHEMA IF NOT EXISTS batch;

COMMENT ON SCHEMA landing IS 'Rows of each submission as received, typed, with lineage (submission, file, row number). Restricted: holds full postcodes and dates of birth; analysts have no access.';
COMMENT ON SCHEMA core IS 'Conformed Kimball star schema: dimensions (dim_*) with surrogate keys and unknown members, facts (fact_*). No direct identifiers.';
COMMENT ON SCHEMA mart IS 'Analyst-friendly views over core: names rather than codes, ready measures, one simple query per data pack question.';
COMMENT ON SCHEMA pub IS 'The published extended data pack tables, exactly as released, one set of rows per release.';
COMMENT ON SCHEMA ops IS 'Operational records: submissions received from each LA, validation results, ingest and publish runs, Flyway history.';
COMMENT ON SCHEMA batch IS 'Spring Batch job repository (job and step executions), owned by Flyway.';
