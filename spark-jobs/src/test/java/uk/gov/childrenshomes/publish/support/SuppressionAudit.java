package uk.gov.childrenshomes.publish.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An attacker's view of a published table, written independently of the disclosure engine: which LA-level counts
 * in the suppressed range are visible, and which suppressed cells could be recovered by subtracting published
 * cells from a published total along one filter (a line with exactly one unknown cell).
 */
public final class SuppressionAudit {

    private SuppressionAudit() {
    }

    /** LA-level cells of {@code indicator} published as a number from 1 to {@code max}. */
    public static List<String> smallCounts(List<String> header, List<List<String>> rows, String indicator, int max) {
        int level = header.indexOf("geographic_level");
        int column = header.indexOf(indicator);
        List<String> found = new ArrayList<>();
        for (List<String> row : rows) {
            if (row.get(level).equals("Local authority") && row.get(column).matches("\\d+")) {
                long value = Long.parseLong(row.get(column));
                if (value >= 1 && value <= max) {
                    found.add(row.toString());
                }
            }
        }
        return found;
    }

    /**
     * Lines of LA-level cells (same year, LA and every filter but one) holding exactly one suppressed cell: that
     * cell is the line's Total minus the others (or the Total is the sum), so it is recoverable.
     */
    public static List<String> recoverableCells(List<String> header, List<List<String>> rows, List<String> filters,
                                                String indicator) {
        int level = header.indexOf("geographic_level");
        int time = header.indexOf("time_period");
        int la = header.indexOf("new_la_code");
        int column = header.indexOf(indicator);
        List<String> recoverable = new ArrayList<>();
        for (String varying : filters) {
            Map<List<String>, Integer> suppressedPerLine = new HashMap<>();
            for (List<String> row : rows) {
                if (!row.get(level).equals("Local authority")) {
                    continue;
                }
                List<String> line = new ArrayList<>(List.of(row.get(time), row.get(la)));
                for (String filter : filters) {
                    line.add(filter.equals(varying) ? "*" : row.get(header.indexOf(filter)));
                }
                suppressedPerLine.merge(line, row.get(column).equals("c") ? 1 : 0, Integer::sum);
            }
            suppressedPerLine.forEach((line, suppressed) -> {
                if (suppressed == 1) {
                    recoverable.add(line + " varying " + varying);
                }
            });
        }
        return recoverable;
    }
}
