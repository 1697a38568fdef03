package uk.gov.childrenshomes.publish.ees;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes (and reads back) the CSV of a release: UTF-8 without BOM, comma separated, LF line ends, RFC 4180
 * quoting. Written by hand from the collected table, so the bytes depend only on the rows: no timestamps, no
 * partition files, no locale. A text cell a spreadsheet would run as a formula (starting = + - @, tab or carriage
 * return) is neutralised with a leading apostrophe; numbers, including negative ones, are left as numbers.
 */
public final class EesCsv {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private EesCsv() {
    }

    public static byte[] data(EesTable table) {
        return write(table.columns(), table.rows());
    }

    public static byte[] meta(EesTable table) {
        return write(MetaRow.HEADER, table.meta().stream().map(MetaRow::cells).toList());
    }

    public static byte[] write(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        appendLine(out, header);
        rows.forEach(row -> appendLine(out, row));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendLine(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(neutralised(cells.get(i))));
        }
        out.append('\n');
    }

    /** A cell as it must appear so that no spreadsheet evaluates it. */
    public static String neutralised(String cell) {
        if (cell.isEmpty() || NUMBER.matcher(cell).matches()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    private static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    /** Parses CSV written by {@link #write} (header included): used to compare a release with its predecessor. */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
