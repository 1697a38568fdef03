package uk.gov.childrenshomes.publish.tables;

import java.util.ArrayList;
import java.util.List;

/**
 * A filter of a published table: its EES column, label and hint, its levels in publication order (empty when the
 * levels are data, as in a table with an {@link TableDefinition.Grid#OBSERVED} grid) and the filter that groups its
 * levels in EES (filter_grouping_column; empty for none). Every filter also has the {@link #TOTAL} level (EES
 * requires one), published first.
 */
public record Filter(String column, String label, String hint, List<String> levels, String groupingColumn) {

    public static final String TOTAL = "Total";

    public Filter {
        levels = List.copyOf(levels);
        groupingColumn = groupingColumn == null ? "" : groupingColumn;
        if (levels.contains(TOTAL)) {
            throw new IllegalArgumentException("Total is added to every filter; do not list it: " + column);
        }
    }

    public Filter(String column, String label, String hint, List<String> levels) {
        this(column, label, hint, levels, "");
    }

    /** Total first, then the levels in the order given. */
    public List<String> levelsWithTotal() {
        List<String> all = new ArrayList<>(levels.size() + 1);
        all.add(TOTAL);
        all.addAll(levels);
        return all;
    }
}
