package uk.gov.childrenshomes.generator.output;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One CSV file of a return: UTF-8 without byte-order mark, comma, CRLF-free LF line ends, a header row, RFC 4180
 * quoting only where a field needs it. Rows are written as they come (nothing is held) and counted, so callers can
 * record per-file row counts and row numbers (1 = first data row).
 */
public final class CsvTable implements AutoCloseable {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private final Path path;
    private final CSVPrinter printer;
    private long rows;

    public CsvTable(Path path, List<String> header) {
        this.path = path;
        try {
            Files.createDirectories(path.getParent());
            BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            printer = new CSVPrinter(writer, FORMAT);
            printer.printRecord(header);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    public void write(String... fields) {
        try {
            printer.printRecord((Object[]) fields);
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /** Data rows written so far. */
    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            printer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }
}
