-- return_interviews: return interviews offered, accepted, completed (within 72 hours) and declined after missing
-- incidents starting in the year, by missing from and care location.
WITH cells AS (
    SELECT time_period,
           CASE GROUPING(region_code, la_code) WHEN 3 THEN 'National' WHEN 1 THEN 'Regional' ELSE 'Local authority' END AS geographic_level,
           region_code, la_code,
           coalesce(missing_from, 'Total') AS missing_from,
           coalesce(care_location, 'Total') AS care_location,
           count(*) AS incidents,
           count(*) FILTER (WHERE rhi_offered) AS interviews_offered,
           count(*) FILTER (WHERE rhi_accepted) AS interviews_accepted,
           count(*) FILTER (WHERE rhi_completed) AS interviews_completed,
           count(*) FILTER (WHERE rhi_within_72_hours) AS completed_within_72_hours,
           count(*) FILTER (WHERE rhi_declined) AS interviews_declined
      FROM missing_units
     GROUP BY time_period, GROUPING SETS ((), (region_code), (region_code, la_code)), CUBE (missing_from, care_location)
    HAVING (GROUPING(region_code) = 1 OR region_code IS NOT NULL) AND (GROUPING(la_code) = 1 OR la_code IS NOT NULL)
)
SELECT cells.*,
       round(100.0 * interviews_offered / nullif(incidents, 0), 1) AS percent_offered,
       round(100.0 * interviews_accepted / nullif(interviews_offered, 0), 1) AS percent_accepted,
       round(100.0 * completed_within_72_hours / nullif(interviews_completed, 0), 1) AS percent_within_72_hours
  FROM cells
