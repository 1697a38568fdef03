-- The units each data pack table counts, one temporary view per core fact, as an analyst would write them over the
-- core contract (docs/architecture.md "Core contract"). Each unit carries the LA it is attributed to as operating in
-- its year and that LA's region; both are null for the unknown members (-1 not known, -2 outside England), which count
-- nationally only. Every year up to the reporting year is aggregated, as publish does (the bench fills in the year).
CREATE TEMPORARY VIEW la_area AS
SELECT la.la_key,
       CASE WHEN NOT la.is_unknown_member THEN la.new_la_code END AS la_code,
       CASE WHEN NOT la.is_unknown_member THEN r.region_code END AS region_code,
       la.la_name, r.region_name
  FROM core.dim_local_authority la
  JOIN core.dim_region r ON r.region_key = la.region_key;

CREATE TEMPORARY VIEW home_units AS
SELECT h.snapshot_year AS time_period, a.region_code, a.la_code, h.urn, h.sector, h.home_type,
       h.overall_effectiveness, h.is_open_at_31_march, h.opened_in_year, h.closed_in_year,
       CASE WHEN h.is_open_at_31_march THEN h.places END AS places_at_31_march
  FROM core.fact_childrens_home_31_march h
  JOIN la_area a ON a.la_key = h.host_la_key
 WHERE h.snapshot_year <= %1$d;

CREATE TEMPORARY VIEW looked_after_units AS
SELECT f.snapshot_year AS time_period, placer.region_code, placer.la_code, f.child_key, f.placement_group,
       f.locality, f.distance_band, f.distance_miles, f.placement_la_key,
       host.la_code AS host_la_code, host.region_code AS host_region_code,
       coalesce(host.la_name, 'Not known') AS host_la_name, coalesce(host.region_name, 'Not known') AS host_region_name,
       CASE WHEN f.placement_la_key IN (-1, -3) THEN 'Not known'
            WHEN host.la_code = placer.la_code THEN 'Placed by this LA'
            ELSE 'Placed by another LA' END AS placing_relation
  FROM core.fact_looked_after_31_march f
  JOIN la_area placer ON placer.la_key = f.responsible_la_key
  LEFT JOIN la_area host ON host.la_key = f.placement_la_key
 WHERE f.snapshot_year <= %1$d;

CREATE TEMPORARY VIEW oversight_units AS
SELECT o.collection_year AS time_period, a.region_code, a.la_code, o.child_key, o.placement_group, o.distance_type,
       o.is_approved, o.is_approved_by_dcs, o.host_notified, o.host_notified_in_time, o.admission_notified
  FROM core.fact_out_of_area_placement o
  JOIN la_area a ON a.la_key = o.responsible_la_key
 WHERE o.collection_year <= %1$d;

CREATE TEMPORARY VIEW missing_units AS
SELECT m.collection_year AS time_period, a.region_code, a.la_code, m.child_key, m.missing_from, m.care_location,
       m.missing_type, m.is_still_missing, m.missing_end - m.missing_start AS duration, m.rhi_offered, m.rhi_accepted, m.rhi_declined,
       m.rhi_completed, m.rhi_within_72_hours
  FROM core.fact_missing_incident m
  JOIN la_area a ON a.la_key = m.responsible_la_key
 WHERE m.collection_year <= %1$d;
