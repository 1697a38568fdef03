-- core.la_key_on runs once per episode, incident and placement that names an LA (placement, host). As a SQL function
-- of five CTEs it was planned and set up as a query at every call; in PL/pgSQL its two lookups are prepared once
-- per session: 2.3 times faster per call, with the same answer for every LA code and day (checked on the codes of
-- a national year and the reorganisations of 2018-2026 before this replaced it).
CREATE OR REPLACE FUNCTION core.la_key_on(la_code text, day date) RETURNS integer
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    given text := upper(nullif(btrim(la_code), ''));
    found integer;
    operating integer;
BEGIN
    IF given IS NULL THEN
        RETURN -1;
    ELSIF given !~ '^E' THEN
        RETURN -2;
    END IF;
    SELECT la.la_key INTO found
      FROM core.dim_local_authority la
     WHERE la.new_la_code = given AND NOT la.is_unknown_member AND la.valid_from <= day AND (la.valid_to IS NULL OR la.valid_to >= day);
    IF found IS NOT NULL THEN
        RETURN found;
    END IF;
    SELECT min(la.la_key), count(*) INTO found, operating
      FROM core.dim_local_authority la
     WHERE la.new_la_code IN (SELECT s.predecessor_la_code FROM core.la_succession s WHERE s.successor_la_code = given AND s.effective_date > day
                              UNION SELECT s.successor_la_code FROM core.la_succession s WHERE s.predecessor_la_code = given AND s.effective_date <= day)
       AND NOT la.is_unknown_member AND la.valid_from <= day AND (la.valid_to IS NULL OR la.valid_to >= day);
    RETURN CASE WHEN operating = 1 THEN found ELSE -1 END;
END
$$;
