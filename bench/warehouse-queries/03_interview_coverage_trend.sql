-- Return interview coverage trend, England: percent of incidents with an offer, percent of interviews within 72 hours.
SELECT reporting_year, missing_from, sum(incidents) AS incidents,
       mart.percent(sum(offered)::bigint, sum(incidents)::bigint) AS percent_offered,
       mart.percent(sum(completed_within_72_hours)::bigint, sum(completed)::bigint) AS percent_within_72_hours
  FROM mart.return_interviews
 GROUP BY reporting_year, missing_from
 ORDER BY reporting_year, missing_from;
