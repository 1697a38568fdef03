-- Return interview questions are asked over every year and LA at once (1.5 million incidents in ten years): the
-- marts read them from a summary per LA, year and filter that core.refresh_missing keeps in step with
-- core.fact_missing_incident, instead of aggregating the fact each time.

CREATE TABLE core.agg_missing_incident (
    collection_year            smallint NOT NULL,
    responsible_la_key         integer  NOT NULL REFERENCES core.dim_local_authority (la_key),
    missing_from               text     NOT NULL,
    care_location              text     NOT NULL,
    missing_type               text     NOT NULL,
    incidents                  bigint   NOT NULL,
    still_missing              bigint   NOT NULL,
    offered                    bigint   NOT NULL,
    accepted                   bigint   NOT NULL,
    declined                   bigint   NOT NULL,
    completed                  bigint   NOT NULL,
    completed_within_72_hours  bigint   NOT NULL,
    PRIMARY KEY (collection_year, responsible_la_key, missing_from, care_location, missing_type)
);
COMMENT ON TABLE core.agg_missing_incident IS 'Summary of core.fact_missing_incident per year, reporting LA, missing from, care location and type: the additive counts of incidents and return interviews, rebuilt with the fact by core.refresh_missing.';
COMMENT ON COLUMN core.agg_missing_incident.collection_year IS 'Reporting year in which the incidents started.';
COMMENT ON COLUMN core.agg_missing_incident.responsible_la_key IS 'Reporting LA (core.dim_local_authority).';
COMMENT ON COLUMN core.agg_missing_incident.missing_from IS 'Home or Care.';
COMMENT ON COLUMN core.agg_missing_incident.care_location IS 'In area, Out of area, Not applicable.';
COMMENT ON COLUMN core.agg_missing_incident.missing_type IS 'Missing or Away without authorisation.';
COMMENT ON COLUMN core.agg_missing_incident.incidents IS 'Incidents.';
COMMENT ON COLUMN core.agg_missing_incident.still_missing IS 'Incidents with no end recorded.';
COMMENT ON COLUMN core.agg_missing_incident.offered IS 'Incidents after which a return interview was offered.';
COMMENT ON COLUMN core.agg_missing_incident.accepted IS 'Offers accepted.';
COMMENT ON COLUMN core.agg_missing_incident.declined IS 'Offers declined.';
COMMENT ON COLUMN core.agg_missing_incident.completed IS 'Interviews held.';
COMMENT ON COLUMN core.agg_missing_incident.completed_within_72_hours IS 'Interviews held within 72 hours of the end of the incident.';

-- Rebuilds the summary of one year and LA from the fact.
CREATE FUNCTION core.summarise_missing_incidents(collection_year smallint, responsible_la_key integer) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM core.agg_missing_incident a
     WHERE a.collection_year = summarise_missing_incidents.collection_year
       AND a.responsible_la_key = summarise_missing_incidents.responsible_la_key;
    INSERT INTO core.agg_missing_incident
    SELECT m.collection_year, m.responsible_la_key, m.missing_from, m.care_location, m.missing_type, count(*),
           count(*) FILTER (WHERE m.is_still_missing), count(*) FILTER (WHERE m.rhi_offered),
           count(*) FILTER (WHERE m.rhi_accepted), count(*) FILTER (WHERE m.rhi_declined),
           count(*) FILTER (WHERE m.rhi_completed), count(*) FILTER (WHERE m.rhi_within_72_hours)
      FROM core.fact_missing_incident m
     WHERE m.collection_year = summarise_missing_incidents.collection_year
       AND m.responsible_la_key = summarise_missing_incidents.responsible_la_key
     GROUP BY m.collection_year, m.responsible_la_key, m.missing_from, m.care_location, m.missing_type;
$$;
COMMENT ON FUNCTION core.summarise_missing_incidents(smallint, integer) IS 'Rebuilds core.agg_missing_incident for one reporting year and reporting LA from core.fact_missing_incident.';
SELECT core.summarise_missing_incidents(d.collection_year, d.responsible_la_key)
  FROM (SELECT DISTINCT collection_year, responsible_la_key FROM core.fact_missing_incident) d;

-- The fact rebuild of V39 keeps its body under a new name; core.refresh_missing (the name ingest calls) runs it and
-- then rebuilds the summary of the same LA and year.
ALTER PROCEDURE core.refresh_missing(bigint) RENAME TO rebuild_missing_incidents;
COMMENT ON PROCEDURE core.rebuild_missing_incidents(bigint) IS 'Rebuilds core.fact_missing_incident for the LA and year of a missing-return submission from its accepted (latest loaded) submission, replacing the rows of every earlier submission, and adds its children to core.dim_child. Called by core.refresh_missing.';

CREATE PROCEDURE core.refresh_missing(submission_id bigint)
LANGUAGE plpgsql AS $$
DECLARE
    accepted bigint := core.accepted_submission(submission_id);
BEGIN
    CALL core.rebuild_missing_incidents(accepted);
    PERFORM core.summarise_missing_incidents(s.collection_year, core.la_key_on(s.la_code, make_date(s.collection_year, 3, 31)))
       FROM ops.submission s WHERE s.submission_id = accepted;
END
$$;
COMMENT ON PROCEDURE core.refresh_missing(bigint) IS 'Rebuilds core.fact_missing_incident (core.rebuild_missing_incidents) and its summary core.agg_missing_incident for the LA and year of a missing-return submission from its accepted (latest loaded) submission, replacing the rows of every earlier submission. Call in the transaction that marks the submission loaded.';

CREATE OR REPLACE VIEW mart.return_interviews AS
SELECT m.reporting_year, la.la_code, la.la_name, la.region_name, m.missing_from, m.care_location, m.incidents,
       m.offered, mart.percent(m.offered, m.incidents) AS percent_offered, m.accepted,
       mart.percent(m.accepted, m.offered) AS percent_accepted, m.declined, m.completed, m.completed_within_72_hours,
       mart.percent(m.completed_within_72_hours, m.completed) AS percent_within_72_hours
  FROM (SELECT collection_year AS reporting_year, responsible_la_key, missing_from, care_location,
               sum(incidents)::bigint AS incidents, sum(offered)::bigint AS offered, sum(accepted)::bigint AS accepted,
               sum(declined)::bigint AS declined, sum(completed)::bigint AS completed,
               sum(completed_within_72_hours)::bigint AS completed_within_72_hours
          FROM core.agg_missing_incident
         GROUP BY collection_year, responsible_la_key, missing_from, care_location) m
  JOIN mart.local_authority la ON la.la_key = m.responsible_la_key;

CREATE OR REPLACE VIEW mart.return_interview_offer_by_la AS
SELECT m.reporting_year, la.la_code, la.la_name, la.region_name, m.missing_from, m.incidents, m.offered,
       mart.percent(m.offered, m.incidents) AS percent_offered, m.offered > 0 AS offers_interviews
  FROM (SELECT collection_year AS reporting_year, responsible_la_key, missing_from, sum(incidents)::bigint AS incidents,
               sum(offered)::bigint AS offered
          FROM core.agg_missing_incident
         GROUP BY collection_year, responsible_la_key, missing_from) m
  JOIN mart.local_authority la ON la.la_key = m.responsible_la_key;
