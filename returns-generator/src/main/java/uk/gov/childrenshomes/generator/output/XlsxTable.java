package uk.gov.childrenshomes.generator.output;

import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A one-sheet XLSX file: the header in row 1, data as text cells from row 2, written through POI's streaming
 * workbook so a large LA's file never sits in memory. Rewritten afterwards with fixed zip entry times and a fixed
 * creation date so the same rows always give the same bytes.
 */
public final class XlsxTable {

    private XlsxTable() {
    }

    /** Writes {@code rows} under {@code header}; {@code asOf} is the document's recorded creation date. */
    public static void write(Path path, String sheetName, List<String> header, List<String[]> rows, LocalDate asOf) {
        Date created = Date.from(asOf.atStartOfDay().toInstant(ZoneOffset.UTC));
        try {
            Files.createDirectories(path.getParent());
            Path raw = path.resolveSibling(path.getFileName() + ".tmp");
            try (SXSSFWorkbook workbook = new SXSSFWorkbook(500);
                 OutputStream out = Files.newOutputStream(raw)) {
                workbook.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(Optional.of(created));
                SXSSFSheet sheet = workbook.createSheet(sheetName);
                write(sheet.createRow(0), header.toArray(String[]::new));
                for (int i = 0; i < rows.size(); i++) {
                    write(sheet.createRow(i + 1), rows.get(i));
                }
                workbook.write(out);
            }
            normaliseZip(raw, path, asOf.atStartOfDay());
            Files.delete(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    private static void write(Row row, String[] values) {
        for (int c = 0; c < values.length; c++) {
            if (!values[c].isEmpty()) {
                row.createCell(c).setCellValue(values[c]);
            }
        }
    }

    /**
     * Copies the zip entry by entry with one fixed timestamp: POI stamps entries with the time of writing. Read
     * through the central directory, as POI's streamed entries carry their sizes only in data descriptors.
     */
    private static void normaliseZip(Path from, Path to, LocalDateTime time) throws IOException {
        try (ZipFile in = new ZipFile(from.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(time); // DOS time, no time zone: the same bytes on every machine
                out.putNextEntry(copy);
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }
}
