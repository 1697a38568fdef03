-- The rest of the SSDA903 CSV set, as received and typed, with lineage. The data pack uses only header and
-- episodes, but every table an LA sends is validated and kept so that its validation report is complete and
-- later analyses need no re-collection. Child identifiers arrive pseudonymised; UPN (a direct identifier) is
-- validated on receipt and never stored.

ALTER TABLE landing.ssda903_header
    ADD COLUMN mother text,
    ADD COLUMN child_of_child_birth_date date;
COMMENT ON COLUMN landing.ssda903_header.mother IS 'MOTHER: 1 if the child is a mother, 0 if not, blank if not applicable.';
COMMENT ON COLUMN landing.ssda903_header.child_of_child_birth_date IS 'MC_DOB: date of birth of the child''s own child. Restricted.';

CREATE TABLE landing.ssda903_missing (
    submission_id    bigint  NOT NULL REFERENCES ops.submission (submission_id),
    row_number       integer NOT NULL,
    child_pseudonym  text    NOT NULL,
    date_of_birth    date,
    missing_type     text,
    missing_start    date,
    missing_end      date,
    PRIMARY KEY (submission_id, row_number)
);
COMMENT ON TABLE landing.ssda903_missing IS 'SSDA903 missing table: periods a looked-after child was missing (M) or away without authorisation (A). Restricted.';
COMMENT ON COLUMN landing.ssda903_missing.submission_id IS 'Lineage: the submission the row came in.';
COMMENT ON COLUMN landing.ssda903_missing.row_number IS 'Lineage: the LA''s row number in its file (1 = first data row).';
COMMENT ON COLUMN landing.ssda903_missing.child_pseudonym IS 'Keyed hash (HMAC-SHA-256) of LA code and CHILD.';
COMMENT ON COLUMN landing.ssda903_missing.date_of_birth IS 'DOB as sent. Restricted.';
COMMENT ON COLUMN landing.ssda903_missing.missing_type IS 'MISSING: M missing (whereabouts unknown), A away without authorisation.';
COMMENT ON COLUMN landing.ssda903_missing.missing_start IS 'MIS_START: first day of the period.';
COMMENT ON COLUMN landing.ssda903_missing.missing_end IS 'MIS_END: last day of the period; null while still missing.';

CREATE TABLE landing.ssda903_uasc (
    submission_id    bigint  NOT NULL REFERENCES ops.submission (submission_id),
    row_number       integer NOT NULL,
    child_pseudonym  text    NOT NULL,
    sex              text,
    date_of_birth    date,
    uasc_ceased_date date,
    PRIMARY KEY (submission_id, row_number)
);
COMMENT ON TABLE landing.ssda903_uasc IS 'SSDA903 UASC table: unaccompanied asylum-seeking children and the date they ceased to be UASC. Restricted.';
COMMENT ON COLUMN landing.ssda903_uasc.submission_id IS 'Lineage: the submission the row came in.';
COMMENT ON COLUMN landing.ssda903_uasc.row_number IS 'Lineage: the LA''s row number in its file (1 = first data row).';
COMMENT ON COLUMN landing.ssda903_uasc.child_pseudonym IS 'Keyed hash (HMAC-SHA-256) of LA code and CHILD.';
COMMENT ON COLUMN landing.ssda903_uasc.sex IS 'SEX as sent.';
COMMENT ON COLUMN landing.ssda903_uasc.date_of_birth IS 'DOB as sent. Restricted.';
COMMENT ON COLUMN landing.ssda903_uasc.uasc_ceased_date IS 'DUC: date the child ceased (or will cease) to be UASC.';

CREATE TABLE landing.ssda903_review (
    submission_id    bigint  NOT NULL REFERENCES ops.submission (submission_id),
    row_number       integer NOT NULL,
    child_pseudonym  text    NOT NULL,
    date_of_birth    date,
    review_date      date,
    participation_code text,
    PRIMARY KEY (submission_id, row_number)
);
COMMENT ON TABLE landing.ssda903_review IS 'SSDA903 reviews table: statutory reviews of looked-after children. Restricted.';
COMMENT ON COLUMN landing.ssda903_review.submission_id IS 'Lineage: the submission the row came in.';
COMMENT ON COLUMN landing.ssda903_review.row_number IS 'Lineage: the LA''s row number in its file (1 = first data row).';
COMMENT ON COLUMN landing.ssda903_review.child_pseudonym IS 'Keyed hash (HMAC-SHA-256) of LA code and CHILD.';
COMMENT ON COLUMN landing.ssda903_review.date_of_birth IS 'DOB as sent. Restricted.';
COMMENT ON COLUMN landing.ssda903_review.review_date IS 'REVIEW: date of the review.';
COMMENT ON COLUMN landing.ssda903_review.participation_code IS 'REVIEW_CODE: how the child participated (PN0-PN7).';

CREATE TABLE landing.ssda903_oc2 (
    submission_id    bigint  NOT NULL REFERENCES ops.submission (submission_id),
    row_number       integer NOT NULL,
    child_pseudonym  text    NOT NULL,
    date_of_birth    date,
    sdq_score        smallint,
    sdq_reason       text,
    convicted        text,
    health_check     text,
    immunisations    text,
    teeth_check      text,
    health_assessment text,
    substance_misuse text,
    intervention_received text,
    intervention_offered  text,
    PRIMARY KEY (submission_id, row_number)
);
COMMENT ON TABLE landing.ssda903_oc2 IS 'SSDA903 OC2 table: outcomes of children looked after continuously for 12 months. Restricted.';
COMMENT ON COLUMN landing.ssda903_oc2.submission_id IS 'Lineage: the submission the row came in.';
COMMENT ON COLUMN landing.ssda903_oc2.row_number IS 'Lineage: the LA''s row number in its file (1 = first data row).';
COMMENT ON COLUMN landing.ssda903_oc2.child_pseudonym IS 'Keyed hash (HMAC-SHA-256) of LA code and CHILD.';
COMMENT ON COLUMN landing.ssda903_oc2.date_of_birth IS 'DOB as sent. Restricted.';
COMMENT ON COLUMN landing.ssda903_oc2.sdq_score IS 'SDQ_SCORE: strengths and difficulties questionnaire score (0-40).';
COMMENT ON COLUMN landing.ssda903_oc2.sdq_reason IS 'SDQ_REASON: why no SDQ score (SDQ1-SDQ5).';
COMMENT ON COLUMN landing.ssda903_oc2.convicted IS 'CONVICTED: 1 convicted or subject to a final warning or reprimand in the year, 0 not.';
COMMENT ON COLUMN landing.ssda903_oc2.health_check IS 'HEALTH_CHECK: 1 health check up to date, 0 not.';
COMMENT ON COLUMN landing.ssda903_oc2.immunisations IS 'IMMUNISATIONS: 1 up to date, 0 not.';
COMMENT ON COLUMN landing.ssda903_oc2.teeth_check IS 'TEETH_CHECK: 1 dental check up to date, 0 not.';
COMMENT ON COLUMN landing.ssda903_oc2.health_assessment IS 'HEALTH_ASSESSMENT: 1 annual health assessment up to date, 0 not.';
COMMENT ON COLUMN landing.ssda903_oc2.substance_misuse IS 'SUBSTANCE_MISUSE: 1 identified as having a substance misuse problem, 0 not.';
COMMENT ON COLUMN landing.ssda903_oc2.intervention_received IS 'INTERVENTION_RECEIVED: 1 received an intervention for substance misuse, 0 not.';
COMMENT ON COLUMN landing.ssda903_oc2.intervention_offered IS 'INTERVENTION_OFFERED: 1 offered an intervention and refused it, 0 not.';

CREATE TABLE landing.ssda903_oc3 (
    submission_id    bigint  NOT NULL REFERENCES ops.submission (submission_id),
    row_number       integer NOT NULL,
    child_pseudonym  text    NOT NULL,
    date_of_birth    date,
    in_touch         text,
    activity         text,
    accommodation    text,
    PRIMARY KEY (submission_id, row_number)
);
COMMENT ON TABLE landing.ssda903_oc3 IS 'SSDA903 OC3 table: care leavers at their 17th to 21st birthdays. Restricted.';
COMMENT ON COLUMN landing.ssda903_oc3.submission_id IS 'Lineage: the submission the row came in.';
COMMENT ON COLUMN landing.ssda903_oc3.row_number IS 'Lineage: the LA''s row number in its file (1 = first data row).';
COMMENT ON COLUMN landing.ssda903_oc3.child_pseudonym IS 'Keyed hash (HMAC-SHA-256) of LA code and CHILD.';
COMMENT ON COLUMN landing.ssda903_oc3.date_of_birth IS 'DOB as sent. Restricted.';
COMMENT ON COLUMN landing.ssda903_oc3.in_touch IS 'IN_TOUCH: whether the LA is in touch (YES, NO, DIED, REFU, NREQ, RHOM).';
COMMENT ON COLUMN landing.ssda903_oc3.activity IS 'ACTIV: main activity (F1, P1, F2, P2, F4, P4, F5, P5, G4, G5, G6, 0).';
COMMENT ON COLUMN landing.ssda903_oc3.accommodation IS 'ACCOM: type of accommodation (B..U with suitability digit, X, Y, Z, 0).';

CREATE TABLE landing.ssda903_ad1 (
    submission_id    bigint  NOT NULL REFERENCES ops.submission (submission_id),
    row_number       integer NOT NULL,
    child_pseudonym  text    NOT NULL,
    date_of_birth    date,
    date_should_be_placed date,
    date_matched     date,
    foster_care      text,
    number_of_adopters text,
    sex_of_adopters  text,
    legal_status_of_adopters text,
    PRIMARY KEY (submission_id, row_number)
);
COMMENT ON TABLE landing.ssda903_ad1 IS 'SSDA903 AD1 table: children adopted in the year. Restricted.';
COMMENT ON COLUMN landing.ssda903_ad1.submission_id IS 'Lineage: the submission the row came in.';
COMMENT ON COLUMN landing.ssda903_ad1.row_number IS 'Lineage: the LA''s row number in its file (1 = first data row).';
COMMENT ON COLUMN landing.ssda903_ad1.child_pseudonym IS 'Keyed hash (HMAC-SHA-256) of LA code and CHILD.';
COMMENT ON COLUMN landing.ssda903_ad1.date_of_birth IS 'DOB as sent. Restricted.';
COMMENT ON COLUMN landing.ssda903_ad1.date_should_be_placed IS 'DATE_INT: date of the decision that the child should be placed for adoption.';
COMMENT ON COLUMN landing.ssda903_ad1.date_matched IS 'DATE_MATCH: date the child was matched with the adopters.';
COMMENT ON COLUMN landing.ssda903_ad1.foster_care IS 'FOSTER_CARE: 1 adopted by the foster carer, 0 not.';
COMMENT ON COLUMN landing.ssda903_ad1.number_of_adopters IS 'NB_ADOPTR: 1 single adopter, 2 couple.';
COMMENT ON COLUMN landing.ssda903_ad1.sex_of_adopters IS 'SEX_ADOPTR: M1, F1, MM, FF, MF.';
COMMENT ON COLUMN landing.ssda903_ad1.legal_status_of_adopters IS 'LS_ADOPTR: legal status of the adopters (L0, L11, L12, L2, L3, L4).';

CREATE TABLE landing.ssda903_placed_for_adoption (
    submission_id    bigint  NOT NULL REFERENCES ops.submission (submission_id),
    row_number       integer NOT NULL,
    child_pseudonym  text    NOT NULL,
    date_of_birth    date,
    date_placed      date,
    date_placed_ceased date,
    reason_placed_ceased text,
    PRIMARY KEY (submission_id, row_number)
);
COMMENT ON TABLE landing.ssda903_placed_for_adoption IS 'SSDA903 placed-for-adoption table. Restricted.';
COMMENT ON COLUMN landing.ssda903_placed_for_adoption.submission_id IS 'Lineage: the submission the row came in.';
COMMENT ON COLUMN landing.ssda903_placed_for_adoption.row_number IS 'Lineage: the LA''s row number in its file (1 = first data row).';
COMMENT ON COLUMN landing.ssda903_placed_for_adoption.child_pseudonym IS 'Keyed hash (HMAC-SHA-256) of LA code and CHILD.';
COMMENT ON COLUMN landing.ssda903_placed_for_adoption.date_of_birth IS 'DOB as sent. Restricted.';
COMMENT ON COLUMN landing.ssda903_placed_for_adoption.date_placed IS 'DATE_PLACED: date of the decision that the child should be placed for adoption.';
COMMENT ON COLUMN landing.ssda903_placed_for_adoption.date_placed_ceased IS 'DATE_PLACED_CEASED: date that decision was reversed, if it was.';
COMMENT ON COLUMN landing.ssda903_placed_for_adoption.reason_placed_ceased IS 'REASON_PLACED_CEASED: why the decision ceased (RD1-RD4).';

CREATE TABLE landing.ssda903_previous_permanence (
    submission_id    bigint  NOT NULL REFERENCES ops.submission (submission_id),
    row_number       integer NOT NULL,
    child_pseudonym  text    NOT NULL,
    date_of_birth    date,
    previous_permanence text,
    permanence_la    text,
    permanence_date  text,
    PRIMARY KEY (submission_id, row_number)
);
COMMENT ON TABLE landing.ssda903_previous_permanence IS 'SSDA903 previous permanence table: adoption, special guardianship or residence orders before this period of care. Restricted.';
COMMENT ON COLUMN landing.ssda903_previous_permanence.submission_id IS 'Lineage: the submission the row came in.';
COMMENT ON COLUMN landing.ssda903_previous_permanence.row_number IS 'Lineage: the LA''s row number in its file (1 = first data row).';
COMMENT ON COLUMN landing.ssda903_previous_permanence.child_pseudonym IS 'Keyed hash (HMAC-SHA-256) of LA code and CHILD.';
COMMENT ON COLUMN landing.ssda903_previous_permanence.date_of_birth IS 'DOB as sent. Restricted.';
COMMENT ON COLUMN landing.ssda903_previous_permanence.previous_permanence IS 'PREV_PERM: P1 adoption, P2 special guardianship, P3 residence/child arrangements order, Z1 none or not known.';
COMMENT ON COLUMN landing.ssda903_previous_permanence.permanence_la IS 'LA_PERM: LA that made the previous order, as sent.';
COMMENT ON COLUMN landing.ssda903_previous_permanence.permanence_date IS 'DATE_PERM: date of the order as sent (DfE allows partial dates such as zz/mm/yyyy).';

CREATE TABLE landing.ssda903_sw_episode (
    submission_id    bigint  NOT NULL REFERENCES ops.submission (submission_id),
    row_number       integer NOT NULL,
    child_pseudonym  text    NOT NULL,
    date_of_birth    date,
    social_worker_id text,
    social_worker_start date,
    social_worker_end   date,
    social_worker_change_reason text,
    PRIMARY KEY (submission_id, row_number)
);
COMMENT ON TABLE landing.ssda903_sw_episode IS 'SSDA903 social worker episodes table. Restricted.';
COMMENT ON COLUMN landing.ssda903_sw_episode.submission_id IS 'Lineage: the submission the row came in.';
COMMENT ON COLUMN landing.ssda903_sw_episode.row_number IS 'Lineage: the LA''s row number in its file (1 = first data row).';
COMMENT ON COLUMN landing.ssda903_sw_episode.child_pseudonym IS 'Keyed hash (HMAC-SHA-256) of LA code and CHILD.';
COMMENT ON COLUMN landing.ssda903_sw_episode.date_of_birth IS 'DOB as sent. Restricted.';
COMMENT ON COLUMN landing.ssda903_sw_episode.social_worker_id IS 'SW_ID: the LA''s identifier of the social worker.';
COMMENT ON COLUMN landing.ssda903_sw_episode.social_worker_start IS 'SW_DECOM: date the social worker episode started.';
COMMENT ON COLUMN landing.ssda903_sw_episode.social_worker_end IS 'SW_DEC: date it ended; null while open.';
COMMENT ON COLUMN landing.ssda903_sw_episode.social_worker_change_reason IS 'SW_REASON: why the social worker changed.';

-- ONSPD rows as received, before they are merged into landing.onspd_postcode (keyed by postcode, latest file
-- wins). COPY cannot upsert, so a load goes here first; unlogged because it is rebuilt from the file on failure.
CREATE UNLOGGED TABLE landing.onspd_postcode_received (
    submission_id     bigint  NOT NULL REFERENCES ops.submission (submission_id),
    row_number        integer NOT NULL,
    postcode          text    NOT NULL,
    la_district_code  text,
    county_code       text,
    country_code      text,
    region_code       text,
    easting           integer,
    northing          integer
);
COMMENT ON TABLE landing.onspd_postcode_received IS 'ONSPD rows of one load, awaiting the merge into landing.onspd_postcode; emptied once merged.';
COMMENT ON COLUMN landing.onspd_postcode_received.submission_id IS 'Lineage: the ONSPD load.';
COMMENT ON COLUMN landing.onspd_postcode_received.row_number IS 'Lineage: row number in the ONSPD file (1 = first data row).';
COMMENT ON COLUMN landing.onspd_postcode_received.postcode IS 'pcds (or pcd), normalised: upper case, one space before the inward code.';
COMMENT ON COLUMN landing.onspd_postcode_received.la_district_code IS 'oslaua.';
COMMENT ON COLUMN landing.onspd_postcode_received.county_code IS 'oscty.';
COMMENT ON COLUMN landing.onspd_postcode_received.country_code IS 'ctry.';
COMMENT ON COLUMN landing.onspd_postcode_received.region_code IS 'rgn.';
COMMENT ON COLUMN landing.onspd_postcode_received.easting IS 'oseast1m.';
COMMENT ON COLUMN landing.onspd_postcode_received.northing IS 'osnrth1m.';

CREATE PROCEDURE landing.merge_onspd_postcodes(p_submission_id bigint)
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO landing.onspd_postcode (postcode, la_district_code, county_code, country_code, region_code,
                                        easting, northing, submission_id)
    SELECT DISTINCT ON (postcode) postcode, la_district_code, county_code, country_code, region_code,
           easting, northing, submission_id
      FROM landing.onspd_postcode_received
     WHERE submission_id = p_submission_id
     ORDER BY postcode, row_number DESC
    ON CONFLICT (postcode) DO UPDATE
       SET la_district_code = excluded.la_district_code, county_code = excluded.county_code,
           country_code = excluded.country_code, region_code = excluded.region_code,
           easting = excluded.easting, northing = excluded.northing, submission_id = excluded.submission_id;
    DELETE FROM landing.onspd_postcode_received WHERE submission_id = p_submission_id;
END
$$;
COMMENT ON PROCEDURE landing.merge_onspd_postcodes(bigint) IS 'Upserts one ONSPD load into landing.onspd_postcode (a later row for the same postcode wins) and empties its received rows.';
