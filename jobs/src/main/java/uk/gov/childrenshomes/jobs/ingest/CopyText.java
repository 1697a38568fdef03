package uk.gov.childrenshomes.jobs.ingest;

/** Builds the text of a PostgreSQL {@code COPY ... FROM STDIN (FORMAT csv)}: null unquoted, every value quoted. */
final class CopyText {

    private final StringBuilder text = new StringBuilder(1 << 16);
    private int rows;

    CopyText row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            Object value = values[i];
            if (value != null) {
                text.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
            }
        }
        text.append('\n');
        rows++;
        return this;
    }

    boolean isEmpty() {
        return rows == 0;
    }

    java.io.Reader reader() {
        return new java.io.StringReader(text.toString());
    }
}
