package uk.gov.childrenshomes.jobs.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/** A CSV file (RFC 4180, comma separated, CRLF or LF, optional UTF-8 byte-order mark), streamed. */
final class CsvTableRecords implements TableRecords {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;

    CsvTableRecords(Path file, Charset charset) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        skipByteOrderMark(in);
        Reader reader = new InputStreamReader(in, charset);
        this.parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(reader);
        this.records = parser.iterator();
        this.header = records.hasNext() ? records.next().toList() : null;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public List<String> next() throws IOException {
        try {
            return records.hasNext() ? records.next().toList() : null;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static void skipByteOrderMark(InputStream in) throws IOException {
        in.mark(3);
        byte[] start = in.readNBytes(3);
        if (!(start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
    }
}
