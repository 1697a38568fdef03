-- placement_location: children looked after at 31 March by placement group, locality and distance band, with the
-- percent of the placement group and the median distance from home.
WITH cells AS (
    SELECT time_period,
           CASE GROUPING(region_code, la_code) WHEN 3 THEN 'National' WHEN 1 THEN 'Regional' ELSE 'Local authority' END AS geographic_level,
           region_code, la_code,
           coalesce(placement_group, 'Total') AS placement_group,
           coalesce(locality, 'Total') AS locality,
           coalesce(distance_band, 'Total') AS distance_band,
           count(*) AS children_at_31_march,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY distance_miles) AS median_distance_miles,
           count(distance_miles) AS median_distance_miles_basis
      FROM looked_after_units
     GROUP BY time_period, GROUPING SETS ((), (region_code), (region_code, la_code)), CUBE (placement_group, locality, distance_band)
    HAVING (GROUPING(region_code) = 1 OR region_code IS NOT NULL) AND (GROUPING(la_code) = 1 OR la_code IS NOT NULL)
)
SELECT cells.*,
       round(100.0 * children_at_31_march / nullif(max(children_at_31_march) FILTER (WHERE locality = 'Total' AND distance_band = 'Total')
           OVER (PARTITION BY time_period, geographic_level, region_code, la_code, placement_group), 0), 1) AS percent_of_placement_group
  FROM cells
