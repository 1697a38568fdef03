package uk.gov.childrenshomes.bench;

import uk.gov.childrenshomes.warehouse.EmbeddedWarehouseServer;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.WarehouseMigrator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The fresh, migrated warehouse one scale runs against, started before the stages so that no stage pays for
 * {@code initdb} or migrations: an embedded PostgreSQL of its own (its own DATAPACK_HOME and port, the durable
 * settings the CLI uses), or a new database on the server of WAREHOUSE_URL. Gives the environment the
 * {@code ./datapack} commands need to use it.
 */
final class ScaleWarehouse implements AutoCloseable {

    private final WarehouseConnection connection;
    private final Map<String, String> environment;
    private final EmbeddedWarehouseServer embedded;
    private final String description;

    private ScaleWarehouse(WarehouseConnection connection, Map<String, String> environment,
                           EmbeddedWarehouseServer embedded, String description) {
        this.connection = connection;
        this.environment = Map.copyOf(environment);
        this.embedded = embedded;
        this.description = description;
    }

    /**
     * @param home     DATAPACK_HOME of the scale (the embedded warehouse lives in its {@code warehouse} folder)
     * @param server   the server of WAREHOUSE_URL, if one is given
     * @param database the database to create afresh on that server
     */
    static ScaleWarehouse start(Path home, Optional<WarehouseConnection> server, String database) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DATAPACK_HOME", home.toAbsolutePath().toString());
        if (server.isPresent()) {
            WarehouseConnection fresh = recreate(server.get(), database);
            WarehouseMigrator.migrate(fresh);
            environment.put(WarehouseConnection.URL_VARIABLE, fresh.url());
            environment.put(WarehouseConnection.USER_VARIABLE, fresh.user() == null ? "" : fresh.user());
            environment.put(WarehouseConnection.PASSWORD_VARIABLE, fresh.password() == null ? "" : fresh.password());
            return new ScaleWarehouse(fresh, environment, null, "database " + database + " on the server of WAREHOUSE_URL");
        }
        int port = freePort();
        EmbeddedWarehouseServer embedded = EmbeddedWarehouseServer.persistent(home.resolve("warehouse"), port);
        WarehouseConnection started = embedded.start();
        WarehouseMigrator.migrate(started);
        environment.put("DATAPACK_WAREHOUSE_PORT", Integer.toString(port));
        // an inherited WAREHOUSE_URL would send the commands elsewhere; the launcher treats empty as unset
        environment.put(WarehouseConnection.URL_VARIABLE, "");
        return new ScaleWarehouse(started, environment, embedded, "embedded PostgreSQL in " + embedded.home() + " on port " + port);
    }

    /** Stops an embedded warehouse an interrupted earlier run left running in {@code home}, before its folder is deleted. */
    static void stopLeftover(Path home) {
        EmbeddedWarehouseServer leftover = EmbeddedWarehouseServer.persistent(home.resolve("warehouse"), EmbeddedWarehouseServer.DEFAULT_PORT);
        if (leftover.isRunning()) {
            leftover.stop();
        }
    }

    WarehouseConnection connection() {
        return connection;
    }

    /** Variables for the {@code ./datapack} commands of this scale. */
    Map<String, String> environment() {
        return environment;
    }

    String description() {
        return description;
    }

    /** The embedded server's postmaster (the stages' database CPU is read below it); empty for a server given by URL. */
    OptionalLong serverProcessId() {
        if (embedded == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(
                    Files.readAllLines(embedded.home().resolve("data").resolve("postmaster.pid")).get(0).strip()));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Stops the embedded server (its data stays in the scale's folder); a database on a given server is kept. */
    @Override
    public void close() {
        if (embedded != null) {
            embedded.stop();
        }
    }

    private static WarehouseConnection recreate(WarehouseConnection server, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain lower-case database name: " + database);
        }
        try (Connection connection = server.open(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("The bench needs a fresh database per scale on the server of WAREHOUSE_URL, and the"
                    + " account " + server.user() + " may not create one (" + e.getMessage() + "). Grant CREATEDB or unset"
                    + " WAREHOUSE_URL to use an embedded warehouse.", e);
        }
        return server.withDatabase(database);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the scale's embedded warehouse", e);
        }
    }
}
