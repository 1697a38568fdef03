-- Re-deriving a whole year after late reference data, and the retention of full postcodes in landing.

CREATE PROCEDURE core.refresh_all(collection_year integer)
LANGUAGE plpgsql AS $$
DECLARE
    accepted record;
BEGIN
    -- Reference data first: adjacency (latest loaded of any year), the home history (every year), and the LA of every
    -- postcode sector in use (ONSPD may have changed).
    FOR accepted IN SELECT max(s.submission_id) AS submission_id, s.return_code
                      FROM ops.submission s
                     WHERE s.state = 'loaded' AND s.return_code IN ('la_adjacency', 'ofsted_register')
                     GROUP BY s.return_code
                     ORDER BY s.return_code
    LOOP
        IF accepted.return_code = 'la_adjacency' THEN
            CALL core.refresh_la_adjacency(accepted.submission_id);
        ELSE
            CALL core.refresh_ofsted_register(accepted.submission_id);
        END IF;
    END LOOP;
    PERFORM core.merge_postcode_sectors(ARRAY(SELECT d.postcode_sector FROM core.dim_postcode_sector d WHERE NOT d.is_unknown_member));

    FOR accepted IN SELECT max(s.submission_id) AS submission_id, s.return_code
                      FROM ops.submission s
                     WHERE s.state = 'loaded' AND s.collection_year = refresh_all.collection_year
                       AND s.return_code IN ('ssda903', 'missing', 'oversight')
                     GROUP BY s.la_code, s.return_code
                     ORDER BY s.return_code, s.la_code
    LOOP
        CASE accepted.return_code
            WHEN 'ssda903' THEN CALL core.refresh_ssda903(accepted.submission_id);
            WHEN 'missing' THEN CALL core.refresh_missing(accepted.submission_id);
            ELSE CALL core.refresh_oversight(accepted.submission_id);
        END CASE;
    END LOOP;
END
$$;
COMMENT ON PROCEDURE core.refresh_all(integer) IS 'Re-derives every core fact of a collection year from the accepted (latest loaded) submissions, after refreshing the LA adjacency (return la_adjacency), the children''s home history (return ofsted_register) and the LA of the postcode sectors in use: run after late reference data (ONSPD, adjacency, register).';

CREATE PROCEDURE core.apply_postcode_retention(retention interval)
LANGUAGE plpgsql AS $$
BEGIN
    DROP TABLE IF EXISTS pg_temp.expired_submission;
    CREATE TEMPORARY TABLE expired_submission ON COMMIT DROP AS
    SELECT s.submission_id
      FROM ops.submission s
     WHERE s.state IN ('loaded', 'superseded', 'rejected')
       AND s.postcodes_removed_at IS NULL
       AND coalesce(s.completed_at, s.received_at) < now() - retention;

    UPDATE landing.ssda903_episode e SET home_postcode = NULL, placement_postcode = NULL
     WHERE e.submission_id IN (SELECT submission_id FROM expired_submission)
       AND (e.home_postcode IS NOT NULL OR e.placement_postcode IS NOT NULL);
    UPDATE ops.submission s SET postcodes_removed_at = now()
     WHERE s.submission_id IN (SELECT submission_id FROM expired_submission);
END
$$;
COMMENT ON PROCEDURE core.apply_postcode_retention(interval) IS 'Removes the full postcodes of children (SSDA903 HOME_POST, PL_POST) from landing for every submission loaded, superseded or rejected longer ago than the retention period, and records it in ops.submission.postcodes_removed_at; later refreshes keep what was derived from them. Ofsted register postcodes (homes, not children) are kept to rebuild the home history.';
