-- The cross-row validation rules of ingest (jobs: rules/catalogue.yaml) look up the other rows of the same child
-- within a submission (episodes without a header row, missing periods outside care, overlapping incidents, a
-- placement missing from the SSDA903 return), and the rows an error rule found by file and row number. Without
-- these indexes each of those checks is quadratic in the size of an LA's return.

CREATE INDEX ssda903_header_by_child ON landing.ssda903_header (submission_id, child_pseudonym);
CREATE INDEX ssda903_episode_by_child ON landing.ssda903_episode (submission_id, child_pseudonym, episode_start);
CREATE INDEX ssda903_missing_by_child ON landing.ssda903_missing (submission_id, child_pseudonym, missing_start);
CREATE INDEX missing_incident_by_child ON landing.missing_incident (submission_id, child_pseudonym, mis_start);
CREATE INDEX oversight_placement_by_child ON landing.oversight_placement (submission_id, child_pseudonym, decom);
CREATE INDEX validation_issue_by_file_row ON ops.validation_issue (submission_id, file_name, row_number);
