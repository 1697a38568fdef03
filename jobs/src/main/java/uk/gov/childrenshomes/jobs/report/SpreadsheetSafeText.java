package uk.gov.childrenshomes.jobs.report;

/**
 * Neutralises a cell against spreadsheet formula injection (OWASP "CSV injection"): LA workers open validation
 * reports in Excel, and a value an LA sent such as {@code =HYPERLINK(...)} must show as text, never run. A cell
 * starting with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, which spreadsheets read as
 * "this is text" and do not display.
 */
public final class SpreadsheetSafeText {

    private SpreadsheetSafeText() {
    }

    public static String of(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
