-- children_in_homes_by_area: children in children's homes at 31 March, counted once where the home is (in_area) and
-- once for the LA that placed them, by whether the placing LA is the home's LA; percents of the geography's Total.
WITH in_homes AS (
    SELECT * FROM looked_after_units WHERE placement_group = 'Children''s homes (K1, K2)'
), counted AS (
    SELECT time_period, host_region_code AS region_code, host_la_code AS la_code, placing_relation, true AS in_area
      FROM in_homes WHERE placement_la_key > 0
    UNION ALL
    SELECT time_period, region_code, la_code, placing_relation, false FROM in_homes
), cells AS (
    SELECT time_period,
           CASE GROUPING(region_code, la_code) WHEN 3 THEN 'National' WHEN 1 THEN 'Regional' ELSE 'Local authority' END AS geographic_level,
           region_code, la_code,
           coalesce(placing_relation, 'Total') AS placing_relation,
           count(*) FILTER (WHERE in_area) AS children_in_homes_in_area,
           count(*) FILTER (WHERE NOT in_area) AS children_placed_in_homes
      FROM counted
     GROUP BY time_period, GROUPING SETS ((), (region_code), (region_code, la_code)), CUBE (placing_relation)
    HAVING (GROUPING(region_code) = 1 OR region_code IS NOT NULL) AND (GROUPING(la_code) = 1 OR la_code IS NOT NULL)
)
SELECT cells.*,
       round(100.0 * children_in_homes_in_area / nullif(max(children_in_homes_in_area) FILTER (WHERE placing_relation = 'Total')
           OVER (PARTITION BY time_period, geographic_level, region_code, la_code), 0), 1) AS percent_of_children_in_area,
       round(100.0 * children_placed_in_homes / nullif(max(children_placed_in_homes) FILTER (WHERE placing_relation = 'Total')
           OVER (PARTITION BY time_period, geographic_level, region_code, la_code), 0), 1) AS percent_of_children_placed
  FROM cells
