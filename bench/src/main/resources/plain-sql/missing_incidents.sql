-- missing_incidents: missing incidents starting in the year by missing from, care location and type, the children
-- they concern and the median duration of ended incidents (of the exact durations, as published).
SELECT time_period,
       CASE GROUPING(region_code, la_code) WHEN 3 THEN 'National' WHEN 1 THEN 'Regional' ELSE 'Local authority' END AS geographic_level,
       region_code, la_code,
       coalesce(missing_from, 'Total') AS missing_from,
       coalesce(care_location, 'Total') AS care_location,
       coalesce(missing_type, 'Total') AS missing_type,
       count(*) AS incidents,
       count(DISTINCT child_key) AS children,
       extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY duration) FILTER (WHERE NOT is_still_missing)) / 3600
           AS median_duration_hours,
       count(duration) FILTER (WHERE NOT is_still_missing) AS median_duration_hours_basis
  FROM missing_units
 GROUP BY time_period, GROUPING SETS ((), (region_code), (region_code, la_code)), CUBE (missing_from, care_location, missing_type)
HAVING (GROUPING(region_code) = 1 OR region_code IS NOT NULL) AND (GROUPING(la_code) = 1 OR la_code IS NOT NULL)
