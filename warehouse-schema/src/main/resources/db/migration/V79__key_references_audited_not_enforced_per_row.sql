-- Foreign keys are checked row by row, each by a trigger that looks the key up. On the landing tables and the core
-- facts that was half of the ingest's database time at national volume (scale 1, 2 cores: the SSDA903 refresh of the
-- largest LA 1.84 s with them, 0.97 s without; a whole national ingest 244 s with them, 163 s without). Every key
-- those tables hold is produced by the load itself: a landing row carries the submission registered before its COPY,
-- and a fact takes its dimension keys from joins that fall back to an unknown member. So these relationships are kept
-- the way a Kimball warehouse keeps them: declared in a catalogue (ops.key_reference) and audited set-based after
-- every ingest run over the submissions it loaded (ops.orphan_keys), not enforced row by row. Relationships among
-- the operational tables (ops.*) and in pub keep their foreign keys: they are few rows.

CREATE TABLE ops.key_reference (
    referencing_table   text   NOT NULL,
    referencing_columns text[] NOT NULL,
    referenced_table    text   NOT NULL,
    referenced_columns  text[] NOT NULL,
    PRIMARY KEY (referencing_table, referencing_columns)
);
COMMENT ON TABLE ops.key_reference IS 'Relationships of the landing tables and core facts to the rows they refer to (their submission, their dimensions), audited after every ingest run by ops.orphan_keys instead of being enforced per row by foreign keys (V79). One row per relationship.';
COMMENT ON COLUMN ops.key_reference.referencing_table IS 'Schema-qualified table holding the key, e.g. core.fact_placement_episode.';
COMMENT ON COLUMN ops.key_reference.referencing_columns IS 'Its key columns, in order; a row with any of them null refers to nothing (as MATCH SIMPLE).';
COMMENT ON COLUMN ops.key_reference.referenced_table IS 'Schema-qualified table the key refers to, e.g. core.dim_child.';
COMMENT ON COLUMN ops.key_reference.referenced_columns IS 'The columns of the referenced table the key matches, in the same order.';

-- The catalogue is what the foreign keys said, read from them before they go (one row per constraint of the
-- partitioned parent, not its copies on each partition).
INSERT INTO ops.key_reference (referencing_table, referencing_columns, referenced_table, referenced_columns)
SELECT format('%I.%I', rn.nspname, r.relname),
       ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, position)
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.position),
       format('%I.%I', fn.nspname, f.relname),
       ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, position)
               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.position)
  FROM pg_constraint c
  JOIN pg_class r ON r.oid = c.conrelid
  JOIN pg_namespace rn ON rn.oid = r.relnamespace
  JOIN pg_class f ON f.oid = c.confrelid
  JOIN pg_namespace fn ON fn.oid = f.relnamespace
 WHERE c.contype = 'f' AND c.conparentid = 0
   AND (rn.nspname = 'landing' OR (rn.nspname = 'core' AND r.relname LIKE 'fact\_%')
        OR (rn.nspname, r.relname) = ('ops', 'validation_issue'));

DO $$
DECLARE
    fk record;
BEGIN
    FOR fk IN SELECT c.conrelid::regclass AS referencing, c.conname
                FROM pg_constraint c
                JOIN pg_class r ON r.oid = c.conrelid
                JOIN pg_namespace rn ON rn.oid = r.relnamespace
               WHERE c.contype = 'f' AND c.conparentid = 0
                 AND format('%I.%I', rn.nspname, r.relname) IN (SELECT referencing_table FROM ops.key_reference)
    LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.referencing, fk.conname);
    END LOOP;
END
$$;

CREATE FUNCTION ops.orphan_keys(submission_ids bigint[]) RETURNS TABLE (
    referencing_table text, referencing_columns text[], referenced_table text, orphan_rows bigint)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    reference ops.key_reference;
    orphans bigint;
BEGIN
    FOR reference IN SELECT * FROM ops.key_reference k ORDER BY k.referencing_table, k.referencing_columns LOOP
        EXECUTE format('SELECT count(*) FROM %s t WHERE ($1 IS NULL OR t.submission_id = ANY ($1)) AND %s'
                       || ' AND NOT EXISTS (SELECT 1 FROM %s r WHERE %s)',
                       reference.referencing_table,
                       (SELECT string_agg(format('t.%I IS NOT NULL', c), ' AND ') FROM unnest(reference.referencing_columns) c),
                       reference.referenced_table,
                       (SELECT string_agg(format('r.%I = t.%I', r, t), ' AND ')
                          FROM unnest(reference.referenced_columns, reference.referencing_columns) AS k(r, t)))
           INTO orphans USING submission_ids;
        IF orphans > 0 THEN
            referencing_table := reference.referencing_table;
            referencing_columns := reference.referencing_columns;
            referenced_table := reference.referenced_table;
            orphan_rows := orphans;
            RETURN NEXT;
        END IF;
    END LOOP;
END
$$;
COMMENT ON FUNCTION ops.orphan_keys(bigint[]) IS 'The relationships of ops.key_reference that some row breaks (its key refers to no row), with how many rows, among the rows of the given submissions (every row when null). Empty when every key resolves; ingest runs it after every run over the submissions it loaded.';
