package uk.gov.childrenshomes.jobs.warehouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.regex.Pattern;

/**
 * Calls the set-based procedure that rebuilds the warehouse from a loaded submission
 * ({@code core.refresh_<return>(submission_id)}, {@code landing.merge_onspd_postcodes}), in the caller's
 * transaction. The warehouse model owns those procedures and may not have created one yet: a missing procedure is
 * logged as a warning, not a failure, so that loading works ahead of the model and picks it up when it lands.
 */
@Component
public class RefreshProcedures {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshProcedures.class);
    private static final Pattern QUALIFIED_NAME = Pattern.compile("^[a-z_]+\\.[a-z_0-9]+$");

    private final JdbcTemplate jdbc;

    public RefreshProcedures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return whether the procedure exists (and so was called) */
    public boolean call(String procedure, long submissionId) {
        if (!QUALIFIED_NAME.matcher(procedure).matches()) {
            throw new IllegalStateException("Refresh procedure name '" + procedure + "' is not a schema-qualified name");
        }
        Boolean exists = jdbc.queryForObject("SELECT to_regprocedure(?) IS NOT NULL", Boolean.class, procedure + "(bigint)");
        if (!Boolean.TRUE.equals(exists)) {
            LOG.warn("{}(bigint) does not exist in the warehouse yet: submission {} is loaded but the warehouse model was not refreshed from it",
                    procedure, submissionId);
            return false;
        }
        jdbc.update("CALL " + procedure + "(?)", submissionId);
        return true;
    }
}
