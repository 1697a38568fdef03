-- Children's homes and places per region at 31 March of one year.
SELECT region_name, sum(homes_at_31_march) AS homes, sum(places_at_31_march) AS places
  FROM mart.homes_by_area
 WHERE reporting_year = 2025
 GROUP BY region_name
 ORDER BY region_name;
