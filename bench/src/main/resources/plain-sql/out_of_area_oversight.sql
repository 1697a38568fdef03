-- out_of_area_oversight: out-of-area placements started in the year, by placement group and distance type:
-- approval (nominated officer, DCS for placements at a distance) and notification of the host LA and by the home.
WITH cells AS (
    SELECT time_period,
           CASE GROUPING(region_code, la_code) WHEN 3 THEN 'National' WHEN 1 THEN 'Regional' ELSE 'Local authority' END AS geographic_level,
           region_code, la_code,
           coalesce(placement_group, 'Total') AS placement_group,
           coalesce(distance_type, 'Total') AS distance_type,
           count(*) AS placements_started,
           count(*) FILTER (WHERE is_approved) AS approved,
           count(*) FILTER (WHERE distance_type = 'At a distance') AS placements_at_a_distance,
           count(*) FILTER (WHERE distance_type = 'At a distance' AND is_approved_by_dcs) AS approved_by_dcs,
           count(*) FILTER (WHERE host_notified) AS host_notified,
           count(*) FILTER (WHERE host_notified_in_time) AS host_notified_in_time,
           count(*) FILTER (WHERE admission_notified IS NOT NULL) AS placements_in_childrens_homes,
           count(*) FILTER (WHERE admission_notified) AS admission_notified
      FROM oversight_units
     GROUP BY time_period, GROUPING SETS ((), (region_code), (region_code, la_code)), CUBE (placement_group, distance_type)
    HAVING (GROUPING(region_code) = 1 OR region_code IS NOT NULL) AND (GROUPING(la_code) = 1 OR la_code IS NOT NULL)
)
SELECT cells.*,
       round(100.0 * approved / nullif(placements_started, 0), 1) AS percent_approved,
       round(100.0 * approved_by_dcs / nullif(placements_at_a_distance, 0), 1) AS percent_approved_by_dcs,
       round(100.0 * host_notified / nullif(placements_started, 0), 1) AS percent_host_notified,
       round(100.0 * host_notified_in_time / nullif(placements_started, 0), 1) AS percent_host_notified_in_time,
       round(100.0 * admission_notified / nullif(placements_in_childrens_homes, 0), 1) AS percent_admission_notified
  FROM cells
