-- What each LA sent, what happened to it, and why rows were rejected.
-- Accounting identity, enforced by the database: rows received = rows loaded + rows rejected.

CREATE TABLE ops.submission (
    submission_id    bigserial PRIMARY KEY,
    la_code          text        NOT NULL,
    return_code      text        NOT NULL,
    collection_year  smallint    NOT NULL,
    source           text        NOT NULL,
    content_sha256   char(64)    NOT NULL,
    content_bytes    bigint      NOT NULL,
    received_at      timestamptz NOT NULL DEFAULT now(),
    state            text        NOT NULL DEFAULT 'received',
    state_reason     text,
    rows_received    bigint      NOT NULL DEFAULT 0,
    rows_loaded      bigint      NOT NULL DEFAULT 0,
    rows_rejected    bigint      NOT NULL DEFAULT 0,
    superseded_by    bigint REFERENCES ops.submission (submission_id),
    completed_at     timestamptz,
    CONSTRAINT submission_state_known CHECK (state IN ('received', 'loading', 'loaded', 'rejected', 'superseded', 'failed')),
    CONSTRAINT submission_rows_accounted CHECK (rows_received = rows_loaded + rows_rejected),
    CONSTRAINT submission_content_once UNIQUE (la_code, return_code, collection_year, content_sha256)
);
CREATE INDEX submission_by_la_year ON ops.submission (collection_year, la_code, return_code);

COMMENT ON TABLE ops.submission IS 'One row per distinct file set an LA sent for a return and collection year. An unchanged resend is the same submission; a changed one is a new submission that supersedes the earlier one once loaded.';
COMMENT ON COLUMN ops.submission.submission_id IS 'Surrogate key of the submission; every landing and core row carries it as lineage.';
COMMENT ON COLUMN ops.submission.la_code IS 'ONS code (new_la_code) of the submitting local authority, as operating in the collection year.';
COMMENT ON COLUMN ops.submission.return_code IS 'Which return: ssda903, missing (missing episodes and return interviews), oversight (out-of-area placement oversight), ofsted_register, onspd.';
COMMENT ON COLUMN ops.submission.collection_year IS 'Reporting year, named by the calendar year in which it ends on 31 March (2025 = April 2024 to March 2025).';
COMMENT ON COLUMN ops.submission.source IS 'Where the submission was pulled from (inbox path or endpoint). Restricted: may reveal file locations.';
COMMENT ON COLUMN ops.submission.content_sha256 IS 'SHA-256 over the submission''s files (names and bytes); identifies an unchanged resend.';
COMMENT ON COLUMN ops.submission.content_bytes IS 'Total size of the submission''s files in bytes.';
COMMENT ON COLUMN ops.submission.received_at IS 'When the pipeline first saw this content.';
COMMENT ON COLUMN ops.submission.state IS 'received, loading, loaded (rows in the warehouse), rejected (whole submission refused, e.g. unreadable or claims another LA), superseded (a later submission replaced it), failed (system failure; re-run).';
COMMENT ON COLUMN ops.submission.state_reason IS 'Plain-English reason for rejected or failed states.';
COMMENT ON COLUMN ops.submission.rows_received IS 'Data rows received across the submission''s files (header lines excluded).';
COMMENT ON COLUMN ops.submission.rows_loaded IS 'Rows loaded into the warehouse (including rows loaded with a query flag).';
COMMENT ON COLUMN ops.submission.rows_rejected IS 'Rows rejected by an error-severity validation rule.';
COMMENT ON COLUMN ops.submission.superseded_by IS 'The later submission for the same LA, return and year that replaced this one.';
COMMENT ON COLUMN ops.submission.completed_at IS 'When loading (or rejection) finished.';

CREATE TABLE ops.submission_file (
    submission_id   bigint   NOT NULL REFERENCES ops.submission (submission_id),
    file_name       text     NOT NULL,
    table_name      text     NOT NULL,
    content_sha256  char(64) NOT NULL,
    content_bytes   bigint   NOT NULL,
    rows_received   bigint   NOT NULL DEFAULT 0,
    rows_loaded     bigint   NOT NULL DEFAULT 0,
    rows_rejected   bigint   NOT NULL DEFAULT 0,
    PRIMARY KEY (submission_id, file_name),
    CONSTRAINT submission_file_rows_accounted CHECK (rows_received = rows_loaded + rows_rejected)
);
COMMENT ON TABLE ops.submission_file IS 'Each file of a submission (an SSDA903 CSV set has one per table) with its own row accounting.';
COMMENT ON COLUMN ops.submission_file.submission_id IS 'The submission the file belongs to.';
COMMENT ON COLUMN ops.submission_file.file_name IS 'File name as sent by the LA.';
COMMENT ON COLUMN ops.submission_file.table_name IS 'Which table of the return the file holds (e.g. header, episodes).';
COMMENT ON COLUMN ops.submission_file.content_sha256 IS 'SHA-256 of the file bytes.';
COMMENT ON COLUMN ops.submission_file.content_bytes IS 'File size in bytes.';
COMMENT ON COLUMN ops.submission_file.rows_received IS 'Data rows in the file.';
COMMENT ON COLUMN ops.submission_file.rows_loaded IS 'Rows of the file loaded.';
COMMENT ON COLUMN ops.submission_file.rows_rejected IS 'Rows of the file rejected.';

CREATE TABLE ops.validation_rule (
    rule_code    text PRIMARY KEY,
    severity     text NOT NULL,
    dfe_rule     boolean NOT NULL,
    return_code  text NOT NULL,
    description  text NOT NULL,
    CONSTRAINT validation_rule_severity CHECK (severity IN ('error', 'query'))
);
COMMENT ON TABLE ops.validation_rule IS 'Catalogue of validation rules. DfE codes where DfE has the rule (e.g. 164, 218, 574), our own codes (DP...) otherwise.';
COMMENT ON COLUMN ops.validation_rule.rule_code IS 'Rule code quoted in validation reports.';
COMMENT ON COLUMN ops.validation_rule.severity IS 'error: the row is rejected; query: the row is loaded and flagged for the LA to check.';
COMMENT ON COLUMN ops.validation_rule.dfe_rule IS 'True where the code is DfE''s own SSDA903 validation rule code.';
COMMENT ON COLUMN ops.validation_rule.return_code IS 'Return the rule applies to.';
COMMENT ON COLUMN ops.validation_rule.description IS 'What the rule checks, in plain English.';

CREATE TABLE ops.validation_issue (
    validation_issue_id bigserial PRIMARY KEY,
    submission_id       bigint NOT NULL REFERENCES ops.submission (submission_id),
    file_name           text   NOT NULL,
    row_number          bigint,
    rule_code           text   NOT NULL,
    severity            text   NOT NULL,
    field_name          text,
    field_value         text,
    message             text   NOT NULL,
    CONSTRAINT validation_issue_severity CHECK (severity IN ('error', 'query'))
);
CREATE INDEX validation_issue_by_submission ON ops.validation_issue (submission_id, rule_code);
COMMENT ON TABLE ops.validation_issue IS 'Every validation finding, as reported to the LA. Restricted: values may be personal data.';
COMMENT ON COLUMN ops.validation_issue.validation_issue_id IS 'Surrogate key.';
COMMENT ON COLUMN ops.validation_issue.submission_id IS 'Submission in which the finding was made.';
COMMENT ON COLUMN ops.validation_issue.file_name IS 'File of the submission.';
COMMENT ON COLUMN ops.validation_issue.row_number IS 'The LA''s row number: 1 is the first data row after the header line; null for file-level findings.';
COMMENT ON COLUMN ops.validation_issue.rule_code IS 'Rule that raised the finding (ops.validation_rule).';
COMMENT ON COLUMN ops.validation_issue.severity IS 'error (row rejected) or query (row loaded, flagged).';
COMMENT ON COLUMN ops.validation_issue.field_name IS 'Column the finding is about, if one.';
COMMENT ON COLUMN ops.validation_issue.field_value IS 'Offending value, truncated; never the child''s whole record.';
COMMENT ON COLUMN ops.validation_issue.message IS 'Plain-English message an LA data officer can act on.';
