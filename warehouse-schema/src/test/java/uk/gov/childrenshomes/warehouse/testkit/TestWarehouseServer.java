package uk.gov.childrenshomes.warehouse.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import uk.gov.childrenshomes.warehouse.EmbeddedWarehouseServer;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;
import uk.gov.childrenshomes.warehouse.WarehouseMigrator;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one PostgreSQL server of a test JVM, chosen once: {@code WAREHOUSE_TEST_URL} if set (with
 * {@code WAREHOUSE_TEST_USER}/{@code WAREHOUSE_TEST_PASSWORD}; the account must be able to create databases),
 * else Testcontainers when a Docker engine answers, else the embedded PostgreSQL binaries. There is no fourth
 * choice: if none works, the test fails. The schema is migrated once into a template database and every
 * test class gets a fresh copy of it.
 */
final class TestWarehouseServer {

    private static final String TEMPLATE = "datapack_test_template";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestWarehouseServer instance;

    private final WarehouseConnection maintenance;
    private final String description;

    private TestWarehouseServer(WarehouseConnection maintenance, String description) {
        this.maintenance = maintenance;
        this.description = description;
    }

    static synchronized TestWarehouseServer get() {
        if (instance == null) {
            instance = start(System.getenv());
            instance.createTemplate();
            System.out.println("[warehouse-testkit] PostgreSQL for tests: " + instance.description);
        }
        return instance;
    }

    private static TestWarehouseServer start(Map<String, String> environment) {
        String url = environment.get("WAREHOUSE_TEST_URL");
        if (url != null && !url.isBlank()) {
            WarehouseConnection given = new WarehouseConnection(url.trim(),
                    environment.get("WAREHOUSE_TEST_USER"), environment.get("WAREHOUSE_TEST_PASSWORD"));
            return new TestWarehouseServer(given, "server given by WAREHOUSE_TEST_URL " + given.url());
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new TestWarehouseServer(new WarehouseConnection(container.getJdbcUrl(), container.getUsername(),
                    container.getPassword()), "Testcontainers " + container.getDockerImageName());
        }
        EmbeddedWarehouseServer embedded = EmbeddedWarehouseServer.ephemeral();
        WarehouseConnection connection = embedded.start();
        return new TestWarehouseServer(connection, "embedded PostgreSQL binaries on port " + embedded.port()
                + " (no WAREHOUSE_TEST_URL, no Docker engine)");
    }

    private void createTemplate() {
        execute("DROP DATABASE IF EXISTS " + TEMPLATE);
        execute("CREATE DATABASE " + TEMPLATE);
        WarehouseMigrator.migrate(maintenance.withDatabase(TEMPLATE));
    }

    /** A new database holding the fully migrated warehouse, for one test class. */
    WarehouseConnection newWarehouse(String purpose) {
        String name = "datapack_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        execute("COMMENT ON DATABASE " + name + " IS '" + purpose.replace("'", "''") + "'");
        return maintenance.withDatabase(name);
    }

    void dropWarehouse(WarehouseConnection warehouse) {
        String url = warehouse.url();
        String name = url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void execute(String sql) {
        try (Connection connection = maintenance.open(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test warehouse (" + description + ") refused: " + sql + ": " + e.getMessage(), e);
        }
    }
}
