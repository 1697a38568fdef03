package uk.gov.childrenshomes.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code ./datapack warehouse ...}: start, migrate, describe and stop the warehouse.
 *
 * <p>With {@code WAREHOUSE_URL} set the warehouse is that server and only migrations are applied; otherwise an
 * embedded PostgreSQL under {@code ./.datapack/warehouse} is started (and left running for analysts).
 * {@code up --print-env} prints {@code export} lines for the launcher on standard output; everything meant
 * for people goes to standard error.
 */
public final class WarehouseCli {

    private static final String USAGE = """
            Usage: ./datapack warehouse <command> [--home DIR] [--port N]

            Commands:
              up                     start the warehouse if needed and bring its schema up to date
              info                   print the JDBC URL and a ready psql command
              stop                   stop the embedded warehouse (no effect on a server given by WAREHOUSE_URL)
              dictionary --out FILE  bring the schema up to date and write the data dictionary (Markdown) generated
                                     from the catalogue's comments, e.g. --out docs/data-dictionary.md

            The warehouse is the server named by WAREHOUSE_URL (with WAREHOUSE_USER, WAREHOUSE_PASSWORD);
            when WAREHOUSE_URL is unset, an embedded PostgreSQL whose data persists in --home
            (default ./.datapack/warehouse) on --port (or DATAPACK_WAREHOUSE_PORT; default: the port the home recorded
            when it was created, 54329 if that was free, else a free one).
            """;

    public static void main(String[] args) {
        try {
            System.exit(run(Arrays.asList(args), System.getenv()));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("Run './datapack warehouse --help' for usage.");
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    static int run(List<String> args, Map<String, String> environment) {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            System.err.print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        String command = args.get(0);
        Path home = Path.of(option(args, "--home", environment.getOrDefault("DATAPACK_HOME", ".datapack") + "/warehouse"));
        String portOption = option(args, "--port", environment.getOrDefault("DATAPACK_WAREHOUSE_PORT", ""));
        int port = portOption.isEmpty() ? EmbeddedWarehouseServer.portOf(home) : Integer.parseInt(portOption);
        var external = WarehouseConnection.fromEnvironment(environment);
        EmbeddedWarehouseServer embedded = EmbeddedWarehouseServer.persistent(home, port);
        switch (command) {
            case "up" -> {
                WarehouseConnection warehouse = external.orElseGet(embedded::start);
                var result = WarehouseMigrator.migrate(warehouse);
                System.err.printf("Warehouse schema at version %s (%d migration(s) applied now).%n",
                        result.targetSchemaVersion == null ? "current" : result.targetSchemaVersion, result.migrationsExecuted);
                if (args.contains("--print-env")) {
                    System.out.println("export WAREHOUSE_URL=" + shellQuote(warehouse.url()));
                    System.out.println("export WAREHOUSE_USER=" + shellQuote(warehouse.user()));
                    System.out.println("export WAREHOUSE_PASSWORD=" + shellQuote(warehouse.password() == null ? "" : warehouse.password()));
                } else {
                    describe(warehouse, external.isEmpty() ? embedded : null);
                }
            }
            case "dictionary" -> {
                Path out = Path.of(option(args, "--out", null));
                WarehouseConnection warehouse = external.orElseGet(embedded::start);
                WarehouseMigrator.migrate(warehouse);
                writeDictionary(warehouse, out);
                System.err.println("Data dictionary written to " + out);
            }
            case "info" -> describe(external.orElseGet(embedded::start), external.isEmpty() ? embedded : null);
            case "stop" -> {
                if (external.isPresent()) {
                    System.err.println("WAREHOUSE_URL is set: that server is not ours to stop.");
                } else {
                    embedded.stop();
                    System.err.println("Embedded warehouse in " + embedded.home() + " stopped.");
                }
            }
            default -> throw new IllegalArgumentException("unknown command '" + command + "'");
        }
        return 0;
    }

    static void writeDictionary(WarehouseConnection warehouse, Path out) {
        try (Connection connection = warehouse.open()) {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(out, DataDictionary.generate(connection), StandardCharsets.UTF_8);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the warehouse catalogue: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private static void describe(WarehouseConnection warehouse, EmbeddedWarehouseServer embedded) {
        System.err.println("Warehouse JDBC URL: " + warehouse.url() + " (user " + warehouse.user() + ")");
        if (embedded != null) {
            System.err.printf("Connect with psql:  PGPASSFILE=%s psql -h localhost -p %d -U %s %s%n",
                    embedded.pgpassFile(), embedded.port(), warehouse.user(), EmbeddedWarehouseServer.DATABASE);
            System.err.println("The embedded server keeps running for queries; stop it with: ./datapack warehouse stop");
        }
    }

    private static String option(List<String> args, String name, String fallback) {
        int index = args.indexOf(name);
        if (index < 0) {
            if (fallback == null) {
                throw new IllegalArgumentException(name + " is required");
            }
            return fallback;
        }
        if (index + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args.get(index + 1);
    }

    private static String shellQuote(String value) {
        return "'" + value.replace("'", "'\"'\"'") + "'";
    }
}
