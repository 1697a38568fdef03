-- Publication of the remaining seven tables of the extended data pack (V70 holds the release, its files and
-- inputs, and placement_location). Each table holds the rows of every release exactly as published in its CSV
-- (indicator cells as text, symbols included; blank geography cells are null), keyed by release and row number.

CREATE TABLE pub.homes_by_area (
    release_id             text     NOT NULL REFERENCES pub.release (release_id),
    row_number             integer  NOT NULL,
    time_period            smallint NOT NULL,
    time_identifier        text     NOT NULL,
    geographic_level       text     NOT NULL,
    country_code           text     NOT NULL,
    country_name           text     NOT NULL,
    region_code            text,
    region_name            text,
    new_la_code            text,
    la_name                text,
    old_la_code            text,
    sector                 text     NOT NULL,
    home_type              text     NOT NULL,
    overall_effectiveness  text     NOT NULL,
    homes_at_31_march      text     NOT NULL,
    places_at_31_march     text     NOT NULL,
    homes_opened           text     NOT NULL,
    homes_closed           text     NOT NULL,
    PRIMARY KEY (release_id, row_number)
);
CREATE INDEX homes_by_area_lookup ON pub.homes_by_area (release_id, time_period, geographic_level, new_la_code);
COMMENT ON TABLE pub.homes_by_area IS 'Published table homes_by_area: Children''s homes and places by area, sector, type and Ofsted judgement (Ofsted register; counts of homes and places are published exactly). One set of rows per release, cells exactly as in the CSV (c suppressed, k below 0.5%, z not applicable, x unavailable: no accepted return).';
COMMENT ON COLUMN pub.homes_by_area.release_id IS 'Release that published the row.';
COMMENT ON COLUMN pub.homes_by_area.row_number IS 'Row number in the published CSV (1 = first data row).';
COMMENT ON COLUMN pub.homes_by_area.time_period IS 'Reporting year (year ending 31 March).';
COMMENT ON COLUMN pub.homes_by_area.time_identifier IS 'Always Reporting year.';
COMMENT ON COLUMN pub.homes_by_area.geographic_level IS 'National, Regional or Local authority.';
COMMENT ON COLUMN pub.homes_by_area.country_code IS 'E92000001.';
COMMENT ON COLUMN pub.homes_by_area.country_name IS 'England.';
COMMENT ON COLUMN pub.homes_by_area.region_code IS 'Region code (Regional and Local authority rows).';
COMMENT ON COLUMN pub.homes_by_area.region_name IS 'Region name (Regional and Local authority rows).';
COMMENT ON COLUMN pub.homes_by_area.new_la_code IS 'LA code as operating in the release''s reporting year (Local authority rows); earlier years are mapped to successors.';
COMMENT ON COLUMN pub.homes_by_area.la_name IS 'LA name (Local authority rows).';
COMMENT ON COLUMN pub.homes_by_area.old_la_code IS 'DfE 3-digit LA number (Local authority rows).';
COMMENT ON COLUMN pub.homes_by_area.sector IS 'Ofsted sector: Local authority, Private, Voluntary, Health authority, Not known or Total.';
COMMENT ON COLUMN pub.homes_by_area.home_type IS 'Children''s home, Secure children''s home or Total.';
COMMENT ON COLUMN pub.homes_by_area.overall_effectiveness IS 'Latest Ofsted overall effectiveness: Outstanding, Good, Requires improvement, Inadequate, Not yet inspected or Total.';
COMMENT ON COLUMN pub.homes_by_area.homes_at_31_march IS 'Homes open at 31 March (x when the register was not loaded for the year).';
COMMENT ON COLUMN pub.homes_by_area.places_at_31_march IS 'Places in the homes open at 31 March.';
COMMENT ON COLUMN pub.homes_by_area.homes_opened IS 'Homes registered during the year.';
COMMENT ON COLUMN pub.homes_by_area.homes_closed IS 'Homes closed during the year.';

CREATE TABLE pub.children_in_homes_by_area (
    release_id                   text     NOT NULL REFERENCES pub.release (release_id),
    row_number                   integer  NOT NULL,
    time_period                  smallint NOT NULL,
    time_identifier              text     NOT NULL,
    geographic_level             text     NOT NULL,
    country_code                 text     NOT NULL,
    country_name                 text     NOT NULL,
    region_code                  text,
    region_name                  text,
    new_la_code                  text,
    la_name                      text,
    old_la_code                  text,
    placing_relation             text     NOT NULL,
    children_in_homes_in_area    text     NOT NULL,
    percent_of_children_in_area  text     NOT NULL,
    children_placed_in_homes     text     NOT NULL,
    percent_of_children_placed   text     NOT NULL,
    PRIMARY KEY (release_id, row_number)
);
CREATE INDEX children_in_homes_by_area_lookup ON pub.children_in_homes_by_area (release_id, time_period, geographic_level, new_la_code);
COMMENT ON TABLE pub.children_in_homes_by_area IS 'Published table children_in_homes_by_area: Children in children''s homes at 31 March by the area of the home (host) and by the LA that placed them. One set of rows per release, cells exactly as in the CSV (c suppressed, k below 0.5%, z not applicable, x unavailable: no accepted return).';
COMMENT ON COLUMN pub.children_in_homes_by_area.release_id IS 'Release that published the row.';
COMMENT ON COLUMN pub.children_in_homes_by_area.row_number IS 'Row number in the published CSV (1 = first data row).';
COMMENT ON COLUMN pub.children_in_homes_by_area.time_period IS 'Reporting year (year ending 31 March).';
COMMENT ON COLUMN pub.children_in_homes_by_area.time_identifier IS 'Always Reporting year.';
COMMENT ON COLUMN pub.children_in_homes_by_area.geographic_level IS 'National, Regional or Local authority.';
COMMENT ON COLUMN pub.children_in_homes_by_area.country_code IS 'E92000001.';
COMMENT ON COLUMN pub.children_in_homes_by_area.country_name IS 'England.';
COMMENT ON COLUMN pub.children_in_homes_by_area.region_code IS 'Region code (Regional and Local authority rows).';
COMMENT ON COLUMN pub.children_in_homes_by_area.region_name IS 'Region name (Regional and Local authority rows).';
COMMENT ON COLUMN pub.children_in_homes_by_area.new_la_code IS 'LA code as operating in the release''s reporting year (Local authority rows); earlier years are mapped to successors.';
COMMENT ON COLUMN pub.children_in_homes_by_area.la_name IS 'LA name (Local authority rows).';
COMMENT ON COLUMN pub.children_in_homes_by_area.old_la_code IS 'DfE 3-digit LA number (Local authority rows).';
COMMENT ON COLUMN pub.children_in_homes_by_area.placing_relation IS 'Placed by this LA (home in the placing LA''s area), Placed by another LA, Not known (home''s area not known) or Total.';
COMMENT ON COLUMN pub.children_in_homes_by_area.children_in_homes_in_area IS 'Children in homes located in the area at 31 March (LA counts 1-5 suppressed as c with secondary suppression, national and regional rounded to 10).';
COMMENT ON COLUMN pub.children_in_homes_by_area.percent_of_children_in_area IS 'Percent of the children in homes in the area with this relation (1 dp from unrounded counts; c where a part is suppressed, k below 0.5, z when the denominator is 0).';
COMMENT ON COLUMN pub.children_in_homes_by_area.children_placed_in_homes IS 'Children this area''s LAs placed in children''s homes at 31 March (LA counts 1-5 suppressed as c with secondary suppression, national and regional rounded to 10).';
COMMENT ON COLUMN pub.children_in_homes_by_area.percent_of_children_placed IS 'Percent of the children placed in homes with this relation (1 dp from unrounded counts; c where a part is suppressed, k below 0.5, z when the denominator is 0).';

CREATE TABLE pub.home_placements_flow (
    release_id         text     NOT NULL REFERENCES pub.release (release_id),
    row_number         integer  NOT NULL,
    time_period        smallint NOT NULL,
    time_identifier    text     NOT NULL,
    geographic_level   text     NOT NULL,
    country_code       text     NOT NULL,
    country_name       text     NOT NULL,
    region_code        text,
    region_name        text,
    new_la_code        text,
    la_name            text,
    old_la_code        text,
    host_region        text     NOT NULL,
    host_la            text     NOT NULL,
    children_in_homes  text     NOT NULL,
    PRIMARY KEY (release_id, row_number)
);
CREATE INDEX home_placements_flow_lookup ON pub.home_placements_flow (release_id, time_period, geographic_level, new_la_code);
COMMENT ON TABLE pub.home_placements_flow IS 'Published table home_placements_flow: Children in children''s homes at 31 March by placing area (geography columns) and the region and LA of the home (filters); only combinations that occur are published. One set of rows per release, cells exactly as in the CSV (c suppressed, k below 0.5%, z not applicable, x unavailable: no accepted return).';
COMMENT ON COLUMN pub.home_placements_flow.release_id IS 'Release that published the row.';
COMMENT ON COLUMN pub.home_placements_flow.row_number IS 'Row number in the published CSV (1 = first data row).';
COMMENT ON COLUMN pub.home_placements_flow.time_period IS 'Reporting year (year ending 31 March).';
COMMENT ON COLUMN pub.home_placements_flow.time_identifier IS 'Always Reporting year.';
COMMENT ON COLUMN pub.home_placements_flow.geographic_level IS 'National, Regional or Local authority.';
COMMENT ON COLUMN pub.home_placements_flow.country_code IS 'E92000001.';
COMMENT ON COLUMN pub.home_placements_flow.country_name IS 'England.';
COMMENT ON COLUMN pub.home_placements_flow.region_code IS 'Region code (Regional and Local authority rows).';
COMMENT ON COLUMN pub.home_placements_flow.region_name IS 'Region name (Regional and Local authority rows).';
COMMENT ON COLUMN pub.home_placements_flow.new_la_code IS 'LA code as operating in the release''s reporting year (Local authority rows); earlier years are mapped to successors.';
COMMENT ON COLUMN pub.home_placements_flow.la_name IS 'LA name (Local authority rows).';
COMMENT ON COLUMN pub.home_placements_flow.old_la_code IS 'DfE 3-digit LA number (Local authority rows).';
COMMENT ON COLUMN pub.home_placements_flow.host_region IS 'Region of the home, Outside England, Not known or Total.';
COMMENT ON COLUMN pub.home_placements_flow.host_la IS 'LA of the home as operating in the year, or Total.';
COMMENT ON COLUMN pub.home_placements_flow.children_in_homes IS 'Children in children''s homes at 31 March (LA counts 1-5 suppressed as c with secondary suppression, national and regional rounded to 10).';

CREATE TABLE pub.out_of_area_oversight (
    release_id                     text     NOT NULL REFERENCES pub.release (release_id),
    row_number                     integer  NOT NULL,
    time_period                    smallint NOT NULL,
    time_identifier                text     NOT NULL,
    geographic_level               text     NOT NULL,
    country_code                   text     NOT NULL,
    country_name                   text     NOT NULL,
    region_code                    text,
    region_name                    text,
    new_la_code                    text,
    la_name                        text,
    old_la_code                    text,
    placement_group                text     NOT NULL,
    distance_type                  text     NOT NULL,
    placements_started             text     NOT NULL,
    approved                       text     NOT NULL,
    percent_approved               text     NOT NULL,
    placements_at_a_distance       text     NOT NULL,
    approved_by_dcs                text     NOT NULL,
    percent_approved_by_dcs        text     NOT NULL,
    host_notified                  text     NOT NULL,
    percent_host_notified          text     NOT NULL,
    host_notified_in_time          text     NOT NULL,
    percent_host_notified_in_time  text     NOT NULL,
    placements_in_childrens_homes  text     NOT NULL,
    admission_notified             text     NOT NULL,
    percent_admission_notified     text     NOT NULL,
    PRIMARY KEY (release_id, row_number)
);
CREATE INDEX out_of_area_oversight_lookup ON pub.out_of_area_oversight (release_id, time_period, geographic_level, new_la_code);
COMMENT ON TABLE pub.out_of_area_oversight IS 'Published table out_of_area_oversight: Out-of-area placements started in the year: approval by a nominated officer and the DCS, notification of the host authority and admission notices. One set of rows per release, cells exactly as in the CSV (c suppressed, k below 0.5%, z not applicable, x unavailable: no accepted return).';
COMMENT ON COLUMN pub.out_of_area_oversight.release_id IS 'Release that published the row.';
COMMENT ON COLUMN pub.out_of_area_oversight.row_number IS 'Row number in the published CSV (1 = first data row).';
COMMENT ON COLUMN pub.out_of_area_oversight.time_period IS 'Reporting year (year ending 31 March).';
COMMENT ON COLUMN pub.out_of_area_oversight.time_identifier IS 'Always Reporting year.';
COMMENT ON COLUMN pub.out_of_area_oversight.geographic_level IS 'National, Regional or Local authority.';
COMMENT ON COLUMN pub.out_of_area_oversight.country_code IS 'E92000001.';
COMMENT ON COLUMN pub.out_of_area_oversight.country_name IS 'England.';
COMMENT ON COLUMN pub.out_of_area_oversight.region_code IS 'Region code (Regional and Local authority rows).';
COMMENT ON COLUMN pub.out_of_area_oversight.region_name IS 'Region name (Regional and Local authority rows).';
COMMENT ON COLUMN pub.out_of_area_oversight.new_la_code IS 'LA code as operating in the release''s reporting year (Local authority rows); earlier years are mapped to successors.';
COMMENT ON COLUMN pub.out_of_area_oversight.la_name IS 'LA name (Local authority rows).';
COMMENT ON COLUMN pub.out_of_area_oversight.old_la_code IS 'DfE 3-digit LA number (Local authority rows).';
COMMENT ON COLUMN pub.out_of_area_oversight.placement_group IS 'Children''s homes (K1, K2), Foster care, Other or Total.';
COMMENT ON COLUMN pub.out_of_area_oversight.distance_type IS 'Adjoining LA, At a distance or Total.';
COMMENT ON COLUMN pub.out_of_area_oversight.placements_started IS 'Out-of-area placements started in the year (LA counts 1-5 suppressed as c with secondary suppression, national and regional rounded to 10).';
COMMENT ON COLUMN pub.out_of_area_oversight.approved IS 'Approved by a nominated officer (LA counts 1-5 suppressed as c with secondary suppression, national and regional rounded to 10).';
COMMENT ON COLUMN pub.out_of_area_oversight.percent_approved IS 'Percent approved by a nominated officer (1 dp from unrounded counts; c where a part is suppressed, k below 0.5, z when the denominator is 0).';
COMMENT ON COLUMN pub.out_of_area_oversight.placements_at_a_distance IS 'Placements at a distance (outside the LA, not adjoining) (LA counts 1-5 suppressed as c with secondary suppression, national and regional rounded to 10).';
COMMENT ON COLUMN pub.out_of_area_oversight.approved_by_dcs IS 'Placements at a distance approved by the DCS (LA counts 1-5 suppressed as c with secondary suppression, national and regional rounded to 10).';
COMMENT ON COLUMN pub.out_of_area_oversight.percent_approved_by_dcs IS 'Percent of placements at a distance approved by the DCS (1 dp from unrounded counts; c where a part is suppressed, k below 0.5, z when the denominator is 0).';
COMMENT ON COLUMN pub.out_of_area_oversight.host_notified IS 'Host authority notified (LA counts 1-5 suppressed as c with secondary suppression, national and regional rounded to 10).';
COMMENT ON COLUMN pub.out_of_area_oversight.percent_host_notified IS 'Percent with the host authority notified (1 dp from unrounded counts; c where a part is suppressed, k below 0.5, z when the denominator is 0).';
COMMENT ON COLUMN pub.out_of_area_oversight.host_notified_in_time IS 'Host authority notified within 5 working days (LA counts 1-5 suppressed as c with secondary suppression, national and regional rounded to 10).';
COMMENT ON COLUMN pub.out_of_area_oversight.percent_host_notified_in_time IS 'Percent with the host notified within 5 working days (1 dp from unrounded counts; c where a part is suppressed, k below 0.5, z when the denominator is 0).';
COMMENT ON COLUMN pub.out_of_area_oversight.placements_in_childrens_homes IS 'Placements in children''s homes (K1, K2), for which the home must notify the admission (LA counts 1-5 suppressed as c with secondary suppression, national and regional rounded to 10).';
COMMENT ON COLUMN pub.out_of_area_oversight.admission_notified IS 'Admissions notified by the home (LA counts 1-5 suppressed as c with secondary suppression, national and regional rounded to 10).';
COMMENT ON COLUMN pub.out_of_area_oversight.percent_admission_notified IS 'Percent of placements in homes with the admission notified (1 dp from unrounded counts; c where a part is suppressed, k below 0.5, z when the denominator is 0).';

CREATE TABLE pub.missing_incidents (
    release_id             text     NOT NULL REFERENCES pub.release (release_id),
    row_number             integer  NOT NULL,
    time_period            smallint NOT NULL,
    time_identifier        text     NOT NULL,
    geographic_level       text     NOT NULL,
    country_code           text     NOT NULL,
    country_name           text     NOT NULL,
    region_code            text,
    region_name            text,
    new_la_code            text,
    la_name                text,
    old_la_code            text,
    missing_from           text     NOT NULL,
    care_location          text     NOT NULL,
    missing_type           text     NOT NULL,
    incidents              text     NOT NULL,
    children               text     NOT NULL,
    median_duration_hours  text     NOT NULL,
    PRIMARY KEY (release_id, row_number)
);
CREATE INDEX missing_incidents_lookup ON pub.missing_incidents (release_id, time_period, geographic_level, new_la_code);
COMMENT ON TABLE pub.missing_incidents IS 'Published table missing_incidents: Missing incidents starting in the year by where the child went missing from, care location and type. One set of rows per release, cells exactly as in the CSV (c suppressed, k below 0.5%, z not applicable, x unavailable: no accepted return).';
COMMENT ON COLUMN pub.missing_incidents.release_id IS 'Release that published the row.';
COMMENT ON COLUMN pub.missing_incidents.row_number IS 'Row number in the published CSV (1 = first data row).';
COMMENT ON COLUMN pub.missing_incidents.time_period IS 'Reporting year (year ending 31 March).';
COMMENT ON COLUMN pub.missing_incidents.time_identifier IS 'Always Reporting year.';
COMMENT ON COLUMN pub.missing_incidents.geographic_level IS 'National, Regional or Local authority.';
COMMENT ON COLUMN pub.missing_incidents.country_code IS 'E92000001.';
COMMENT ON COLUMN pub.missing_incidents.country_name IS 'England.';
COMMENT ON COLUMN pub.missing_incidents.region_code IS 'Region code (Regional and Local authority rows).';
COMMENT ON COLUMN pub.missing_incidents.region_name IS 'Region name (Regional and Local authority rows).';
COMMENT ON COLUMN pub.missing_incidents.new_la_code IS 'LA code as operating in the release''s reporting year (Local authority rows); earlier years are mapped to successors.';
COMMENT ON COLUMN pub.missing_incidents.la_name IS 'LA name (Local authority rows).';
COMMENT ON COLUMN pub.missing_incidents.old_la_code IS 'DfE 3-digit LA number (Local authority rows).';
COMMENT ON COLUMN pub.missing_incidents.missing_from IS 'Home, Care or Total.';
COMMENT ON COLUMN pub.missing_incidents.care_location IS 'In area, Out of area, Not applicable (missing from home) or Total.';
COMMENT ON COLUMN pub.missing_incidents.missing_type IS 'Missing, Away without authorisation or Total.';
COMMENT ON COLUMN pub.missing_incidents.incidents IS 'Missing incidents starting in the year (LA counts 1-5 suppressed as c with secondary suppression, national and regional rounded to 10).';
COMMENT ON COLUMN pub.missing_incidents.children IS 'Children with at least one such incident (LA counts 1-5 suppressed as c with secondary suppression, national and regional rounded to 10).';
COMMENT ON COLUMN pub.missing_incidents.median_duration_hours IS 'Median duration in hours of the incidents that ended (1 dp; c over 5 values or fewer, z over none).';

CREATE TABLE pub.return_interviews (
    release_id                 text     NOT NULL REFERENCES pub.release (release_id),
    row_number                 integer  NOT NULL,
    time_period                smallint NOT NULL,
    time_identifier            text     NOT NULL,
    geographic_level           text     NOT NULL,
    country_code               text     NOT NULL,
    country_name               text     NOT NULL,
    region_code                text,
    region_name                text,
    new_la_code                text,
    la_name                    text,
    old_la_code                text,
    missing_from               text     NOT NULL,
    care_location              text     NOT NULL,
    incidents                  text     NOT NULL,
    interviews_offered         text     NOT NULL,
    percent_offered            text     NOT NULL,
    interviews_accepted        text     NOT NULL,
    percent_accepted           text     NOT NULL,
    interviews_completed       text     NOT NULL,
    completed_within_72_hours  text     NOT NULL,
    percent_within_72_hours    text     NOT NULL,
    interviews_declined        text     NOT NULL,
    PRIMARY KEY (release_id, row_number)
);
CREATE INDEX return_interviews_lookup ON pub.return_interviews (release_id, time_period, geographic_level, new_la_code);
COMMENT ON TABLE pub.return_interviews IS 'Published table return_interviews: Independent return interviews offered, accepted, completed (within 72 hours) and declined after missing incidents starting in the year. One set of rows per release, cells exactly as in the CSV (c suppressed, k below 0.5%, z not applicable, x unavailable: no accepted return).';
COMMENT ON COLUMN pub.return_interviews.release_id IS 'Release that published the row.';
COMMENT ON COLUMN pub.return_interviews.row_number IS 'Row number in the published CSV (1 = first data row).';
COMMENT ON COLUMN pub.return_interviews.time_period IS 'Reporting year (year ending 31 March).';
COMMENT ON COLUMN pub.return_interviews.time_identifier IS 'Always Reporting year.';
COMMENT ON COLUMN pub.return_interviews.geographic_level IS 'National, Regional or Local authority.';
COMMENT ON COLUMN pub.return_interviews.country_code IS 'E92000001.';
COMMENT ON COLUMN pub.return_interviews.country_name IS 'England.';
COMMENT ON COLUMN pub.return_interviews.region_code IS 'Region code (Regional and Local authority rows).';
COMMENT ON COLUMN pub.return_interviews.region_name IS 'Region name (Regional and Local authority rows).';
COMMENT ON COLUMN pub.return_interviews.new_la_code IS 'LA code as operating in the release''s reporting year (Local authority rows); earlier years are mapped to successors.';
COMMENT ON COLUMN pub.return_interviews.la_name IS 'LA name (Local authority rows).';
COMMENT ON COLUMN pub.return_interviews.old_la_code IS 'DfE 3-digit LA number (Local authority rows).';
COMMENT ON COLUMN pub.return_interviews.missing_from IS 'Home, Care or Total.';
COMMENT ON COLUMN pub.return_interviews.care_location IS 'In area, Out of area, Not applicable (missing from home) or Total.';
COMMENT ON COLUMN pub.return_interviews.incidents IS 'Missing incidents (LA counts 1-5 suppressed as c with secondary suppression, national and regional rounded to 10).';
COMMENT ON COLUMN pub.return_interviews.interviews_offered IS 'Return interviews offered (LA counts 1-5 suppressed as c with secondary suppression, national and regional rounded to 10).';
COMMENT ON COLUMN pub.return_interviews.percent_offered IS 'Percent of incidents with an interview offered (1 dp from unrounded counts; c where a part is suppressed, k below 0.5, z when the denominator is 0).';
COMMENT ON COLUMN pub.return_interviews.interviews_accepted IS 'Return interviews accepted (LA counts 1-5 suppressed as c with secondary suppression, national and regional rounded to 10).';
COMMENT ON COLUMN pub.return_interviews.percent_accepted IS 'Percent of offered interviews accepted (1 dp from unrounded counts; c where a part is suppressed, k below 0.5, z when the denominator is 0).';
COMMENT ON COLUMN pub.return_interviews.interviews_completed IS 'Return interviews completed (LA counts 1-5 suppressed as c with secondary suppression, national and regional rounded to 10).';
COMMENT ON COLUMN pub.return_interviews.completed_within_72_hours IS 'Interviews completed within 72 hours of the child''s return (LA counts 1-5 suppressed as c with secondary suppression, national and regional rounded to 10).';
COMMENT ON COLUMN pub.return_interviews.percent_within_72_hours IS 'Percent of completed interviews completed within 72 hours (1 dp from unrounded counts; c where a part is suppressed, k below 0.5, z when the denominator is 0).';
COMMENT ON COLUMN pub.return_interviews.interviews_declined IS 'Return interviews declined (LA counts 1-5 suppressed as c with secondary suppression, national and regional rounded to 10).';

CREATE TABLE pub.return_interview_offer_by_la (
    release_id                       text     NOT NULL REFERENCES pub.release (release_id),
    row_number                       integer  NOT NULL,
    time_period                      smallint NOT NULL,
    time_identifier                  text     NOT NULL,
    geographic_level                 text     NOT NULL,
    country_code                     text     NOT NULL,
    country_name                     text     NOT NULL,
    region_code                      text,
    region_name                      text,
    new_la_code                      text,
    la_name                          text,
    old_la_code                      text,
    missing_from                     text     NOT NULL,
    incidents                        text     NOT NULL,
    incidents_offered                text     NOT NULL,
    percent_incidents_offered        text     NOT NULL,
    las_with_incidents               text     NOT NULL,
    las_offering_interviews          text     NOT NULL,
    percent_las_offering_interviews  text     NOT NULL,
    PRIMARY KEY (release_id, row_number)
);
CREATE INDEX return_interview_offer_by_la_lookup ON pub.return_interview_offer_by_la (release_id, time_period, geographic_level, new_la_code);
COMMENT ON TABLE pub.return_interview_offer_by_la IS 'Published table return_interview_offer_by_la: Councils offering return interviews to children missing from home and from care. One set of rows per release, cells exactly as in the CSV (c suppressed, k below 0.5%, z not applicable, x unavailable: no accepted return).';
COMMENT ON COLUMN pub.return_interview_offer_by_la.release_id IS 'Release that published the row.';
COMMENT ON COLUMN pub.return_interview_offer_by_la.row_number IS 'Row number in the published CSV (1 = first data row).';
COMMENT ON COLUMN pub.return_interview_offer_by_la.time_period IS 'Reporting year (year ending 31 March).';
COMMENT ON COLUMN pub.return_interview_offer_by_la.time_identifier IS 'Always Reporting year.';
COMMENT ON COLUMN pub.return_interview_offer_by_la.geographic_level IS 'National, Regional or Local authority.';
COMMENT ON COLUMN pub.return_interview_offer_by_la.country_code IS 'E92000001.';
COMMENT ON COLUMN pub.return_interview_offer_by_la.country_name IS 'England.';
COMMENT ON COLUMN pub.return_interview_offer_by_la.region_code IS 'Region code (Regional and Local authority rows).';
COMMENT ON COLUMN pub.return_interview_offer_by_la.region_name IS 'Region name (Regional and Local authority rows).';
COMMENT ON COLUMN pub.return_interview_offer_by_la.new_la_code IS 'LA code as operating in the release''s reporting year (Local authority rows); earlier years are mapped to successors.';
COMMENT ON COLUMN pub.return_interview_offer_by_la.la_name IS 'LA name (Local authority rows).';
COMMENT ON COLUMN pub.return_interview_offer_by_la.old_la_code IS 'DfE 3-digit LA number (Local authority rows).';
COMMENT ON COLUMN pub.return_interview_offer_by_la.missing_from IS 'Home, Care or Total.';
COMMENT ON COLUMN pub.return_interview_offer_by_la.incidents IS 'Missing incidents (LA counts 1-5 suppressed as c with secondary suppression, national and regional rounded to 10).';
COMMENT ON COLUMN pub.return_interview_offer_by_la.incidents_offered IS 'Incidents with a return interview offered (LA counts 1-5 suppressed as c with secondary suppression, national and regional rounded to 10).';
COMMENT ON COLUMN pub.return_interview_offer_by_la.percent_incidents_offered IS 'Percent of incidents with an interview offered (1 dp from unrounded counts; c where a part is suppressed, k below 0.5, z when the denominator is 0).';
COMMENT ON COLUMN pub.return_interview_offer_by_la.las_with_incidents IS 'Councils (as operating in the year) with any incident; published exactly.';
COMMENT ON COLUMN pub.return_interview_offer_by_la.las_offering_interviews IS 'Councils that offered at least one return interview; published exactly.';
COMMENT ON COLUMN pub.return_interview_offer_by_la.percent_las_offering_interviews IS 'Percent of councils with incidents that offered interviews (1 dp from unrounded counts; c where a part is suppressed, k below 0.5, z when the denominator is 0).';

-- The publisher adds releases; nobody alters one. Analysts read everything published.
REVOKE UPDATE, DELETE, TRUNCATE ON pub.homes_by_area, pub.children_in_homes_by_area, pub.home_placements_flow, pub.out_of_area_oversight, pub.missing_incidents, pub.return_interviews, pub.return_interview_offer_by_la FROM datapack_publisher;
GRANT SELECT, INSERT ON pub.homes_by_area, pub.children_in_homes_by_area, pub.home_placements_flow, pub.out_of_area_oversight, pub.missing_incidents, pub.return_interviews, pub.return_interview_offer_by_la TO datapack_publisher;
GRANT SELECT ON pub.homes_by_area, pub.children_in_homes_by_area, pub.home_placements_flow, pub.out_of_area_oversight, pub.missing_incidents, pub.return_interviews, pub.return_interview_offer_by_la TO datapack_analyst;
