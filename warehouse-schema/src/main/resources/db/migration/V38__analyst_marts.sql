-- Analyst marts: one view per data pack question, names rather than codes, ready measures, no child-level rows,
-- pseudonyms, dates of birth or postcodes. Analysts (datapack_analyst) read mart and pub only; the views run with
-- their owner's rights, so core stays closed to them. Percentages are of unrounded, unsuppressed counts, 1 dp.

-- Also for analysts' own queries.
CREATE FUNCTION mart.percent(numerator bigint, denominator bigint) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
    SELECT round(100.0 * numerator / nullif(denominator, 0), 1)
$$;
COMMENT ON FUNCTION mart.percent(bigint, bigint) IS 'numerator as a percentage of denominator, 1 decimal place; null when the denominator is 0.';

CREATE VIEW mart.local_authority AS
SELECT la.la_key, CASE WHEN la.is_unknown_member THEN NULL ELSE la.new_la_code END AS la_code, la.old_la_code,
       la.la_name, la.la_type, r.region_code, r.region_name, la.valid_from, la.valid_to, la.is_unknown_member
  FROM core.dim_local_authority la
  JOIN core.dim_region r ON r.region_key = la.region_key;
COMMENT ON VIEW mart.local_authority IS 'Local authorities per period of operation (effective-dated; join on codes, never names), with their region; the unknown members (Not known, Outside England, Not applicable) have no code.';
COMMENT ON COLUMN mart.local_authority.la_key IS 'Surrogate key of the LA version (as in core; -1 not known, -2 outside England, -3 not applicable).';
COMMENT ON COLUMN mart.local_authority.la_code IS 'ONS code (new_la_code); null for the unknown members.';
COMMENT ON COLUMN mart.local_authority.old_la_code IS 'DfE three-digit LA number.';
COMMENT ON COLUMN mart.local_authority.la_name IS 'LA name as DfE publishes it.';
COMMENT ON COLUMN mart.local_authority.la_type IS 'Unitary Authorities, Metropolitan Districts, London Boroughs or Counties.';
COMMENT ON COLUMN mart.local_authority.region_code IS 'ONS region code (E12...).';
COMMENT ON COLUMN mart.local_authority.region_name IS 'Region name.';
COMMENT ON COLUMN mart.local_authority.valid_from IS 'First day the LA operated under this code.';
COMMENT ON COLUMN mart.local_authority.valid_to IS 'Last day it operated under this code; null while live.';
COMMENT ON COLUMN mart.local_authority.is_unknown_member IS 'True for Not known, Outside England and Not applicable.';

CREATE VIEW mart.la_succession AS
SELECT predecessor_la_code, successor_la_code, effective_date, reorganisation FROM core.la_succession;
COMMENT ON VIEW mart.la_succession IS 'Predecessor to successor LA codes of the reorganisations (2019 BCP and Dorset, 2020 Buckinghamshire, 2021 Northamptonshire, 2023 Cumberland, Westmorland and Furness, North Yorkshire, Somerset, recodes): map a time series onto today''s LAs.';
COMMENT ON COLUMN mart.la_succession.predecessor_la_code IS 'Code of the LA that ceased.';
COMMENT ON COLUMN mart.la_succession.successor_la_code IS 'Code of an LA that took over all or part of its area.';
COMMENT ON COLUMN mart.la_succession.effective_date IS 'First day of the successor.';
COMMENT ON COLUMN mart.la_succession.reorganisation IS 'Which reorganisation, in words.';

CREATE VIEW mart.calendar AS
SELECT calendar_date, calendar_year, calendar_month, month_name, day_of_month, day_name, is_weekend, is_bank_holiday,
       bank_holiday_name, is_working_day, reporting_year, reporting_year_label, financial_quarter, financial_quarter_label,
       is_31_march
  FROM core.dim_date
 WHERE calendar_date IS NOT NULL;
COMMENT ON VIEW mart.calendar IS 'Every day 2000-2040 with its reporting year (ending 31 March), quarter and England and Wales working-day calendar.';
COMMENT ON COLUMN mart.calendar.calendar_date IS 'The day.';
COMMENT ON COLUMN mart.calendar.calendar_year IS 'Calendar year.';
COMMENT ON COLUMN mart.calendar.calendar_month IS 'Month number, 1 = January.';
COMMENT ON COLUMN mart.calendar.month_name IS 'Month name.';
COMMENT ON COLUMN mart.calendar.day_of_month IS 'Day of the month.';
COMMENT ON COLUMN mart.calendar.day_name IS 'Day name.';
COMMENT ON COLUMN mart.calendar.is_weekend IS 'Saturday or Sunday.';
COMMENT ON COLUMN mart.calendar.is_bank_holiday IS 'England and Wales bank holiday.';
COMMENT ON COLUMN mart.calendar.bank_holiday_name IS 'Name of the bank holiday.';
COMMENT ON COLUMN mart.calendar.is_working_day IS 'Monday to Friday and not a bank holiday.';
COMMENT ON COLUMN mart.calendar.reporting_year IS 'Reporting year named by the 31 March it ends on (2025 = 2024-25).';
COMMENT ON COLUMN mart.calendar.reporting_year_label IS 'Reporting year as published (2024-25).';
COMMENT ON COLUMN mart.calendar.financial_quarter IS 'Quarter of the reporting year (1 = April-June).';
COMMENT ON COLUMN mart.calendar.financial_quarter_label IS 'Reporting year and quarter (2024-25 Q1).';
COMMENT ON COLUMN mart.calendar.is_31_march IS 'The snapshot day.';

CREATE VIEW mart.accepted_return AS
SELECT DISTINCT ON (s.collection_year, s.la_code, s.return_code)
       s.collection_year, s.la_code, s.return_code, s.submission_id, s.rows_loaded, s.rows_rejected, s.completed_at AS loaded_at
  FROM ops.submission s
 WHERE s.state = 'loaded' AND s.return_code IN ('ssda903', 'missing', 'oversight')
 ORDER BY s.collection_year, s.la_code, s.return_code, s.submission_id DESC;
COMMENT ON VIEW mart.accepted_return IS 'The accepted (latest loaded) submission of each LA, return and year: the submission whose rows the core facts hold. An LA without one is x (unavailable) in the data pack.';
COMMENT ON COLUMN mart.accepted_return.collection_year IS 'Reporting year (ending 31 March).';
COMMENT ON COLUMN mart.accepted_return.la_code IS 'ONS code of the submitting LA as operating in the year.';
COMMENT ON COLUMN mart.accepted_return.return_code IS 'ssda903, missing or oversight.';
COMMENT ON COLUMN mart.accepted_return.submission_id IS 'The accepted submission (lineage of every core row of the LA, return and year).';
COMMENT ON COLUMN mart.accepted_return.rows_loaded IS 'Rows loaded from it.';
COMMENT ON COLUMN mart.accepted_return.rows_rejected IS 'Rows rejected by an error-severity validation rule.';
COMMENT ON COLUMN mart.accepted_return.loaded_at IS 'When it finished loading.';

CREATE VIEW mart.placement_location AS
SELECT f.snapshot_year AS reporting_year, la.la_code, la.la_name, la.region_name, f.placement_group, f.locality,
       f.distance_band, count(*) AS children,
       count(*) FILTER (WHERE f.at_a_distance) AS children_at_a_distance,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY f.distance_miles)::numeric, 1) AS median_distance_miles
  FROM core.fact_looked_after_31_march f
  JOIN mart.local_authority la ON la.la_key = f.responsible_la_key
 GROUP BY f.snapshot_year, la.la_code, la.la_name, la.region_name, f.placement_group, f.locality, f.distance_band;
COMMENT ON VIEW mart.placement_location IS 'Children looked after at 31 March (short breaks V3/V4 excluded) by responsible LA, placement group, locality (inside/outside the LA boundary) and distance band. Sum children over the filters you do not need.';
COMMENT ON COLUMN mart.placement_location.reporting_year IS 'Year of the 31 March snapshot.';
COMMENT ON COLUMN mart.placement_location.la_code IS 'ONS code of the responsible LA.';
COMMENT ON COLUMN mart.placement_location.la_name IS 'Responsible LA.';
COMMENT ON COLUMN mart.placement_location.region_name IS 'Region of the responsible LA.';
COMMENT ON COLUMN mart.placement_location.placement_group IS 'Children''s homes (K1, K2), Foster care, Other.';
COMMENT ON COLUMN mart.placement_location.locality IS 'Inside boundary, Outside boundary, Not known.';
COMMENT ON COLUMN mart.placement_location.distance_band IS '20 miles or less, Over 20 miles, Not known.';
COMMENT ON COLUMN mart.placement_location.children IS 'Children looked after at 31 March.';
COMMENT ON COLUMN mart.placement_location.children_at_a_distance IS 'Of whom placed at a distance (outside the LA and not in an adjoining LA).';
COMMENT ON COLUMN mart.placement_location.median_distance_miles IS 'Median distance from home to placement in miles (children with a known distance).';

CREATE VIEW mart.home_placements_flow AS
SELECT f.snapshot_year AS reporting_year, placer.la_code AS placing_la_code, placer.la_name AS placing_la_name,
       placer.region_name AS placing_region_name, host.la_code AS host_la_code, host.la_name AS host_la_name,
       host.region_name AS host_region_name, count(*) AS children
  FROM core.fact_looked_after_31_march f
  JOIN mart.local_authority placer ON placer.la_key = f.responsible_la_key
  JOIN mart.local_authority host ON host.la_key = f.placement_la_key
 WHERE f.placement_group = 'Children''s homes (K1, K2)'
 GROUP BY f.snapshot_year, placer.la_code, placer.la_name, placer.region_name, host.la_code, host.la_name, host.region_name;
COMMENT ON VIEW mart.home_placements_flow IS 'Children in children''s homes (K1, K2) at 31 March by placing LA and the LA where the home is: which authorities export children to which areas.';
COMMENT ON COLUMN mart.home_placements_flow.reporting_year IS 'Year of the 31 March snapshot.';
COMMENT ON COLUMN mart.home_placements_flow.placing_la_code IS 'ONS code of the placing (responsible) LA.';
COMMENT ON COLUMN mart.home_placements_flow.placing_la_name IS 'Placing LA.';
COMMENT ON COLUMN mart.home_placements_flow.placing_region_name IS 'Region of the placing LA.';
COMMENT ON COLUMN mart.home_placements_flow.host_la_code IS 'ONS code of the LA where the home is; null when not known or outside England.';
COMMENT ON COLUMN mart.home_placements_flow.host_la_name IS 'LA where the home is (Not known, Outside England).';
COMMENT ON COLUMN mart.home_placements_flow.host_region_name IS 'Region where the home is.';
COMMENT ON COLUMN mart.home_placements_flow.children IS 'Children in children''s homes at 31 March.';

CREATE VIEW mart.children_in_homes_by_area AS
WITH in_homes AS (
    SELECT f.snapshot_year, f.responsible_la_key, f.placement_la_key
      FROM core.fact_looked_after_31_march f
     WHERE f.placement_group = 'Children''s homes (K1, K2)'
), located AS (
    SELECT snapshot_year, placement_la_key AS la_key, count(*) AS children_in_area,
           count(*) FILTER (WHERE responsible_la_key <> placement_la_key) AS placed_by_another_la
      FROM in_homes WHERE placement_la_key > 0 GROUP BY snapshot_year, placement_la_key
), placed AS (
    SELECT snapshot_year, responsible_la_key AS la_key, count(*) AS children_placed,
           count(*) FILTER (WHERE placement_la_key <> responsible_la_key AND placement_la_key <> -1) AS placed_in_another_area
      FROM in_homes GROUP BY snapshot_year, responsible_la_key
)
SELECT coalesce(l.snapshot_year, p.snapshot_year) AS reporting_year, la.la_code, la.la_name, la.region_name,
       coalesce(l.children_in_area, 0) AS children_in_homes_in_area,
       coalesce(l.placed_by_another_la, 0) AS placed_by_another_la,
       mart.percent(l.placed_by_another_la, l.children_in_area) AS percent_placed_by_another_la,
       coalesce(p.children_placed, 0) AS children_placed_in_homes,
       coalesce(p.placed_in_another_area, 0) AS placed_in_another_area,
       mart.percent(p.placed_in_another_area, p.children_placed) AS percent_placed_in_another_area
  FROM located l
  FULL JOIN placed p ON p.snapshot_year = l.snapshot_year AND p.la_key = l.la_key
  JOIN mart.local_authority la ON la.la_key = coalesce(l.la_key, p.la_key);
COMMENT ON VIEW mart.children_in_homes_by_area IS 'Children in children''s homes at 31 March, seen from both sides: those living in homes in the LA''s area (and how many another LA placed there), and those the LA placed in homes (and how many in another LA''s area).';
COMMENT ON COLUMN mart.children_in_homes_by_area.reporting_year IS 'Year of the 31 March snapshot.';
COMMENT ON COLUMN mart.children_in_homes_by_area.la_code IS 'ONS code of the LA.';
COMMENT ON COLUMN mart.children_in_homes_by_area.la_name IS 'LA.';
COMMENT ON COLUMN mart.children_in_homes_by_area.region_name IS 'Region of the LA.';
COMMENT ON COLUMN mart.children_in_homes_by_area.children_in_homes_in_area IS 'Children in children''s homes located in the LA''s area (placed by any LA).';
COMMENT ON COLUMN mart.children_in_homes_by_area.placed_by_another_la IS 'Of whom placed by another LA.';
COMMENT ON COLUMN mart.children_in_homes_by_area.percent_placed_by_another_la IS 'Percent of children in homes in the area placed by another LA.';
COMMENT ON COLUMN mart.children_in_homes_by_area.children_placed_in_homes IS 'Children this LA placed in children''s homes (anywhere).';
COMMENT ON COLUMN mart.children_in_homes_by_area.placed_in_another_area IS 'Of whom in a home in another LA''s area or outside England.';
COMMENT ON COLUMN mart.children_in_homes_by_area.percent_placed_in_another_area IS 'Percent of the LA''s children in homes placed in another area.';

CREATE VIEW mart.out_of_area_oversight AS
SELECT o.collection_year AS reporting_year, la.la_code, la.la_name, la.region_name, o.placement_group, o.distance_type,
       count(*) AS placements,
       count(*) FILTER (WHERE o.is_approved) AS approved,
       mart.percent(count(*) FILTER (WHERE o.is_approved), count(*)) AS percent_approved,
       count(*) FILTER (WHERE o.is_approved_by_dcs) AS approved_by_dcs,
       count(*) FILTER (WHERE o.is_approved_as_required) AS approved_as_required,
       mart.percent(count(*) FILTER (WHERE o.is_approved_as_required), count(*)) AS percent_approved_as_required,
       count(*) FILTER (WHERE o.host_notified) AS host_notified,
       count(*) FILTER (WHERE o.host_notified_in_time) AS host_notified_in_time,
       mart.percent(count(*) FILTER (WHERE o.host_notified_in_time), count(*)) AS percent_host_notified_in_time,
       count(*) FILTER (WHERE o.admission_notified IS NOT NULL) AS placements_in_childrens_homes,
       count(*) FILTER (WHERE o.admission_notified) AS admission_notified,
       mart.percent(count(*) FILTER (WHERE o.admission_notified), count(*) FILTER (WHERE o.admission_notified IS NOT NULL)) AS percent_admission_notified
  FROM core.fact_out_of_area_placement o
  JOIN mart.local_authority la ON la.la_key = o.responsible_la_key
 GROUP BY o.collection_year, la.la_code, la.la_name, la.region_name, o.placement_group, o.distance_type;
COMMENT ON VIEW mart.out_of_area_oversight IS 'Out-of-area placements started in the year by placing LA, placement group and distance type (adjoining LA or at a distance): were they approved and notified as the 2014 rules require?';
COMMENT ON COLUMN mart.out_of_area_oversight.reporting_year IS 'Reporting year in which the placements started.';
COMMENT ON COLUMN mart.out_of_area_oversight.la_code IS 'ONS code of the placing LA.';
COMMENT ON COLUMN mart.out_of_area_oversight.la_name IS 'Placing LA.';
COMMENT ON COLUMN mart.out_of_area_oversight.region_name IS 'Region of the placing LA.';
COMMENT ON COLUMN mart.out_of_area_oversight.placement_group IS 'Children''s homes (K1, K2), Foster care, Other.';
COMMENT ON COLUMN mart.out_of_area_oversight.distance_type IS 'Adjoining LA or At a distance.';
COMMENT ON COLUMN mart.out_of_area_oversight.placements IS 'Out-of-area placements started in the year.';
COMMENT ON COLUMN mart.out_of_area_oversight.approved IS 'Approved by a nominated officer or the DCS.';
COMMENT ON COLUMN mart.out_of_area_oversight.percent_approved IS 'Percent of placements approved.';
COMMENT ON COLUMN mart.out_of_area_oversight.approved_by_dcs IS 'Approved by the director of children''s services.';
COMMENT ON COLUMN mart.out_of_area_oversight.approved_as_required IS 'Approved at the level required (DCS for placements at a distance).';
COMMENT ON COLUMN mart.out_of_area_oversight.percent_approved_as_required IS 'Percent of placements approved as required.';
COMMENT ON COLUMN mart.out_of_area_oversight.host_notified IS 'Host authority notified.';
COMMENT ON COLUMN mart.out_of_area_oversight.host_notified_in_time IS 'Host notified before the placement (emergency: within 5 working days).';
COMMENT ON COLUMN mart.out_of_area_oversight.percent_host_notified_in_time IS 'Percent of placements whose host was notified in time.';
COMMENT ON COLUMN mart.out_of_area_oversight.placements_in_childrens_homes IS 'Placements in children''s homes (K1, K2), which must send admission notices.';
COMMENT ON COLUMN mart.out_of_area_oversight.admission_notified IS 'Of which the home notified the host authority of the admission.';
COMMENT ON COLUMN mart.out_of_area_oversight.percent_admission_notified IS 'Percent of children''s home placements with an admission notice.';

CREATE VIEW mart.missing_incidents AS
SELECT m.collection_year AS reporting_year, la.la_code, la.la_name, la.region_name, m.missing_from, m.care_location,
       m.missing_type, count(*) AS incidents, count(DISTINCT m.child_key) AS children,
       count(*) FILTER (WHERE m.is_still_missing) AS still_missing,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY m.duration_hours)::numeric, 1) AS median_duration_hours
  FROM core.fact_missing_incident m
  JOIN mart.local_authority la ON la.la_key = m.responsible_la_key
 GROUP BY m.collection_year, la.la_code, la.la_name, la.region_name, m.missing_from, m.care_location, m.missing_type;
COMMENT ON VIEW mart.missing_incidents IS 'Missing incidents starting in the year by reporting LA, missing from (Home, Care), care location (In area, Out of area, Not applicable) and type (Missing, Away without authorisation). Children are distinct within a row: do not add them across rows.';
COMMENT ON COLUMN mart.missing_incidents.reporting_year IS 'Reporting year in which the incidents started.';
COMMENT ON COLUMN mart.missing_incidents.la_code IS 'ONS code of the reporting LA.';
COMMENT ON COLUMN mart.missing_incidents.la_name IS 'Reporting LA (responsible LA for children in care).';
COMMENT ON COLUMN mart.missing_incidents.region_name IS 'Region of the reporting LA.';
COMMENT ON COLUMN mart.missing_incidents.missing_from IS 'Home or Care.';
COMMENT ON COLUMN mart.missing_incidents.care_location IS 'In area, Out of area (placed outside the responsible LA), Not applicable (missing from home).';
COMMENT ON COLUMN mart.missing_incidents.missing_type IS 'Missing or Away without authorisation.';
COMMENT ON COLUMN mart.missing_incidents.incidents IS 'Incidents.';
COMMENT ON COLUMN mart.missing_incidents.children IS 'Distinct children with an incident in the row.';
COMMENT ON COLUMN mart.missing_incidents.still_missing IS 'Incidents with no end recorded.';
COMMENT ON COLUMN mart.missing_incidents.median_duration_hours IS 'Median duration in hours of the incidents that ended.';

CREATE VIEW mart.return_interviews AS
SELECT m.collection_year AS reporting_year, la.la_code, la.la_name, la.region_name, m.missing_from, m.care_location,
       count(*) AS incidents,
       count(*) FILTER (WHERE m.rhi_offered) AS offered,
       mart.percent(count(*) FILTER (WHERE m.rhi_offered), count(*)) AS percent_offered,
       count(*) FILTER (WHERE m.rhi_accepted) AS accepted,
       mart.percent(count(*) FILTER (WHERE m.rhi_accepted), count(*) FILTER (WHERE m.rhi_offered)) AS percent_accepted,
       count(*) FILTER (WHERE m.rhi_declined) AS declined,
       count(*) FILTER (WHERE m.rhi_completed) AS completed,
       count(*) FILTER (WHERE m.rhi_within_72_hours) AS completed_within_72_hours,
       mart.percent(count(*) FILTER (WHERE m.rhi_within_72_hours), count(*) FILTER (WHERE m.rhi_completed)) AS percent_within_72_hours
  FROM core.fact_missing_incident m
  JOIN mart.local_authority la ON la.la_key = m.responsible_la_key
 GROUP BY m.collection_year, la.la_code, la.la_name, la.region_name, m.missing_from, m.care_location;
COMMENT ON VIEW mart.return_interviews IS 'Independent return interviews after missing incidents starting in the year: offered, accepted, declined, completed, and completed within 72 hours of the child''s return.';
COMMENT ON COLUMN mart.return_interviews.reporting_year IS 'Reporting year in which the incidents started.';
COMMENT ON COLUMN mart.return_interviews.la_code IS 'ONS code of the reporting LA.';
COMMENT ON COLUMN mart.return_interviews.la_name IS 'Reporting LA.';
COMMENT ON COLUMN mart.return_interviews.region_name IS 'Region of the reporting LA.';
COMMENT ON COLUMN mart.return_interviews.missing_from IS 'Home or Care.';
COMMENT ON COLUMN mart.return_interviews.care_location IS 'In area, Out of area, Not applicable.';
COMMENT ON COLUMN mart.return_interviews.incidents IS 'Incidents.';
COMMENT ON COLUMN mart.return_interviews.offered IS 'Incidents after which an interview was offered.';
COMMENT ON COLUMN mart.return_interviews.percent_offered IS 'Percent of incidents with an offer.';
COMMENT ON COLUMN mart.return_interviews.accepted IS 'Offers the child accepted.';
COMMENT ON COLUMN mart.return_interviews.percent_accepted IS 'Percent of offers accepted.';
COMMENT ON COLUMN mart.return_interviews.declined IS 'Offers the child declined.';
COMMENT ON COLUMN mart.return_interviews.completed IS 'Interviews held.';
COMMENT ON COLUMN mart.return_interviews.completed_within_72_hours IS 'Interviews held within 72 hours of the end of the incident.';
COMMENT ON COLUMN mart.return_interviews.percent_within_72_hours IS 'Percent of held interviews held within 72 hours.';

CREATE VIEW mart.return_interview_offer_by_la AS
SELECT m.collection_year AS reporting_year, la.la_code, la.la_name, la.region_name, m.missing_from,
       count(*) AS incidents,
       count(*) FILTER (WHERE m.rhi_offered) AS offered,
       mart.percent(count(*) FILTER (WHERE m.rhi_offered), count(*)) AS percent_offered,
       bool_or(m.rhi_offered) AS offers_interviews
  FROM core.fact_missing_incident m
  JOIN mart.local_authority la ON la.la_key = m.responsible_la_key
 GROUP BY m.collection_year, la.la_code, la.la_name, la.region_name, m.missing_from;
COMMENT ON VIEW mart.return_interview_offer_by_la IS 'Which councils offer return interviews to children missing from home as well as from care: one row per LA, year and missing from.';
COMMENT ON COLUMN mart.return_interview_offer_by_la.reporting_year IS 'Reporting year in which the incidents started.';
COMMENT ON COLUMN mart.return_interview_offer_by_la.la_code IS 'ONS code of the reporting LA.';
COMMENT ON COLUMN mart.return_interview_offer_by_la.la_name IS 'Reporting LA.';
COMMENT ON COLUMN mart.return_interview_offer_by_la.region_name IS 'Region of the reporting LA.';
COMMENT ON COLUMN mart.return_interview_offer_by_la.missing_from IS 'Home or Care.';
COMMENT ON COLUMN mart.return_interview_offer_by_la.incidents IS 'Incidents.';
COMMENT ON COLUMN mart.return_interview_offer_by_la.offered IS 'Incidents after which an interview was offered.';
COMMENT ON COLUMN mart.return_interview_offer_by_la.percent_offered IS 'Percent of incidents with an offer.';
COMMENT ON COLUMN mart.return_interview_offer_by_la.offers_interviews IS 'The LA offered an interview after at least one such incident.';

CREATE VIEW mart.homes_by_area AS
SELECT h.snapshot_year AS reporting_year, la.la_code, la.la_name, la.region_name, h.sector, h.home_type,
       h.overall_effectiveness,
       count(*) AS homes_on_register_in_year,
       count(*) FILTER (WHERE h.is_open_at_31_march) AS homes_at_31_march,
       coalesce(sum(h.places) FILTER (WHERE h.is_open_at_31_march), 0) AS places_at_31_march,
       count(*) FILTER (WHERE h.opened_in_year) AS homes_opened_in_year,
       count(*) FILTER (WHERE h.closed_in_year) AS homes_closed_in_year
  FROM core.fact_childrens_home_31_march h
  JOIN mart.local_authority la ON la.la_key = h.host_la_key
 GROUP BY h.snapshot_year, la.la_code, la.la_name, la.region_name, h.sector, h.home_type, h.overall_effectiveness;
COMMENT ON VIEW mart.homes_by_area IS 'Children''s homes on the Ofsted register by the LA they are in, sector, type and latest Ofsted judgement: homes and places at 31 March, homes opened and closed in the year. No home is named.';
COMMENT ON COLUMN mart.homes_by_area.reporting_year IS 'Reporting year (register as at 31 March).';
COMMENT ON COLUMN mart.homes_by_area.la_code IS 'ONS code of the LA the homes are in; null when not known.';
COMMENT ON COLUMN mart.homes_by_area.la_name IS 'LA the homes are in.';
COMMENT ON COLUMN mart.homes_by_area.region_name IS 'Region the homes are in.';
COMMENT ON COLUMN mart.homes_by_area.sector IS 'Local authority, Private, Voluntary, Health authority.';
COMMENT ON COLUMN mart.homes_by_area.home_type IS 'Children''s home or Secure children''s home.';
COMMENT ON COLUMN mart.homes_by_area.overall_effectiveness IS 'Outstanding, Good, Requires improvement, Inadequate, Not yet inspected.';
COMMENT ON COLUMN mart.homes_by_area.homes_on_register_in_year IS 'Homes registered at any time in the year.';
COMMENT ON COLUMN mart.homes_by_area.homes_at_31_march IS 'Homes open at 31 March.';
COMMENT ON COLUMN mart.homes_by_area.places_at_31_march IS 'Registered places of the homes open at 31 March.';
COMMENT ON COLUMN mart.homes_by_area.homes_opened_in_year IS 'Homes registered during the year.';
COMMENT ON COLUMN mart.homes_by_area.homes_closed_in_year IS 'Homes closed during the year.';
