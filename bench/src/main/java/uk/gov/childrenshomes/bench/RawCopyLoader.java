package uk.gov.childrenshomes.bench;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import uk.gov.childrenshomes.bench.BenchRun.CopyBaseline;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The physical floor of loading an inbox: every CSV file of every LA and of the national folder COPYed as it is into
 * an UNLOGGED table of text columns (no parsing into types, no validation, no WAL, no indexes), over as many
 * connections as the machine has cores. Files of one kind with the same number of columns share a table. Files
 * COPY cannot read (XML, XLSX) are counted, not loaded. Files at the inbox root (the generator's own report and
 * fault list) are not returns and are ignored.
 */
public final class RawCopyLoader {

    private final WarehouseConnection warehouse;
    private final String schema;
    private final int connections;

    /**
     * @param schema      a schema of the warehouse the loader may create, fill and drop; it must not exist yet
     * @param connections parallel COPY streams (one file at a time each)
     */
    public RawCopyLoader(WarehouseConnection warehouse, String schema, int connections) {
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain lower-case schema name: " + schema);
        }
        this.warehouse = warehouse;
        this.schema = schema;
        this.connections = connections;
    }

    private record CsvFile(Path path, long bytes, String table) {
    }

    /** Creates the schema and its tables, then times the COPY of every CSV file. The tables are left for inspection. */
    public CopyBaseline load(Path inbox) {
        List<Path> returns = returnFiles(inbox);
        Map<String, Integer> tableColumns = new LinkedHashMap<>();
        List<CsvFile> csvFiles = new ArrayList<>();
        int otherFiles = 0;
        long otherBytes = 0;
        for (Path file : returns) {
            long bytes = size(file);
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                int columns = headerColumns(file);
                String table = tableName(inbox.relativize(file), columns);
                tableColumns.put(table, columns);
                csvFiles.add(new CsvFile(file, bytes, table));
            } else {
                otherFiles++;
                otherBytes += bytes;
            }
        }
        createTables(tableColumns);
        // largest first, so that the last file to finish is a small one and the streams end together
        csvFiles.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
        long started = System.nanoTime();
        long rows = copyAll(csvFiles);
        double seconds = (System.nanoTime() - started) / 1e9;
        long csvBytes = csvFiles.stream().mapToLong(CsvFile::bytes).sum();
        return new CopyBaseline(csvFiles.size(), rows, csvBytes, seconds, connections, otherFiles, otherBytes);
    }

    /** Drops the schema and everything the loader put in it. */
    public void drop() {
        execute(List.of("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
    }

    private static List<Path> returnFiles(Path inbox) {
        try (Stream<Path> paths = Files.walk(inbox)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> path.getParent() != null && !path.getParent().equals(inbox))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the inbox " + inbox, e);
        }
    }

    /**
     * One table per kind of file: the folder it is in and its name without LA code or year
     * ({@code E06000001/missing/E06000001_missing_2025.csv} → {@code missing_missing_c21}), and the column count.
     */
    static String tableName(Path relative, int columns) {
        Path folder = relative.getParent();
        String folderName = folder == null ? "" : folder.getFileName().toString() + "_";
        String name = relative.getFileName().toString().toLowerCase(Locale.ROOT)
                .replaceFirst("\\.csv$", "")
                .replaceAll("e\\d{8}_?", "")
                .replaceAll("_?\\d{4}$", "");
        return (folderName + name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_c" + columns;
    }

    private static int headerColumns(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.parse(reader)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw new IllegalStateException("Empty CSV file (no header): " + file);
            }
            return records.next().size();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the header of " + file, e);
        }
    }

    private void createTables(Map<String, Integer> tableColumns) {
        List<String> statements = new ArrayList<>();
        statements.add("CREATE SCHEMA " + schema);
        tableColumns.forEach((table, columns) -> {
            List<String> definitions = new ArrayList<>();
            for (int column = 1; column <= columns; column++) {
                definitions.add("c" + column + " text");
            }
            statements.add("CREATE UNLOGGED TABLE " + schema + "." + table + " (" + String.join(", ", definitions) + ")");
        });
        execute(statements);
    }

    private long copyAll(List<CsvFile> files) {
        ConcurrentLinkedQueue<CsvFile> queue = new ConcurrentLinkedQueue<>(files);
        AtomicLong rows = new AtomicLong();
        ExecutorService streams = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int stream = 0; stream < connections; stream++) {
                running.add(streams.submit(() -> {
                    try (Connection connection = warehouse.open()) {
                        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                        for (CsvFile file = queue.poll(); file != null; file = queue.poll()) {
                            rows.addAndGet(copyFile(copy, file));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> stream : running) {
                stream.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during the COPY baseline", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("COPY baseline failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            streams.shutdownNow();
        }
        return rows.get();
    }

    private long copyFile(CopyManager copy, CsvFile file) throws SQLException, IOException {
        try (InputStream in = Files.newInputStream(file.path())) {
            return copy.copyIn("COPY " + schema + "." + file.table() + " FROM STDIN (FORMAT csv, HEADER true, ENCODING 'UTF8')", in);
        } catch (SQLException e) {
            throw new SQLException("COPY of " + file.path() + " failed: " + e.getMessage(), e);
        }
    }

    private void execute(List<String> statements) {
        try (Connection connection = warehouse.open(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("COPY baseline: " + e.getMessage(), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of " + file, e);
        }
    }
}
