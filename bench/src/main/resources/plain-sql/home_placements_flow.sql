-- home_placements_flow: children in children's homes at 31 March by placing area and the region and LA of the home.
SELECT time_period,
       CASE GROUPING(region_code, la_code) WHEN 3 THEN 'National' WHEN 1 THEN 'Regional' ELSE 'Local authority' END AS geographic_level,
       region_code, la_code,
       coalesce(host_region_name, 'Total') AS host_region,
       coalesce(host_la_name, 'Total') AS host_la,
       count(DISTINCT child_key) AS children_in_homes
  FROM looked_after_units
 WHERE placement_group = 'Children''s homes (K1, K2)'
 GROUP BY time_period, GROUPING SETS ((), (region_code), (region_code, la_code)), CUBE (host_region_name, host_la_name)
HAVING (GROUPING(region_code) = 1 OR region_code IS NOT NULL) AND (GROUPING(la_code) = 1 OR la_code IS NOT NULL)
