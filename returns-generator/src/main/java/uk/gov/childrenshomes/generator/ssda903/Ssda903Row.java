package uk.gov.childrenshomes.generator.ssda903;

import java.util.Arrays;

/**
 * A row of one SSDA903 table as written: field texts in the table's column order, CHILD first in every table.
 */
public record Ssda903Row(Ssda903Table table, String... fields) {

    public Ssda903Row {
        if (fields.length != table.columns().size()) {
            throw new IllegalArgumentException(table + " has " + table.columns().size() + " columns, got " + fields.length);
        }
    }

    public String child() {
        return fields[0];
    }

    public String get(String column) {
        return fields[table.column(column)];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ssda903Row row && row.table == table && Arrays.equals(row.fields, fields);
    }

    @Override
    public int hashCode() {
        return table.hashCode() * 31 + Arrays.hashCode(fields);
    }

    @Override
    public String toString() {
        return table + Arrays.toString(fields);
    }
}
