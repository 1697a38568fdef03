-- An ingest run: the submissions one `ingest` command took on. The run id is the Spring Batch job parameter that
-- identifies the job instance (with the collection year), so a job is keyed by what it loads, never by a counter.

CREATE TABLE ops.ingest_run (
    ingest_run_id    bigserial   PRIMARY KEY,
    collection_year  smallint    NOT NULL,
    inbox            text        NOT NULL,
    requested_las    text[],
    created_at       timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE ops.ingest_run IS 'One row per ingest command that found new or unfinished submissions; the Spring Batch job instance is identified by (collection year, ingest run).';
COMMENT ON COLUMN ops.ingest_run.ingest_run_id IS 'Surrogate key; the ingest job''s identifying parameter.';
COMMENT ON COLUMN ops.ingest_run.collection_year IS 'Reporting year the run ingested (ending 31 March of this year).';
COMMENT ON COLUMN ops.ingest_run.inbox IS 'Inbox folder the run pulled from. Restricted: reveals file locations.';
COMMENT ON COLUMN ops.ingest_run.requested_las IS 'LA codes given with --la; null means every LA found in the inbox.';
COMMENT ON COLUMN ops.ingest_run.created_at IS 'When the run was planned.';

CREATE TABLE ops.ingest_run_submission (
    ingest_run_id  bigint NOT NULL REFERENCES ops.ingest_run (ingest_run_id),
    submission_id  bigint NOT NULL REFERENCES ops.submission (submission_id),
    PRIMARY KEY (ingest_run_id, submission_id)
);
COMMENT ON TABLE ops.ingest_run_submission IS 'Submissions an ingest run loads: new ones and any left unfinished by an earlier run (e.g. killed mid-load).';
COMMENT ON COLUMN ops.ingest_run_submission.ingest_run_id IS 'The run.';
COMMENT ON COLUMN ops.ingest_run_submission.submission_id IS 'A submission the run loads (ops.submission).';

ALTER TABLE ops.submission_file ADD COLUMN source_path text;
COMMENT ON COLUMN ops.submission_file.source_path IS 'Where ingest read the file (inbox path or local copy of a download). Restricted: reveals file locations.';
