package uk.gov.childrenshomes.warehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach the warehouse: a JDBC URL and the credentials of the account that owns the schema.
 * Every component (ingest, publish, bootstrap, tests) receives the warehouse as one of these.
 */
public record WarehouseConnection(String url, String user, String password) {

    public static final String URL_VARIABLE = "WAREHOUSE_URL";
    public static final String USER_VARIABLE = "WAREHOUSE_USER";
    public static final String PASSWORD_VARIABLE = "WAREHOUSE_PASSWORD";

    public WarehouseConnection {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("The warehouse URL must be a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DATABASE), got: " + url);
        }
    }

    /** The warehouse named by WAREHOUSE_URL / WAREHOUSE_USER / WAREHOUSE_PASSWORD, if WAREHOUSE_URL is set. */
    public static Optional<WarehouseConnection> fromEnvironment(Map<String, String> environment) {
        String url = environment.get(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new WarehouseConnection(url.trim(), environment.get(USER_VARIABLE), environment.get(PASSWORD_VARIABLE)));
    }

    public Connection open() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** The same server, another database: used to create per-test databases and to reach the maintenance database. */
    public WarehouseConnection withDatabase(String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        String suffix = query < 0 ? "" : url.substring(query);
        return new WarehouseConnection(url.substring(0, slash + 1) + database + suffix, user, password);
    }

    /** Never print the password: this is what logs and messages show. */
    @Override
    public String toString() {
        return "WarehouseConnection[" + url + " as " + user + "]";
    }
}
