package uk.gov.childrenshomes.publish.warehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * How to reach the warehouse, from WAREHOUSE_URL / WAREHOUSE_USER / WAREHOUSE_PASSWORD (the ./datapack contract).
 * Kept here rather than borrowed from warehouse-schema so that the Spark classpath does not carry Flyway and the
 * embedded PostgreSQL binaries.
 */
public record Warehouse(String url, String user, String password) {

    public Warehouse {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("WAREHOUSE_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DATABASE), got: " + url);
        }
    }

    /** The warehouse named by the environment; a clear message when WAREHOUSE_URL is unset. */
    public static Warehouse fromEnvironment(Map<String, String> environment) {
        String url = environment.get("WAREHOUSE_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("WAREHOUSE_URL is not set: export WAREHOUSE_URL, WAREHOUSE_USER and"
                    + " WAREHOUSE_PASSWORD, or run through ./datapack publish, which starts the warehouse");
        }
        return new Warehouse(url.trim(), environment.get("WAREHOUSE_USER"), environment.get("WAREHOUSE_PASSWORD"));
    }

    public Connection open() throws SQLException {
        return DriverManager.getConnection(url, jdbcProperties());
    }

    /** Connection properties, for plain JDBC and for Spark's JDBC source. */
    public Properties jdbcProperties() {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("driver", "org.postgresql.Driver");
        // Batched inserts (the pub load) go as multi-row statements: several times fewer round trips.
        properties.setProperty("reWriteBatchedInserts", "true");
        return properties;
    }

    /** Never print the password. */
    @Override
    public String toString() {
        return url + " as " + user;
    }
}
