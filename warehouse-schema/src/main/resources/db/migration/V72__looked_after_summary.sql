-- Placement questions are asked over every year and LA at once (the ten-year out-of-area trend reads 840,000
-- children looked after at 31 March and took over 200 ms): mart.placement_location now reads a summary per year,
-- LA, placement group, locality and distance band that core.refresh_ssda903 keeps in step with
-- core.fact_looked_after_31_march, as V42 does for missing incidents. The summary is at the view's own grain, so
-- its median distance is exact (a median cannot be re-aggregated).

CREATE TABLE core.agg_looked_after_31_march (
    snapshot_year           smallint NOT NULL,
    responsible_la_key      integer  NOT NULL REFERENCES core.dim_local_authority (la_key),
    placement_group         text     NOT NULL,
    locality                text     NOT NULL,
    distance_band           text     NOT NULL,
    children                bigint   NOT NULL,
    children_at_a_distance  bigint   NOT NULL,
    median_distance_miles   numeric,
    PRIMARY KEY (snapshot_year, responsible_la_key, placement_group, locality, distance_band)
);
COMMENT ON TABLE core.agg_looked_after_31_march IS 'Summary of core.fact_looked_after_31_march per snapshot year, responsible LA (the version operating on 31 March, as in the fact), placement group, locality and distance band, rebuilt with the fact by core.refresh_ssda903.';
COMMENT ON COLUMN core.agg_looked_after_31_march.snapshot_year IS 'Year of the 31 March snapshot.';
COMMENT ON COLUMN core.agg_looked_after_31_march.responsible_la_key IS 'Responsible LA as operating on 31 March (core.dim_local_authority).';
COMMENT ON COLUMN core.agg_looked_after_31_march.placement_group IS 'Children''s homes (K1, K2), Foster care, Other.';
COMMENT ON COLUMN core.agg_looked_after_31_march.locality IS 'Inside boundary, Outside boundary, Not known.';
COMMENT ON COLUMN core.agg_looked_after_31_march.distance_band IS '20 miles or less, Over 20 miles, Not known.';
COMMENT ON COLUMN core.agg_looked_after_31_march.children IS 'Children looked after at 31 March.';
COMMENT ON COLUMN core.agg_looked_after_31_march.children_at_a_distance IS 'Of whom placed at a distance (outside the LA and not in an adjoining LA).';
COMMENT ON COLUMN core.agg_looked_after_31_march.median_distance_miles IS 'Median distance from home to placement in miles, 1 decimal place, over the children whose distance is known; null when none is.';

-- Rebuilds the summary of one year and LA from the fact.
CREATE FUNCTION core.summarise_looked_after(snapshot_year smallint, responsible_la_key integer) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM core.agg_looked_after_31_march a
     WHERE a.snapshot_year = summarise_looked_after.snapshot_year
       AND a.responsible_la_key = summarise_looked_after.responsible_la_key;
    INSERT INTO core.agg_looked_after_31_march
    SELECT f.snapshot_year, f.responsible_la_key, f.placement_group, f.locality, f.distance_band, count(*),
           count(*) FILTER (WHERE f.at_a_distance),
           round(percentile_cont(0.5) WITHIN GROUP (ORDER BY f.distance_miles)::numeric, 1)
      FROM core.fact_looked_after_31_march f
     WHERE f.snapshot_year = summarise_looked_after.snapshot_year
       AND f.responsible_la_key = summarise_looked_after.responsible_la_key
     GROUP BY f.snapshot_year, f.responsible_la_key, f.placement_group, f.locality, f.distance_band;
$$;
COMMENT ON FUNCTION core.summarise_looked_after(smallint, integer) IS 'Rebuilds core.agg_looked_after_31_march for one snapshot year and responsible LA from core.fact_looked_after_31_march.';
SELECT core.summarise_looked_after(d.snapshot_year, d.responsible_la_key)
  FROM (SELECT DISTINCT snapshot_year, responsible_la_key FROM core.fact_looked_after_31_march) d;

-- The fact rebuild of V39 keeps its body under a new name; core.refresh_ssda903 (the name ingest and
-- core.refresh_all call) runs it and then rebuilds the summary of the same LA and year.
ALTER PROCEDURE core.refresh_ssda903(bigint) RENAME TO rebuild_placement_episodes;
COMMENT ON PROCEDURE core.rebuild_placement_episodes(bigint) IS 'Rebuilds core.fact_placement_episode and core.fact_looked_after_31_march for the LA and year of an SSDA903 submission from its accepted (latest loaded) submission, replacing the rows of every earlier submission; adds its children to core.dim_child and its postcode sectors to core.dim_postcode_sector. Called by core.refresh_ssda903.';

CREATE PROCEDURE core.refresh_ssda903(submission_id bigint)
LANGUAGE plpgsql AS $$
DECLARE
    accepted bigint := core.accepted_submission(submission_id);
BEGIN
    CALL core.rebuild_placement_episodes(accepted);
    PERFORM core.summarise_looked_after(s.collection_year, core.la_key_on(s.la_code, make_date(s.collection_year, 3, 31)))
       FROM ops.submission s WHERE s.submission_id = accepted;
END
$$;
COMMENT ON PROCEDURE core.refresh_ssda903(bigint) IS 'Rebuilds core.fact_placement_episode, core.fact_looked_after_31_march (core.rebuild_placement_episodes) and its summary core.agg_looked_after_31_march for the LA and year of an SSDA903 submission from its accepted (latest loaded) submission, replacing the rows of every earlier submission. Call in the transaction that marks the submission loaded.';

CREATE OR REPLACE VIEW mart.placement_location AS
SELECT f.snapshot_year AS reporting_year, la.la_code, la.la_name, la.region_name, f.placement_group, f.locality,
       f.distance_band, f.children, f.children_at_a_distance, f.median_distance_miles
  FROM core.agg_looked_after_31_march f
  JOIN mart.local_authority la ON la.la_key = f.responsible_la_key;
