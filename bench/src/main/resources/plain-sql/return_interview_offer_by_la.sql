-- return_interview_offer_by_la: councils offering return interviews, by whether children went missing from home or care.
WITH cells AS (
    SELECT time_period,
           CASE GROUPING(region_code, la_code) WHEN 3 THEN 'National' WHEN 1 THEN 'Regional' ELSE 'Local authority' END AS geographic_level,
           region_code, la_code,
           coalesce(missing_from, 'Total') AS missing_from,
           count(*) AS incidents,
           count(*) FILTER (WHERE rhi_offered) AS incidents_offered,
           count(DISTINCT la_code) AS las_with_incidents,
           count(DISTINCT la_code) FILTER (WHERE rhi_offered) AS las_offering_interviews
      FROM missing_units
     GROUP BY time_period, GROUPING SETS ((), (region_code), (region_code, la_code)), CUBE (missing_from)
    HAVING (GROUPING(region_code) = 1 OR region_code IS NOT NULL) AND (GROUPING(la_code) = 1 OR la_code IS NOT NULL)
)
SELECT cells.*,
       round(100.0 * incidents_offered / nullif(incidents, 0), 1) AS percent_incidents_offered,
       round(100.0 * las_offering_interviews / nullif(las_with_incidents, 0), 1) AS percent_las_offering_interviews
  FROM cells
