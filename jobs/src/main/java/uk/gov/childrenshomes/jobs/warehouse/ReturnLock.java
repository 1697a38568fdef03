package uk.gov.childrenshomes.jobs.warehouse;

import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A PostgreSQL session advisory lock per LA, return and collection year, held while a delivery is registered and
 * loaded. Two ingests of the same return (overlapping schedules, an operator re-running an LA while Airflow does)
 * therefore take turns: the second finds the content already loaded instead of loading it a second time. The lock
 * lives in a session of its own, so a killed ingest never leaves it held.
 */
@Component
public class ReturnLock {

    private final DataSource dataSource;

    public ReturnLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} holding the lock of the return, telling {@code progress} when it has to wait for it. */
    public <T> T whileHeld(String laCode, String returnCode, int collectionYear, Consumer<String> progress, Supplier<T> work) {
        String key = laCode + "/" + returnCode + "/" + collectionYear;
        try (Connection session = dataSource.getConnection()) {
            if (!lock(session, "pg_try_advisory_lock", key)) {
                progress.accept("Waiting for another ingest of " + key + " to finish (database lock held by it)...");
                lock(session, "pg_advisory_lock", key);
            }
            try {
                return work.get();
            } finally {
                lock(session, "pg_advisory_unlock", key);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the database lock of " + key + ": " + e.getMessage(), e);
        }
    }

    /** Calls {@code function} (pg_try_advisory_lock, pg_advisory_lock, pg_advisory_unlock) on the key's hash. */
    private static boolean lock(Connection session, String function, String key) throws SQLException {
        try (PreparedStatement statement = session.prepareStatement(
                "SELECT " + function + "(hashtextextended(?, 0))::text = 'true'")) {
            statement.setString(1, key);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
