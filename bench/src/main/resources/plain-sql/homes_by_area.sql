-- homes_by_area: children's homes and places by area, sector, type and Ofsted judgement. Every geography (England,
-- region, LA) crossed with every combination of filter levels and Total, as publish aggregates before disclosure control.
SELECT time_period,
       CASE GROUPING(region_code, la_code) WHEN 3 THEN 'National' WHEN 1 THEN 'Regional' ELSE 'Local authority' END AS geographic_level,
       region_code, la_code,
       coalesce(sector, 'Total') AS sector,
       coalesce(home_type, 'Total') AS home_type,
       coalesce(overall_effectiveness, 'Total') AS overall_effectiveness,
       count(*) FILTER (WHERE is_open_at_31_march) AS homes_at_31_march,
       coalesce(sum(places_at_31_march), 0) AS places_at_31_march,
       count(*) FILTER (WHERE opened_in_year) AS homes_opened,
       count(*) FILTER (WHERE closed_in_year) AS homes_closed
  FROM home_units
 GROUP BY time_period, GROUPING SETS ((), (region_code), (region_code, la_code)), CUBE (sector, home_type, overall_effectiveness)
HAVING (GROUPING(region_code) = 1 OR region_code IS NOT NULL) AND (GROUPING(la_code) = 1 OR la_code IS NOT NULL)
