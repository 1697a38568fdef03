-- What each submission's refresh cost at national volumes (issue 8, EXPLAIN ANALYZE on a scale-1 warehouse), fixed
-- without changing any result:

-- 1. The postcode helpers run once or twice per episode and home. As SQL functions with a sub-select they cannot be
--    inlined, and each call ran as a query of its own: about 20 times slower than the same expressions in PL/pgSQL,
--    whose simple expressions are evaluated directly.
CREATE OR REPLACE FUNCTION core.normalise_postcode(postcode text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    p text := upper(regexp_replace(postcode, '\s', '', 'g'));
BEGIN
    RETURN CASE WHEN length(p) BETWEEN 5 AND 7 THEN left(p, length(p) - 3) || ' ' || right(p, 3) END;
END
$$;

CREATE OR REPLACE FUNCTION core.postcode_sector(postcode text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    p text := core.normalise_postcode(postcode);
BEGIN
    RETURN CASE WHEN p ~ '^[A-Z][A-Z0-9]{1,3} [0-9][A-Z]{2}$' THEN left(p, length(p) - 2) END;
END
$$;

-- 2. Every refresh deletes the rows of the earlier submissions of the same LA, return and year
--    (`submission_id IN (SELECT core.sibling_submissions(...))`). Planned for the default 1000 siblings, that was a
--    sequential scan of the whole year of the fact per submission; an LA has a handful, so the index by submission
--    is used. The out-of-area fact had no such index.
ALTER FUNCTION core.sibling_submissions(bigint) ROWS 3;
CREATE INDEX fact_out_of_area_placement_by_submission ON core.fact_out_of_area_placement (submission_id);

-- 3. Spring Batch looks up a job's executions and steps by their parent at every step of every submission; without
--    these indexes (the ones Spring Batch recommends) each lookup scanned the job repository, which grows with
--    every submission ever loaded.
CREATE INDEX batch_job_execution_by_instance ON batch.batch_job_execution (job_instance_id);
CREATE INDEX batch_job_execution_params_by_execution ON batch.batch_job_execution_params (job_execution_id);
CREATE INDEX batch_step_execution_by_job_execution ON batch.batch_step_execution (job_execution_id);
