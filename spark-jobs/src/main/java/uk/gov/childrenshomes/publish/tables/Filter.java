package uk.gov.childrenshomes.publish.tables;

import java.util.ArrayList;
import java.util.List;

/**
 * A filter of a published table: its EES column, label and hint, and its levels in publication order. Every filter
 * also has the {@link #TOTAL} level (EES requires one), published first.
 */
public record Filter(String column, String label, String hint, List<String> levels) {

    public static final String TOTAL = "Total";

    public Filter {
        levels = List.copyOf(levels);
        if (levels.contains(TOTAL)) {
            throw new IllegalArgumentException("Total is added to every filter; do not list it: " + column);
        }
    }

    /** Total first, then the levels in the order given. */
    public List<String> levelsWithTotal() {
        List<String> all = new ArrayList<>(levels.size() + 1);
        all.add(TOTAL);
        all.addAll(levels);
        return all;
    }
}
