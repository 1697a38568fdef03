-- core.add_working_days (the host notification due date of every emergency out-of-area placement) finds the Nth
-- working day by its number; without an index each call scanned dim_date twice (6 ms a call, 200 times the cost of
-- the indexed lookup), making the oversight refresh of an LA take seconds at national volumes.
CREATE INDEX dim_date_by_working_day_number ON core.dim_date (working_day_number) WHERE is_working_day;
