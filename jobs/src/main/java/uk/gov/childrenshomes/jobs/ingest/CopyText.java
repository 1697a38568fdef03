package uk.gov.childrenshomes.jobs.ingest;

import java.io.Reader;
import java.io.StringReader;

/**
 * Builds the text of a PostgreSQL {@code COPY ... FROM STDIN (FORMAT csv)}: a null is an unquoted empty field, a
 * value is written as it is unless it holds a comma, quote or line break, which CSV quoting then protects. Values
 * are never empty strings (blank means null throughout ingest), so an unquoted value cannot be mistaken for null.
 */
final class CopyText {

    private final StringBuilder text = new StringBuilder(1 << 16);
    private int rows;

    /** Appends a landing row: its lineage (submission, the LA's row number) and then its values. */
    CopyText row(long submissionId, long rowNumber, Object[] values) {
        text.append(submissionId).append(',').append(rowNumber);
        for (Object value : values) {
            text.append(',');
            append(value);
        }
        return endRow();
    }

    /** Appends a row of values. */
    CopyText row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            append(values[i]);
        }
        return endRow();
    }

    private CopyText endRow() {
        text.append('\n');
        rows++;
        return this;
    }

    private void append(Object value) {
        if (value == null) {
            return;
        }
        String string = value.toString();
        if (needsQuotes(string)) {
            text.append('"').append(string.replace("\"", "\"\"")).append('"');
        } else {
            text.append(string);
        }
    }

    private static boolean needsQuotes(String value) {
        if (value.isEmpty()) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return rows == 0;
    }

    Reader reader() {
        return new StringReader(text.toString());
    }
}
