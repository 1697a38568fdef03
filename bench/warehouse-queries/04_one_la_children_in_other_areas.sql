-- One LA's looked-after children placed outside its boundary at 31 March, by host LA and placement group.
SELECT host_la_name, host_region_name, placement_group, children
  FROM mart.placement_flow
 WHERE reporting_year = 2025 AND placing_la_code = 'E06000001' AND locality = 'Outside boundary'
 ORDER BY children DESC, host_la_name, placement_group;
