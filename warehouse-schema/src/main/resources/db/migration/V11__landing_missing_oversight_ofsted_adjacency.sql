-- Landing tables of the returns this product specifies (docs/returns/*.md, version 1.0), the Ofsted children's
-- homes register and the LA adjacency list. Column names mirror the specification columns in snake_case.
-- Child identifiers arrive pseudonymised; dates of birth and postcodes are kept only here.

CREATE TABLE landing.missing_incident (
    submission_id          bigint  NOT NULL REFERENCES ops.submission (submission_id),
    row_number             integer NOT NULL,
    incident_id            text    NOT NULL,
    child_pseudonym        text    NOT NULL,
    date_of_birth          date,
    missing_from           text    NOT NULL,
    missing_type           text    NOT NULL,
    mis_start              timestamp NOT NULL,
    mis_end                timestamp,
    placed_out_of_area     text,
    placing_la             text,
    host_la                text,
    rhi_offered            text,
    rhi_offered_date       date,
    rhi_accepted           text,
    rhi_completed_datetime timestamp,
    rhi_conducted_by       text,
    PRIMARY KEY (submission_id, row_number)
);
COMMENT ON TABLE landing.missing_incident IS 'Missing episodes and return interviews return (docs/returns/missing-episodes.md), one row per incident as received. Restricted: full date of birth.';
COMMENT ON COLUMN landing.missing_incident.submission_id IS 'Lineage: the submission the row came in.';
COMMENT ON COLUMN landing.missing_incident.row_number IS 'Lineage: the LA''s row number in its file (1 = first data row).';
COMMENT ON COLUMN landing.missing_incident.incident_id IS 'INCIDENT_ID: the LA''s identifier of the incident, stable across submissions.';
COMMENT ON COLUMN landing.missing_incident.child_pseudonym IS 'CHILD pseudonymised: keyed hash (HMAC-SHA-256) of LA code and CHILD.';
COMMENT ON COLUMN landing.missing_incident.date_of_birth IS 'DOB as sent. Restricted; reduced to month outside landing.';
COMMENT ON COLUMN landing.missing_incident.missing_from IS 'MISSING_FROM: HOME or CARE.';
COMMENT ON COLUMN landing.missing_incident.missing_type IS 'MISSING_TYPE: M missing, A away without authorisation (care only).';
COMMENT ON COLUMN landing.missing_incident.mis_start IS 'MIS_START: when the child was first missing or away (UK local time).';
COMMENT ON COLUMN landing.missing_incident.mis_end IS 'MIS_END: when the child returned or was found; null while still missing.';
COMMENT ON COLUMN landing.missing_incident.placed_out_of_area IS 'PLACED_OUT_OF_AREA: Y or N for CARE incidents; null for HOME.';
COMMENT ON COLUMN landing.missing_incident.placing_la IS 'PLACING_LA: the responsible LA (CARE only).';
COMMENT ON COLUMN landing.missing_incident.host_la IS 'HOST_LA: upper-tier LA or country code where the placement is (CARE only).';
COMMENT ON COLUMN landing.missing_incident.rhi_offered IS 'RHI_OFFERED: Y or N; null while still missing.';
COMMENT ON COLUMN landing.missing_incident.rhi_offered_date IS 'RHI_OFFERED_DATE: when the return interview was offered.';
COMMENT ON COLUMN landing.missing_incident.rhi_accepted IS 'RHI_ACCEPTED: Y accepted, N declined, null not offered or not yet known.';
COMMENT ON COLUMN landing.missing_incident.rhi_completed_datetime IS 'RHI_COMPLETED_DATETIME: when the return interview took place.';
COMMENT ON COLUMN landing.missing_incident.rhi_conducted_by IS 'RHI_CONDUCTED_BY: IND independent provider, LAT LA team, SWK social worker, OTH other.';

CREATE TABLE landing.oversight_placement (
    submission_id          bigint  NOT NULL REFERENCES ops.submission (submission_id),
    row_number             integer NOT NULL,
    child_pseudonym        text    NOT NULL,
    decom                  date    NOT NULL,
    place                  text    NOT NULL,
    urn                    text,
    host_la                text    NOT NULL,
    approved_by            text,
    approval_date          date,
    emergency              text    NOT NULL,
    host_notified          text    NOT NULL,
    host_notified_date     date,
    admission_notice_date  date,
    discharge_notice_date  date,
    PRIMARY KEY (submission_id, row_number)
);
COMMENT ON TABLE landing.oversight_placement IS 'Out-of-area placement oversight return (docs/returns/out-of-area-oversight.md), one row per placement outside the LA as received.';
COMMENT ON COLUMN landing.oversight_placement.submission_id IS 'Lineage: the submission the row came in.';
COMMENT ON COLUMN landing.oversight_placement.row_number IS 'Lineage: the LA''s row number in its file (1 = first data row).';
COMMENT ON COLUMN landing.oversight_placement.child_pseudonym IS 'CHILD pseudonymised: keyed hash (HMAC-SHA-256) of LA code and CHILD.';
COMMENT ON COLUMN landing.oversight_placement.decom IS 'DECOM: start of the SSDA903 episode in which the placement started.';
COMMENT ON COLUMN landing.oversight_placement.place IS 'PLACE: SSDA903 placement type code.';
COMMENT ON COLUMN landing.oversight_placement.urn IS 'URN: Ofsted unique reference number of the home (K1/K2), as sent.';
COMMENT ON COLUMN landing.oversight_placement.host_la IS 'HOST_LA: upper-tier LA or country code where the placement is.';
COMMENT ON COLUMN landing.oversight_placement.approved_by IS 'APPROVED_BY: NOM nominated officer, DCS director of children''s services; null no approval recorded.';
COMMENT ON COLUMN landing.oversight_placement.approval_date IS 'APPROVAL_DATE.';
COMMENT ON COLUMN landing.oversight_placement.emergency IS 'EMERGENCY: Y or N.';
COMMENT ON COLUMN landing.oversight_placement.host_notified IS 'HOST_NOTIFIED: Y or N.';
COMMENT ON COLUMN landing.oversight_placement.host_notified_date IS 'HOST_NOTIFIED_DATE: when the host authority was notified.';
COMMENT ON COLUMN landing.oversight_placement.admission_notice_date IS 'ADMISSION_NOTICE_DATE: the home''s admission notice to the host authority (K1/K2).';
COMMENT ON COLUMN landing.oversight_placement.discharge_notice_date IS 'DISCHARGE_NOTICE_DATE: the home''s discharge notice to the host authority (K1/K2).';

CREATE TABLE landing.ofsted_children_home (
    submission_id          bigint  NOT NULL REFERENCES ops.submission (submission_id),
    row_number             integer NOT NULL,
    urn                    text    NOT NULL,
    local_authority_name   text,
    provider_type          text,
    provider_subtype       text,
    sector                 text,
    setting_name           text,
    registration_date      date,
    registration_status    text,
    closed_date            date,
    places                 integer,
    overall_effectiveness  text,
    last_inspection_date   date,
    postcode               text,
    region_name            text,
    placement_codes        text,
    PRIMARY KEY (submission_id, row_number)
);
COMMENT ON TABLE landing.ofsted_children_home IS 'Ofsted social care providers register (provider-level CSV/XLSX) as received, one row per provider. Restricted: setting name and postcode are never published.';
COMMENT ON COLUMN landing.ofsted_children_home.submission_id IS 'Lineage: the register load the row came in.';
COMMENT ON COLUMN landing.ofsted_children_home.row_number IS 'Lineage: row number in the register file (1 = first data row).';
COMMENT ON COLUMN landing.ofsted_children_home.urn IS 'URN: Ofsted unique reference number of the provider.';
COMMENT ON COLUMN landing.ofsted_children_home.local_authority_name IS 'Local Authority: the LA the setting is in, by name as Ofsted writes it (join through postcode or name lookup, never trusted as a code).';
COMMENT ON COLUMN landing.ofsted_children_home.provider_type IS 'Provider Type, e.g. Children''s Home.';
COMMENT ON COLUMN landing.ofsted_children_home.provider_subtype IS 'Provider Subtype, e.g. Secure Unit, Children''s Home.';
COMMENT ON COLUMN landing.ofsted_children_home.sector IS 'Sector: Local Authority, Private, Voluntary, Health Authority.';
COMMENT ON COLUMN landing.ofsted_children_home.setting_name IS 'Setting Name. Restricted.';
COMMENT ON COLUMN landing.ofsted_children_home.registration_date IS 'Registration Date.';
COMMENT ON COLUMN landing.ofsted_children_home.registration_status IS 'Provider Status / Registration Status, e.g. Active, Closed, Suspended.';
COMMENT ON COLUMN landing.ofsted_children_home.closed_date IS 'Closed Date / Deregistration Date; null while open.';
COMMENT ON COLUMN landing.ofsted_children_home.places IS 'Max Users / Number of registered places.';
COMMENT ON COLUMN landing.ofsted_children_home.overall_effectiveness IS 'Overall effectiveness judgement of the latest full inspection, as Ofsted writes it; null if not yet inspected.';
COMMENT ON COLUMN landing.ofsted_children_home.last_inspection_date IS 'Start date of the latest full inspection.';
COMMENT ON COLUMN landing.ofsted_children_home.postcode IS 'Setting Address Postcode, normalised. Restricted: never published.';
COMMENT ON COLUMN landing.ofsted_children_home.region_name IS 'Region as Ofsted writes it, where given.';
COMMENT ON COLUMN landing.ofsted_children_home.placement_codes IS 'Placement Code(s) the provider offers (e.g. K2), as sent.';

CREATE TABLE landing.la_adjacency (
    submission_id     bigint  NOT NULL REFERENCES ops.submission (submission_id),
    row_number        integer NOT NULL,
    la_code           text    NOT NULL,
    adjacent_la_code  text    NOT NULL,
    PRIMARY KEY (submission_id, row_number)
);
COMMENT ON TABLE landing.la_adjacency IS 'Pairs of upper-tier LAs sharing a boundary (national/geography/la_adjacency.csv) as received.';
COMMENT ON COLUMN landing.la_adjacency.submission_id IS 'Lineage: the adjacency load the row came in.';
COMMENT ON COLUMN landing.la_adjacency.row_number IS 'Lineage: row number in the file (1 = first data row).';
COMMENT ON COLUMN landing.la_adjacency.la_code IS 'la_code: an upper-tier LA code.';
COMMENT ON COLUMN landing.la_adjacency.adjacent_la_code IS 'adjacent_la_code: an LA sharing a boundary with it.';
