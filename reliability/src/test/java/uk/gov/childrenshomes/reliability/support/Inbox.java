package uk.gov.childrenshomes.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An inbox folder laid out as docs/architecture.md says ({@code <inbox>/<la>/<return>/<file>}), filled by the
 * generator with realistic returns and then, by the tests, with what hostile or careless senders put there.
 */
public final class Inbox {

    /** The generator's returns of this LA are the templates hostile files are made from. */
    public static final String TEMPLATE_LA = "E06000001";

    private final Path root;

    private Inbox(Path root) {
        this.root = root;
    }

    /** Generated returns of {@code laCodes} (and the national reference data) at {@code scale}. */
    public static Inbox generated(Pipeline pipeline, Path root, double scale, List<String> laCodes) {
        ChildProcess.Result generated = pipeline.generate(root, scale, laCodes);
        assertEquals(0, generated.exitCode(), generated::describe);
        return new Inbox(root);
    }

    /** A new, empty inbox. */
    public static Inbox empty(Path root) {
        try {
            return new Inbox(Files.createDirectories(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public Path folder(String laCode, String returnCode) {
        return root.resolve(laCode).resolve(returnCode);
    }

    public Path write(String laCode, String returnCode, String fileName, byte[] content) {
        try {
            Path file = Files.createDirectories(folder(laCode, returnCode)).resolve(fileName);
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path write(String laCode, String returnCode, String fileName, String content) {
        return write(laCode, returnCode, fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The generated missing-episodes return of {@link #TEMPLATE_LA}, as if {@code laCode} had sent it. */
    public String missingReturnAs(String laCode) {
        return read(folder(TEMPLATE_LA, "missing").resolve(TEMPLATE_LA + "_missing_" + Pipeline.YEAR + ".csv"))
                .replace(TEMPLATE_LA, laCode);
    }

    /** The same, as lines without their line breaks (the header first). */
    public List<String> missingReturnLinesAs(String laCode) {
        return new ArrayList<>(missingReturnAs(laCode).lines().toList());
    }

    /** Writes a missing-episodes return of {@code laCode} from its lines (header first); returns the LA code. */
    public String writeMissing(String laCode, List<String> lines) {
        write(laCode, "missing", missingFileName(laCode), String.join("\n", lines) + "\n");
        return laCode;
    }

    /** A CSV line of the generator with field {@code column} replaced (it quotes nothing: commas split it exactly). */
    public static String withValue(String line, int column, String value) {
        String[] fields = line.split(",", -1);
        fields[column] = value;
        return String.join(",", fields);
    }

    /** {@code value} as one RFC 4180 field, whatever it holds. */
    public static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    public static String missingFileName(String laCode) {
        return laCode + "_missing_" + Pipeline.YEAR + ".csv";
    }

    /** Data rows of the CSV files of one return as generated (one record a line: generated files quote no newlines). */
    public long dataRows(String laCode, String returnCode) {
        try (Stream<Path> files = Files.list(folder(laCode, returnCode))) {
            return files.filter(file -> file.toString().endsWith(".csv"))
                    .mapToLong(file -> read(file).lines().filter(line -> !line.isBlank()).count() - 1).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The validation report the ingest wrote for the LA's return. */
    public Path validationReport(String laCode, String returnCode) {
        return root.resolve(laCode).resolve("outbox").resolve(returnCode).resolve("validation-report.csv");
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
