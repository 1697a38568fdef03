package uk.gov.childrenshomes.jobs.ingest;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The first sheet of an XLSX workbook as a table: row 1 the header, then one record per non-empty row. Date cells
 * become the text forms of the specifications ({@code dd/mm/yyyy}, with {@code HH:mm} when the cell has a time),
 * every other cell its displayed text, so CSV and XLSX files go through the same validation.
 */
final class XlsxTableRecords implements TableRecords {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final Workbook workbook;
    private final Iterator<Row> rows;
    private final DataFormatter formatter = new DataFormatter();
    private final List<String> header;

    private XlsxTableRecords(Workbook workbook) {
        this.workbook = workbook;
        Sheet sheet = workbook.getSheetAt(0);
        this.rows = sheet.iterator();
        List<String> first = nextNonEmpty();
        this.header = first == null ? null : trimTrailingBlanks(first);
    }

    static XlsxTableRecords open(Path file) throws IOException {
        return new XlsxTableRecords(WorkbookFactory.create(file.toFile(), null, true));
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public List<String> next() {
        List<String> cells = nextNonEmpty();
        if (cells == null) {
            return null;
        }
        // Cells beyond the header are padding Excel keeps; the CSV path would see them as a field-count error.
        return cells.size() > header.size() ? cells.subList(0, header.size()) : cells;
    }

    private List<String> nextNonEmpty() {
        while (rows.hasNext()) {
            Row row = rows.next();
            List<String> cells = new ArrayList<>();
            boolean any = false;
            int width = Math.max(row.getLastCellNum(), header == null ? 0 : header.size());
            for (int c = 0; c < width; c++) {
                String text = text(row.getCell(c));
                any |= !text.isBlank();
                cells.add(text);
            }
            if (any) {
                return cells;
            }
        }
        return null;
    }

    private String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            LocalDateTime value = cell.getLocalDateTimeCellValue();
            return value.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? value.format(DATE) : value.format(DATE_TIME);
        }
        return formatter.formatCellValue(cell);
    }

    private static List<String> trimTrailingBlanks(List<String> cells) {
        int end = cells.size();
        while (end > 0 && cells.get(end - 1).isBlank()) {
            end--;
        }
        return new ArrayList<>(cells.subList(0, end));
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
