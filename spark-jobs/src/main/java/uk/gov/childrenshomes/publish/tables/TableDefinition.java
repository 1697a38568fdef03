package uk.gov.childrenshomes.publish.tables;

import java.util.List;
import java.util.Optional;

/**
 * What one published table is: its file name, the return whose accepted submissions it is built from (an LA
 * without one is 'x'), the column identifying a unit (child, incident) so that a unit is counted once per row,
 * its filters and its indicators. Every table of the pack is an instance; one engine aggregates, suppresses,
 * checks and writes them all.
 */
public record TableDefinition(String name, String title, String returnCode, String unitColumn,
                              List<Filter> filters, List<Indicator> indicators) {

    public TableDefinition {
        filters = List.copyOf(filters);
        indicators = List.copyOf(indicators);
    }

    public List<String> filterColumns() {
        return filters.stream().map(Filter::column).toList();
    }

    public List<Indicator> counts() {
        return indicators.stream().filter(i -> i.kind() == Indicator.Kind.COUNT).toList();
    }

    public List<Indicator> medians() {
        return indicators.stream().filter(i -> i.kind() == Indicator.Kind.MEDIAN).toList();
    }

    public Optional<Indicator> indicator(String column) {
        return indicators.stream().filter(i -> i.column().equals(column)).findFirst();
    }

    public int filterIndex(String column) {
        int index = filterColumns().indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException(name + " has no filter " + column);
        }
        return index;
    }
}
