-- Out-of-area rate by LA and year: children looked after at 31 March placed outside their LA's boundary.
SELECT reporting_year, la_code, la_name, sum(children) AS children,
       mart.percent(sum(children) FILTER (WHERE locality = 'Outside boundary')::bigint, sum(children)::bigint) AS percent_outside
  FROM mart.placement_location
 WHERE reporting_year BETWEEN 2021 AND 2025
 GROUP BY reporting_year, la_code, la_name
 ORDER BY la_code, reporting_year;
