-- Ingest COPYs a submission into landing and at once runs its rule checks and refresh procedures, all restricted to
-- `submission_id = <the new submission>`. The statistics of submission_id were gathered before that submission
-- existed: with fewer submissions than the statistics target, every value is in the most-common-values list, so
-- the planner estimates the new one at 1 row and plans a nested loop over it, which is quadratic in the size of
-- the submission (an LA's 20,000 missing incidents compared with each other: minutes at scale 10). Without
-- statistics on the column the planner estimates any one submission at 1/200 of the table, the size it has at
-- national volumes, whatever ANALYZE has seen; the other columns keep their statistics.

DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT c.table_schema, c.table_name
               FROM information_schema.columns c
               JOIN information_schema.tables r ON r.table_schema = c.table_schema AND r.table_name = c.table_name
              WHERE c.column_name = 'submission_id' AND r.table_type = 'BASE TABLE'
                AND (c.table_schema = 'landing' OR (c.table_schema, c.table_name) IN (('ops', 'validation_issue'), ('ops', 'submission_file')))
    LOOP
        EXECUTE format('ALTER TABLE %I.%I ALTER COLUMN submission_id SET STATISTICS 0', t.table_schema, t.table_name);
    END LOOP;
END
$$;
