package uk.gov.childrenshomes.publish.tables;

import java.util.List;
import java.util.Optional;

/**
 * What one published table is: its file name, the return whose accepted submissions it is built from (an LA
 * without one is 'x'), the column identifying a unit (child, incident, home) so that a unit is counted once per
 * row, its filters, its indicators and the shape of its grid. Every table of the pack is an instance; one engine
 * aggregates, suppresses, checks and writes them all.
 *
 * @param grid {@link Grid#COMPLETE}: every combination of filter levels for every area (absent cells are zeros);
 *             {@link Grid#OBSERVED}: the all-Total row of every area plus the combinations that occur, for filters
 *             whose levels are data (e.g. the host LA of a flow), where a complete grid would be mostly zeros
 */
public record TableDefinition(String name, String title, String returnCode, String unitColumn,
                              List<Filter> filters, List<Indicator> indicators, Grid grid) {

    public enum Grid { COMPLETE, OBSERVED }

    public TableDefinition {
        filters = List.copyOf(filters);
        indicators = List.copyOf(indicators);
    }

    public List<String> filterColumns() {
        return filters.stream().map(Filter::column).toList();
    }

    /** Counts and sums: the whole-number indicators aggregated from the units. */
    public List<Indicator> tallies() {
        return indicators.stream().filter(Indicator::isTally).toList();
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
