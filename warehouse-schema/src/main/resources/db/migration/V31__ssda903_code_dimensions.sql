-- SSDA903 code dimensions, each with descriptions from the DfE children looked after guidance, the collection years
-- a code is valid in, and three fixed unknown members: -1 Not known (code blank), -2 Not applicable (e.g. no
-- reason ceased for an open episode), -3 Not recognised (a code sent that is not in the list). Facts keep the
-- code as sent beside the key, so a query reads either.

CREATE TABLE core.dim_placement_type (
    placement_type_key smallint PRIMARY KEY,
    placement_type_code text UNIQUE,
    placement_type_description text NOT NULL,
    placement_group text NOT NULL,
    is_childrens_home boolean NOT NULL,
    is_foster_care boolean NOT NULL,
    first_collection_year smallint,
    last_collection_year smallint,
    is_unknown_member boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE core.dim_placement_type IS 'SSDA903 placement type (PLACE) with the data pack''s placement group. Codes are valid from first_collection_year to last_collection_year (null = no limit): K3 arrived in 2024/25 (2025), H5 was last valid in 2024/25 (2025), Z11-Z14 split Z1 from 2026/27 (2027).';
COMMENT ON COLUMN core.dim_placement_type.placement_type_key IS 'Surrogate key; -1 Not known, -2 Not applicable, -3 Not recognised.';
COMMENT ON COLUMN core.dim_placement_type.placement_type_code IS 'PLACE code as DfE lists it; null for the unknown members.';
COMMENT ON COLUMN core.dim_placement_type.placement_type_description IS 'What the code means, as the DfE guidance describes it.';
COMMENT ON COLUMN core.dim_placement_type.placement_group IS 'Data pack placement group: Children''s homes (K1, K2), Foster care (U1-U6) or Other.';
COMMENT ON COLUMN core.dim_placement_type.is_childrens_home IS 'True for K1 and K2: placements in homes registered under the Children''s Homes (England) Regulations 2015, which must notify the host LA of admissions.';
COMMENT ON COLUMN core.dim_placement_type.is_foster_care IS 'True for U1-U6 foster placements.';
COMMENT ON COLUMN core.dim_placement_type.first_collection_year IS 'First collection year in which the code is valid; null = valid before the warehouse''s history starts.';
COMMENT ON COLUMN core.dim_placement_type.last_collection_year IS 'Last collection year in which the code is valid; null = still valid.';
COMMENT ON COLUMN core.dim_placement_type.is_unknown_member IS 'True for the fixed unknown members (-1, -2, -3).';
INSERT INTO core.dim_placement_type (placement_type_key, placement_type_code, placement_type_description, placement_group, is_childrens_home, is_foster_care, first_collection_year, last_collection_year, is_unknown_member) VALUES
    (-1, NULL, 'Not known', 'Other', false, false, NULL, NULL, true),
    (-2, NULL, 'Not applicable', 'Other', false, false, NULL, NULL, true),
    (-3, NULL, 'Not recognised', 'Other', false, false, NULL, NULL, true),
    (1, 'A3', 'Placed for adoption with parental or guardian consent with current foster carer(s)', 'Other', false, false, NULL, NULL, false),
    (2, 'A4', 'Placed for adoption with parental or guardian consent not with current foster carer(s)', 'Other', false, false, NULL, NULL, false),
    (3, 'A5', 'Placed for adoption with a placement order with current foster carer(s)', 'Other', false, false, NULL, NULL, false),
    (4, 'A6', 'Placed for adoption with a placement order not with current foster carer(s)', 'Other', false, false, NULL, NULL, false),
    (5, 'H5', 'Semi-independent living accommodation not subject to children''s homes regulations', 'Other', false, false, NULL, 2025, false),
    (6, 'K1', 'Secure children''s home', 'Children''s homes (K1, K2)', true, false, NULL, NULL, false),
    (7, 'K2', 'Children''s home subject to the Children''s Homes Regulations', 'Children''s homes (K1, K2)', true, false, NULL, NULL, false),
    (8, 'K3', 'Registered supported accommodation (Supported Accommodation (England) Regulations 2023)', 'Other', false, false, 2025, NULL, false),
    (9, 'P1', 'Placed with own parent(s) or other person(s) with parental responsibility', 'Other', false, false, NULL, NULL, false),
    (10, 'P2', 'Independent living, e.g. in a flat, lodgings, bedsit, bed and breakfast or with friends, with or without formal support', 'Other', false, false, NULL, NULL, false),
    (11, 'P3', 'Residential employment', 'Other', false, false, NULL, NULL, false),
    (12, 'R1', 'Residential care home', 'Other', false, false, NULL, NULL, false),
    (13, 'R2', 'NHS or health trust or other establishment providing medical or nursing care', 'Other', false, false, NULL, NULL, false),
    (14, 'R3', 'Family centre or mother and baby unit', 'Other', false, false, NULL, NULL, false),
    (15, 'R4', 'Residential care in a setting not listed elsewhere (historical code)', 'Other', false, false, NULL, NULL, false),
    (16, 'R5', 'Young offender institution or prison', 'Other', false, false, NULL, NULL, false),
    (17, 'S1', 'All residential schools, except where dual-registered as a school and children''s home', 'Other', false, false, NULL, NULL, false),
    (18, 'T0', 'Temporary placement: all types of temporary move', 'Other', false, false, NULL, NULL, false),
    (19, 'T1', 'Temporary periods in hospital', 'Other', false, false, NULL, NULL, false),
    (20, 'T2', 'Temporary absences of the child on holiday', 'Other', false, false, NULL, NULL, false),
    (21, 'T3', 'Temporary accommodation whilst normal foster carer(s) is/are on holiday', 'Other', false, false, NULL, NULL, false),
    (22, 'T4', 'Temporary accommodation of seven days or less, for any reason, not covered by T1 to T3', 'Other', false, false, NULL, NULL, false),
    (23, 'U1', 'Foster placement with relative(s) or friend(s): long-term fostering', 'Foster care', false, true, NULL, NULL, false),
    (24, 'U2', 'Foster placement with relative(s) or friend(s) who is/are also an approved adopter(s): fostering for adoption or concurrent planning', 'Foster care', false, true, NULL, NULL, false),
    (25, 'U3', 'Foster placement with relative(s) or friend(s): not long-term or fostering for adoption', 'Foster care', false, true, NULL, NULL, false),
    (26, 'U4', 'Foster placement with other foster carer(s): long-term fostering', 'Foster care', false, true, NULL, NULL, false),
    (27, 'U5', 'Foster placement with other foster carer(s) who is/are also an approved adopter(s): fostering for adoption or concurrent planning', 'Foster care', false, true, NULL, NULL, false),
    (28, 'U6', 'Foster placement with other foster carer(s): not long-term or fostering for adoption', 'Foster care', false, true, NULL, NULL, false),
    (29, 'Z1', 'Other placements (listed on a schedule sent to DfE with the return)', 'Other', false, false, NULL, 2026, false),
    (30, 'Z11', 'Other placement, first of the categories that replace Z1 from 2026/27 (see the DfE 2026/27 guidance)', 'Other', false, false, 2027, NULL, false),
    (31, 'Z12', 'Other placement, second of the categories that replace Z1 from 2026/27 (see the DfE 2026/27 guidance)', 'Other', false, false, 2027, NULL, false),
    (32, 'Z13', 'Other placement, third of the categories that replace Z1 from 2026/27 (see the DfE 2026/27 guidance)', 'Other', false, false, 2027, NULL, false),
    (33, 'Z14', 'Other placement, fourth of the categories that replace Z1 from 2026/27 (see the DfE 2026/27 guidance)', 'Other', false, false, 2027, NULL, false);

CREATE TABLE core.dim_placement_provider (
    placement_provider_key smallint PRIMARY KEY,
    placement_provider_code text UNIQUE,
    placement_provider_description text NOT NULL,
    provider_sector text NOT NULL,
    first_collection_year smallint,
    last_collection_year smallint,
    is_unknown_member boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE core.dim_placement_provider IS 'SSDA903 placement provider (PLACE_PROVIDER): who provides the placement.';
COMMENT ON COLUMN core.dim_placement_provider.placement_provider_key IS 'Surrogate key; -1 Not known, -2 Not applicable, -3 Not recognised.';
COMMENT ON COLUMN core.dim_placement_provider.placement_provider_code IS 'PLACE_PROVIDER code as DfE lists it; null for the unknown members.';
COMMENT ON COLUMN core.dim_placement_provider.placement_provider_description IS 'What the code means, as the DfE guidance describes it.';
COMMENT ON COLUMN core.dim_placement_provider.provider_sector IS 'Sector of the provider in words: Parents, Own LA, Other LA, Other public, Private, Voluntary.';
COMMENT ON COLUMN core.dim_placement_provider.first_collection_year IS 'First collection year in which the code is valid; null = valid before the warehouse''s history starts.';
COMMENT ON COLUMN core.dim_placement_provider.last_collection_year IS 'Last collection year in which the code is valid; null = still valid.';
COMMENT ON COLUMN core.dim_placement_provider.is_unknown_member IS 'True for the fixed unknown members (-1, -2, -3).';
INSERT INTO core.dim_placement_provider (placement_provider_key, placement_provider_code, placement_provider_description, provider_sector, first_collection_year, last_collection_year, is_unknown_member) VALUES
    (-1, NULL, 'Not known', 'Not known', NULL, NULL, true),
    (-2, NULL, 'Not applicable', 'Not known', NULL, NULL, true),
    (-3, NULL, 'Not recognised', 'Not known', NULL, NULL, true),
    (1, 'PR0', 'Parent(s) or other person(s) with parental responsibility', 'Parents', NULL, NULL, false),
    (2, 'PR1', 'Own provision (by the LA), including a regional adoption agency hosted by the LA', 'Own LA', NULL, NULL, false),
    (3, 'PR2', 'Other LA provision, including a regional adoption agency hosted by another LA', 'Other LA', NULL, NULL, false),
    (4, 'PR3', 'Other public provision (e.g. by an NHS trust)', 'Other public', NULL, NULL, false),
    (5, 'PR4', 'Private provision', 'Private', NULL, NULL, false),
    (6, 'PR5', 'Voluntary or third sector provision', 'Voluntary', NULL, NULL, false);

CREATE TABLE core.dim_legal_status (
    legal_status_key smallint PRIMARY KEY,
    legal_status_code text UNIQUE,
    legal_status_description text NOT NULL,
    legal_status_group text NOT NULL,
    is_short_break boolean NOT NULL,
    first_collection_year smallint,
    last_collection_year smallint,
    is_unknown_member boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE core.dim_legal_status IS 'SSDA903 legal status (LS). V3 and V4 are agreed series of short breaks: excluded from published counts, distance and out-of-area figures.';
COMMENT ON COLUMN core.dim_legal_status.legal_status_key IS 'Surrogate key; -1 Not known, -2 Not applicable, -3 Not recognised.';
COMMENT ON COLUMN core.dim_legal_status.legal_status_code IS 'LS code as DfE lists it; null for the unknown members.';
COMMENT ON COLUMN core.dim_legal_status.legal_status_description IS 'What the code means, as the DfE guidance describes it.';
COMMENT ON COLUMN core.dim_legal_status.legal_status_group IS 'Broad group: Care order, Placement order, Section 20, Short breaks, Emergency protection, Youth justice.';
COMMENT ON COLUMN core.dim_legal_status.is_short_break IS 'True for V3 and V4 (short-break series), which DfE excludes from counts of children looked after.';
COMMENT ON COLUMN core.dim_legal_status.first_collection_year IS 'First collection year in which the code is valid; null = valid before the warehouse''s history starts.';
COMMENT ON COLUMN core.dim_legal_status.last_collection_year IS 'Last collection year in which the code is valid; null = still valid.';
COMMENT ON COLUMN core.dim_legal_status.is_unknown_member IS 'True for the fixed unknown members (-1, -2, -3).';
INSERT INTO core.dim_legal_status (legal_status_key, legal_status_code, legal_status_description, legal_status_group, is_short_break, first_collection_year, last_collection_year, is_unknown_member) VALUES
    (-1, NULL, 'Not known', 'Not known', false, NULL, NULL, true),
    (-2, NULL, 'Not applicable', 'Not known', false, NULL, NULL, true),
    (-3, NULL, 'Not recognised', 'Not known', false, NULL, NULL, true),
    (1, 'C1', 'Interim care order', 'Care order', false, NULL, NULL, false),
    (2, 'C2', 'Full care order', 'Care order', false, NULL, NULL, false),
    (3, 'D1', 'Freeing order granted', 'Placement order', false, NULL, NULL, false),
    (4, 'E1', 'Placement order granted', 'Placement order', false, NULL, NULL, false),
    (5, 'V2', 'Single period of accommodation under section 20 (Children Act 1989)', 'Section 20', false, NULL, NULL, false),
    (6, 'V3', 'Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded', 'Short breaks', true, NULL, NULL, false),
    (7, 'V4', 'Accommodated under an agreed series of short-term breaks, when agreements are recorded (not individual episodes of care)', 'Short breaks', true, NULL, NULL, false),
    (8, 'L1', 'Under police protection and in local authority accommodation', 'Emergency protection', false, NULL, NULL, false),
    (9, 'L2', 'Emergency protection order (EPO)', 'Emergency protection', false, NULL, NULL, false),
    (10, 'L3', 'Under child assessment order and in local authority accommodation', 'Emergency protection', false, NULL, NULL, false),
    (11, 'J1', 'Remanded to local authority accommodation or to youth detention accommodation', 'Youth justice', false, NULL, NULL, false),
    (12, 'J2', 'Placed in local authority accommodation under the Police and Criminal Evidence Act 1984, including secure accommodation', 'Youth justice', false, NULL, NULL, false),
    (13, 'J3', 'Sentenced to a youth rehabilitation order with a residence or intensive fostering requirement', 'Youth justice', false, NULL, NULL, false);

CREATE TABLE core.dim_reason_new_episode (
    reason_new_episode_key smallint PRIMARY KEY,
    reason_new_episode_code text UNIQUE,
    reason_new_episode_description text NOT NULL,
    starts_placement boolean NOT NULL,
    first_collection_year smallint,
    last_collection_year smallint,
    is_unknown_member boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE core.dim_reason_new_episode IS 'SSDA903 reason for new episode (RNE): why a new episode of care started.';
COMMENT ON COLUMN core.dim_reason_new_episode.reason_new_episode_key IS 'Surrogate key; -1 Not known, -2 Not applicable, -3 Not recognised.';
COMMENT ON COLUMN core.dim_reason_new_episode.reason_new_episode_code IS 'RNE code as DfE lists it; null for the unknown members.';
COMMENT ON COLUMN core.dim_reason_new_episode.reason_new_episode_description IS 'What the code means, as the DfE guidance describes it.';
COMMENT ON COLUMN core.dim_reason_new_episode.starts_placement IS 'True when the episode starts a new placement (S, P, T, U, B); false for a change of legal status only (L).';
COMMENT ON COLUMN core.dim_reason_new_episode.first_collection_year IS 'First collection year in which the code is valid; null = valid before the warehouse''s history starts.';
COMMENT ON COLUMN core.dim_reason_new_episode.last_collection_year IS 'Last collection year in which the code is valid; null = still valid.';
COMMENT ON COLUMN core.dim_reason_new_episode.is_unknown_member IS 'True for the fixed unknown members (-1, -2, -3).';
INSERT INTO core.dim_reason_new_episode (reason_new_episode_key, reason_new_episode_code, reason_new_episode_description, starts_placement, first_collection_year, last_collection_year, is_unknown_member) VALUES
    (-1, NULL, 'Not known', false, NULL, NULL, true),
    (-2, NULL, 'Not applicable', false, NULL, NULL, true),
    (-3, NULL, 'Not recognised', false, NULL, NULL, true),
    (1, 'S', 'Started to be looked after', true, NULL, NULL, false),
    (2, 'L', 'Change of legal status only', false, NULL, NULL, false),
    (3, 'P', 'Change of placement and carer(s) only', true, NULL, NULL, false),
    (4, 'T', 'Change of both legal status and placement, but carer(s) stayed the same', true, NULL, NULL, false),
    (5, 'U', 'Change of both legal status and placement and carer(s) at the same time', true, NULL, NULL, false),
    (6, 'B', 'Change of placement but carer(s) stayed the same', true, NULL, NULL, false);

CREATE TABLE core.dim_reason_episode_ceased (
    reason_episode_ceased_key smallint PRIMARY KEY,
    reason_episode_ceased_code text UNIQUE,
    reason_episode_ceased_description text NOT NULL,
    ceases_care boolean NOT NULL,
    first_collection_year smallint,
    last_collection_year smallint,
    is_unknown_member boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE core.dim_reason_episode_ceased IS 'SSDA903 reason episode ceased (REC). X1 ends an episode that is followed by another the same day; every other code ends the period of care.';
COMMENT ON COLUMN core.dim_reason_episode_ceased.reason_episode_ceased_key IS 'Surrogate key; -1 Not known, -2 Not applicable, -3 Not recognised.';
COMMENT ON COLUMN core.dim_reason_episode_ceased.reason_episode_ceased_code IS 'REC code as DfE lists it; null for the unknown members.';
COMMENT ON COLUMN core.dim_reason_episode_ceased.reason_episode_ceased_description IS 'What the code means, as the DfE guidance describes it.';
COMMENT ON COLUMN core.dim_reason_episode_ceased.ceases_care IS 'True when the child stopped being looked after (every code but X1).';
COMMENT ON COLUMN core.dim_reason_episode_ceased.first_collection_year IS 'First collection year in which the code is valid; null = valid before the warehouse''s history starts.';
COMMENT ON COLUMN core.dim_reason_episode_ceased.last_collection_year IS 'Last collection year in which the code is valid; null = still valid.';
COMMENT ON COLUMN core.dim_reason_episode_ceased.is_unknown_member IS 'True for the fixed unknown members (-1, -2, -3).';
INSERT INTO core.dim_reason_episode_ceased (reason_episode_ceased_key, reason_episode_ceased_code, reason_episode_ceased_description, ceases_care, first_collection_year, last_collection_year, is_unknown_member) VALUES
    (-1, NULL, 'Not known', false, NULL, NULL, true),
    (-2, NULL, 'Not applicable', false, NULL, NULL, true),
    (-3, NULL, 'Not recognised', false, NULL, NULL, true),
    (1, 'E11', 'Adopted: application for an adoption order unopposed', true, NULL, NULL, false),
    (2, 'E12', 'Adopted: consent dispensed with by the court', true, NULL, NULL, false),
    (3, 'E2', 'Died', true, NULL, NULL, false),
    (4, 'E3', 'Care taken over by another local authority in the UK', true, NULL, NULL, false),
    (5, 'E4A', 'Returned home to live with parent(s), relative(s) or other person(s) with parental responsibility as part of the care planning process', true, NULL, NULL, false),
    (6, 'E4B', 'Returned home to live with parent(s), relative(s) or other person(s) with parental responsibility, not as part of the care planning process', true, NULL, NULL, false),
    (7, 'E13', 'Left care to live with parent(s), relative(s) or other person(s) with no parental responsibility', true, NULL, NULL, false),
    (8, 'E41', 'Residence order or child arrangements order (setting out with whom the child is to live) granted', true, NULL, NULL, false),
    (9, 'E45', 'Special guardianship order made to former foster carer(s) who was/are a relative(s) or friend(s)', true, NULL, NULL, false),
    (10, 'E46', 'Special guardianship order made to former foster carer(s) other than relative(s) or friend(s)', true, NULL, NULL, false),
    (11, 'E47', 'Special guardianship order made to carer(s), not former foster carer(s), who was/are a relative(s) or friend(s)', true, NULL, NULL, false),
    (12, 'E48', 'Special guardianship order made to carer(s), not former foster carer(s), other than relative(s) or friend(s)', true, NULL, NULL, false),
    (13, 'E5', 'Moved into independent living arrangement with formalised advice or support', true, NULL, NULL, false),
    (14, 'E6', 'Moved into independent living arrangement without formalised advice or support', true, NULL, NULL, false),
    (15, 'E7', 'Transferred to residential care funded by adult social services', true, NULL, NULL, false),
    (16, 'E9', 'Sentenced to custody', true, NULL, NULL, false),
    (17, 'E14', 'Accommodation on remand ended', true, NULL, NULL, false),
    (18, 'E15', 'Age assessment determined child aged 18 or over and E5, E6 and E7 do not apply', true, NULL, NULL, false),
    (19, 'E16', 'Child moved abroad', true, NULL, NULL, false),
    (20, 'E17', 'Aged 18 (or over) and remained with current carers (including staying put arrangements)', true, NULL, NULL, false),
    (21, 'E8', 'Period of being looked after ceased for any other reason', true, NULL, NULL, false),
    (22, 'X1', 'Episode ceases and a new episode begins on the same day, for any reason', false, NULL, NULL, false);

CREATE TABLE core.dim_reason_place_change (
    reason_place_change_key smallint PRIMARY KEY,
    reason_place_change_code text UNIQUE,
    reason_place_change_description text NOT NULL,
    first_collection_year smallint,
    last_collection_year smallint,
    is_unknown_member boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE core.dim_reason_place_change IS 'SSDA903 reason for placement change (REASON_PLACE_CHANGE), given when an episode starts with a change of placement.';
COMMENT ON COLUMN core.dim_reason_place_change.reason_place_change_key IS 'Surrogate key; -1 Not known, -2 Not applicable, -3 Not recognised.';
COMMENT ON COLUMN core.dim_reason_place_change.reason_place_change_code IS 'REASON_PLACE_CHANGE code as DfE lists it; null for the unknown members.';
COMMENT ON COLUMN core.dim_reason_place_change.reason_place_change_description IS 'What the code means, as the DfE guidance describes it.';
COMMENT ON COLUMN core.dim_reason_place_change.first_collection_year IS 'First collection year in which the code is valid; null = valid before the warehouse''s history starts.';
COMMENT ON COLUMN core.dim_reason_place_change.last_collection_year IS 'Last collection year in which the code is valid; null = still valid.';
COMMENT ON COLUMN core.dim_reason_place_change.is_unknown_member IS 'True for the fixed unknown members (-1, -2, -3).';
INSERT INTO core.dim_reason_place_change (reason_place_change_key, reason_place_change_code, reason_place_change_description, first_collection_year, last_collection_year, is_unknown_member) VALUES
    (-1, NULL, 'Not known', NULL, NULL, true),
    (-2, NULL, 'Not applicable', NULL, NULL, true),
    (-3, NULL, 'Not recognised', NULL, NULL, true),
    (1, 'CARPL', 'Change to or implementation of the care plan', NULL, NULL, false),
    (2, 'CLOSE', 'Resignation or closure of the provision', NULL, NULL, false),
    (3, 'ALLEG', 'Allegation (section 47)', NULL, NULL, false),
    (4, 'STAND', 'Standards of care concern', NULL, NULL, false),
    (5, 'APPRR', 'Approval removed', NULL, NULL, false),
    (6, 'CREQB', 'Carer requests placement end due to the child''s behaviour', NULL, NULL, false),
    (7, 'CREQO', 'Carer requests placement end other than due to the child''s behaviour', NULL, NULL, false),
    (8, 'CHILD', 'Child requests placement end', NULL, NULL, false),
    (9, 'LAREQ', 'Responsible or area authority requests placement end', NULL, NULL, false),
    (10, 'PLACE', 'Change in the status of the placement only', NULL, NULL, false),
    (11, 'OTHER', 'Other', NULL, NULL, false);

CREATE TABLE core.dim_category_of_need (
    category_of_need_key smallint PRIMARY KEY,
    category_of_need_code text UNIQUE,
    category_of_need_description text NOT NULL,
    first_collection_year smallint,
    last_collection_year smallint,
    is_unknown_member boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE core.dim_category_of_need IS 'SSDA903 category of need (CIN): the main reason the child was in need when care began.';
COMMENT ON COLUMN core.dim_category_of_need.category_of_need_key IS 'Surrogate key; -1 Not known, -2 Not applicable, -3 Not recognised.';
COMMENT ON COLUMN core.dim_category_of_need.category_of_need_code IS 'CIN code as DfE lists it; null for the unknown members.';
COMMENT ON COLUMN core.dim_category_of_need.category_of_need_description IS 'What the code means, as the DfE guidance describes it.';
COMMENT ON COLUMN core.dim_category_of_need.first_collection_year IS 'First collection year in which the code is valid; null = valid before the warehouse''s history starts.';
COMMENT ON COLUMN core.dim_category_of_need.last_collection_year IS 'Last collection year in which the code is valid; null = still valid.';
COMMENT ON COLUMN core.dim_category_of_need.is_unknown_member IS 'True for the fixed unknown members (-1, -2, -3).';
INSERT INTO core.dim_category_of_need (category_of_need_key, category_of_need_code, category_of_need_description, first_collection_year, last_collection_year, is_unknown_member) VALUES
    (-1, NULL, 'Not known', NULL, NULL, true),
    (-2, NULL, 'Not applicable', NULL, NULL, true),
    (-3, NULL, 'Not recognised', NULL, NULL, true),
    (1, 'N1', 'Abuse or neglect', NULL, NULL, false),
    (2, 'N2', 'Child''s disability', NULL, NULL, false),
    (3, 'N3', 'Parental illness or disability', NULL, NULL, false),
    (4, 'N4', 'Family in acute stress', NULL, NULL, false),
    (5, 'N5', 'Family dysfunction', NULL, NULL, false),
    (6, 'N6', 'Socially unacceptable behaviour', NULL, NULL, false),
    (7, 'N7', 'Low income', NULL, NULL, false),
    (8, 'N8', 'Absent parenting', NULL, NULL, false);

-- Key of a code in a code dimension, with the unknown members applied the same way everywhere: blank -> -1,
-- not in the list -> -3. (-2 Not applicable is decided by the caller, who knows when a code cannot apply.)
CREATE FUNCTION core.code_key(found_key smallint, code text) RETURNS smallint
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(found_key, CASE WHEN nullif(btrim(code), '') IS NULL THEN -1 ELSE -3 END)::smallint
$$;
COMMENT ON FUNCTION core.code_key(smallint, text) IS 'The key found by joining a code dimension, or its unknown member: -1 when the code is blank, -3 when it is not in the list.';
