-- The date dimension: every day 2000-2040 with the calendars this product reports on (reporting year ending
-- 31 March, financial quarters) and the England and Wales working-day calendar the oversight rules count in
-- ("within 5 working days", regulation 13(4)).

CREATE FUNCTION core.easter_sunday(year integer) RETURNS date
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    a int := year % 19; b int := year / 100; c int := year % 100; d int := b / 4; e int := b % 4;
    f int := (b + 8) / 25; g int := (b - f + 1) / 3; h int := (19 * a + b - d - g + 15) % 30;
    i int := c / 4; k int := c % 4; l int := (32 + 2 * e + 2 * i - h - k) % 7; m int := (a + 11 * h + 22 * l) / 451;
BEGIN
    -- Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    RETURN make_date(year, (h + l - 7 * m + 114) / 31, ((h + l - 7 * m + 114) % 31) + 1);
END
$$;
COMMENT ON FUNCTION core.easter_sunday(integer) IS 'Date of Easter Sunday in the Gregorian calendar (Meeus/Jones/Butcher algorithm); Good Friday and Easter Monday are bank holidays in England and Wales.';

CREATE TABLE core.dim_date (
    date_key                integer  PRIMARY KEY,
    calendar_date           date     UNIQUE,
    date_label              text     NOT NULL,
    calendar_year           smallint,
    calendar_month          smallint,
    month_name              text,
    day_of_month            smallint,
    iso_day_of_week         smallint,
    day_name                text,
    is_weekend              boolean,
    is_bank_holiday         boolean,
    bank_holiday_name       text,
    is_working_day          boolean,
    working_day_number      integer,
    reporting_year          smallint,
    reporting_year_label    text,
    financial_quarter       smallint,
    financial_quarter_label text,
    is_31_march             boolean,
    CONSTRAINT dim_date_key_matches_date CHECK (
        (date_key < 0 AND calendar_date IS NULL)
        OR date_key = (extract(year FROM calendar_date) * 10000 + extract(month FROM calendar_date) * 100
                       + extract(day FROM calendar_date))::integer)
);
COMMENT ON TABLE core.dim_date IS 'One row per day from 2000-01-01 to 2040-12-31 with calendar, reporting-year and working-day attributes; unknown members -1 (date not known) and -2 (not applicable, e.g. the end of an open episode).';
COMMENT ON COLUMN core.dim_date.date_key IS 'Surrogate key in the readable form yyyymmdd (20250331); -1 not known, -2 not applicable.';
COMMENT ON COLUMN core.dim_date.calendar_date IS 'The day; null for the unknown members.';
COMMENT ON COLUMN core.dim_date.date_label IS 'ISO date (2025-03-31), or Not known / Not applicable.';
COMMENT ON COLUMN core.dim_date.calendar_year IS 'Calendar year.';
COMMENT ON COLUMN core.dim_date.calendar_month IS 'Calendar month number, 1 = January.';
COMMENT ON COLUMN core.dim_date.month_name IS 'Month name in English (January).';
COMMENT ON COLUMN core.dim_date.day_of_month IS 'Day of the month, 1-31.';
COMMENT ON COLUMN core.dim_date.iso_day_of_week IS 'ISO day of the week: 1 Monday to 7 Sunday.';
COMMENT ON COLUMN core.dim_date.day_name IS 'Day name in English (Monday).';
COMMENT ON COLUMN core.dim_date.is_weekend IS 'Saturday or Sunday.';
COMMENT ON COLUMN core.dim_date.is_bank_holiday IS 'A bank holiday in England and Wales (including substitute days and the one-off holidays of 2002, 2011, 2012, 2020, 2022 and 2023).';
COMMENT ON COLUMN core.dim_date.bank_holiday_name IS 'Name of the bank holiday; null on other days.';
COMMENT ON COLUMN core.dim_date.is_working_day IS 'Monday to Friday and not an England and Wales bank holiday: the days "5 working days" counts.';
COMMENT ON COLUMN core.dim_date.working_day_number IS 'Working days from 2000-01-01 up to and including this day: the Nth working day after day D is the first day whose number is number(D) + N.';
COMMENT ON COLUMN core.dim_date.reporting_year IS 'Reporting year (collection year) the day belongs to, named by the year it ends on 31 March: 2024-04-01 to 2025-03-31 is 2025.';
COMMENT ON COLUMN core.dim_date.reporting_year_label IS 'Reporting year as written in publications: 2024-25.';
COMMENT ON COLUMN core.dim_date.financial_quarter IS 'Quarter of the reporting year: 1 April-June, 2 July-September, 3 October-December, 4 January-March.';
COMMENT ON COLUMN core.dim_date.financial_quarter_label IS 'Reporting year and quarter: 2024-25 Q1.';
COMMENT ON COLUMN core.dim_date.is_31_march IS 'True on 31 March, the day of the looked-after and children''s homes snapshots.';

WITH years AS (
    SELECT generate_series(2000, 2040) AS y
), rule_holidays AS (
    -- New Year's Day, moved to Monday when it falls at a weekend.
    SELECT CASE extract(isodow FROM make_date(y, 1, 1)) WHEN 6 THEN make_date(y, 1, 3) WHEN 7 THEN make_date(y, 1, 2)
                ELSE make_date(y, 1, 1) END AS day, 'New Year''s Day' AS name, y FROM years
    UNION ALL SELECT core.easter_sunday(y) - 2, 'Good Friday', y FROM years
    UNION ALL SELECT core.easter_sunday(y) + 1, 'Easter Monday', y FROM years
    -- First Monday of May (2020: moved to Friday 8 May for VE Day 75).
    UNION ALL SELECT CASE WHEN y = 2020 THEN DATE '2020-05-08'
                          ELSE make_date(y, 5, 1) + ((8 - extract(isodow FROM make_date(y, 5, 1))::int) % 7) END,
                     'Early May bank holiday', y FROM years
    -- Last Monday of May (moved for the 2002, 2012 and 2022 jubilees).
    UNION ALL SELECT CASE y WHEN 2002 THEN DATE '2002-06-04' WHEN 2012 THEN DATE '2012-06-04' WHEN 2022 THEN DATE '2022-06-02'
                          ELSE make_date(y, 5, 31) - ((extract(isodow FROM make_date(y, 5, 31))::int + 6) % 7) END,
                     'Spring bank holiday', y FROM years
    UNION ALL SELECT make_date(y, 8, 31) - ((extract(isodow FROM make_date(y, 8, 31))::int + 6) % 7),
                     'Summer bank holiday', y FROM years
    -- Christmas and Boxing Day with their substitute days.
    UNION ALL SELECT CASE extract(isodow FROM make_date(y, 12, 25)) WHEN 6 THEN make_date(y, 12, 27) WHEN 7 THEN make_date(y, 12, 27)
                          ELSE make_date(y, 12, 25) END, 'Christmas Day', y FROM years
    UNION ALL SELECT CASE extract(isodow FROM make_date(y, 12, 26)) WHEN 6 THEN make_date(y, 12, 28) WHEN 7 THEN make_date(y, 12, 28)
                          ELSE make_date(y, 12, 26) END, 'Boxing Day', y FROM years
), one_off_holidays(day, name) AS (
    VALUES (DATE '2002-06-03', 'Golden Jubilee of Queen Elizabeth II'),
           (DATE '2011-04-29', 'Wedding of Prince William and Catherine Middleton'),
           (DATE '2012-06-05', 'Diamond Jubilee of Queen Elizabeth II'),
           (DATE '2022-06-03', 'Platinum Jubilee of Queen Elizabeth II'),
           (DATE '2022-09-19', 'State Funeral of Queen Elizabeth II'),
           (DATE '2023-05-08', 'Coronation of King Charles III')
), holidays AS (
    SELECT day, name FROM rule_holidays UNION ALL SELECT day, name FROM one_off_holidays
), days AS (
    SELECT d::date AS day FROM generate_series(DATE '2000-01-01', DATE '2040-12-31', INTERVAL '1 day') d
), described AS (
    SELECT days.day, h.name,
           extract(isodow FROM days.day)::smallint AS dow,
           extract(isodow FROM days.day) < 6 AND h.name IS NULL AS working,
           core.reporting_year(days.day) AS ry
      FROM days LEFT JOIN holidays h ON h.day = days.day
)
INSERT INTO core.dim_date
SELECT (extract(year FROM day) * 10000 + extract(month FROM day) * 100 + extract(day FROM day))::integer,
       day, to_char(day, 'YYYY-MM-DD'),
       extract(year FROM day)::smallint, extract(month FROM day)::smallint, trim(to_char(day, 'Month')),
       extract(day FROM day)::smallint, dow, trim(to_char(day, 'Day')), dow >= 6,
       name IS NOT NULL, name, working,
       count(*) FILTER (WHERE working) OVER (ORDER BY day),
       ry, (ry - 1)::text || '-' || lpad((ry % 100)::text, 2, '0'),
       ((extract(month FROM day)::int + 8) % 12 / 3 + 1)::smallint,
       (ry - 1)::text || '-' || lpad((ry % 100)::text, 2, '0') || ' Q' || ((extract(month FROM day)::int + 8) % 12 / 3 + 1)::text,
       extract(month FROM day) = 3 AND extract(day FROM day) = 31
  FROM described;

INSERT INTO core.dim_date (date_key, calendar_date, date_label) VALUES (-1, NULL, 'Not known'), (-2, NULL, 'Not applicable');

CREATE FUNCTION core.date_key(day date, when_null integer DEFAULT -2) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN day IS NULL THEN when_null
                WHEN day < DATE '2000-01-01' OR day > DATE '2040-12-31' THEN -1
                ELSE (extract(year FROM day) * 10000 + extract(month FROM day) * 100 + extract(day FROM day))::integer END
$$;
COMMENT ON FUNCTION core.date_key(date, integer) IS 'dim_date key of a day: yyyymmdd inside 2000-2040, -1 (not known) outside it, when_null (default -2, not applicable) for a null day.';

CREATE FUNCTION core.add_working_days(day date, working_days integer) RETURNS date
LANGUAGE sql STABLE AS $$
    SELECT min(later.calendar_date)
      FROM core.dim_date d
      JOIN core.dim_date later ON later.working_day_number = d.working_day_number + working_days AND later.is_working_day
     WHERE d.calendar_date = day
$$;
COMMENT ON FUNCTION core.add_working_days(date, integer) IS 'The Nth England and Wales working day after a day (the day itself not counted): add_working_days(Friday, 5) is the next Friday unless a bank holiday intervenes.';
