package uk.gov.childrenshomes.generator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated inbox under target/test-inboxes, made once per set of parameters and shared by the tests of a run
 * (generation takes seconds), with readers for its files that do not use the generator's own code.
 */
final class GeneratedInbox {

    private static final Map<String, GeneratedInbox> RUNS = new HashMap<>();

    final Path root;
    final GenerationResult result;

    private GeneratedInbox(Path root, GenerationResult result) {
        this.root = root;
        this.result = result;
    }

    static synchronized GeneratedInbox of(int year, double scale, long seed, double faultRate, String... las) {
        String key = year + "-" + scale + "-" + seed + "-" + faultRate + (las.length == 0 ? "" : "-" + String.join("-", las));
        return RUNS.computeIfAbsent(key, k -> generate(Path.of("target", "test-inboxes", k), year, scale, seed, faultRate, las));
    }

    /** A fresh run into {@code root}, not shared. */
    static GeneratedInbox generate(Path root, int year, double scale, long seed, double faultRate, String... las) {
        GenerationRequest request = new GenerationRequest(root, new CollectionYear(year), scale, seed, faultRate,
                List.of(las));
        return new GeneratedInbox(root, NationalGenerator.generate(request));
    }

    LaReport la(String code) {
        return result.las().stream().filter(r -> r.authority().code().equals(code)).findFirst().orElseThrow();
    }

    List<LaReport> lasWithSsda903(String format) {
        return result.las().stream().filter(r -> r.ssda903Format().equals(format)).toList();
    }

    Path laFile(LaReport la, String relative) {
        return root.resolve(la.authority().code()).resolve(relative);
    }

    /** The one file in an LA's return folder. */
    Path onlyFile(LaReport la, String returnFolder) {
        try (var files = Files.list(root.resolve(la.authority().code()).resolve(returnFolder))) {
            List<Path> all = files.toList();
            if (all.size() != 1) {
                throw new AssertionError(returnFolder + " of " + la.authority().code() + " holds " + all);
            }
            return all.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header line of a CSV file, as written. */
    static String headerLine(Path csv) {
        try (var lines = Files.lines(csv, StandardCharsets.UTF_8)) {
            return lines.findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Data rows of a CSV or XLSX file (first sheet, every cell as text, blank cells as empty strings). */
    static List<String[]> rows(Path file) {
        if (file.toString().endsWith(".xlsx")) {
            List<String[]> all = xlsxRows(file);
            return all.subList(1, all.size());
        }
        return csvRows(file);
    }

    static List<String> header(Path file) {
        return file.toString().endsWith(".xlsx") ? List.of(xlsxRows(file).get(0)) : List.of(headerLine(file).split(",", -1));
    }

    private static List<String[]> csvRows(Path csv) {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(record.values());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String[]> xlsxRows(Path xlsx) {
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            int width = sheet.getRow(0).getLastCellNum();
            List<String[]> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String[] values = new String[width];
                Arrays.fill(values, "");
                for (int c = 0; row != null && c < width; c++) {
                    Cell cell = row.getCell(c);
                    if (cell != null) {
                        values[c] = cell.getStringCellValue();
                    }
                }
                rows.add(values);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
