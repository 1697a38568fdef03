package uk.gov.childrenshomes.publish.ees;

import java.util.List;

/** One row of an EES {@code .meta.csv}: how a filter or indicator column of the data file is presented. */
public record MetaRow(String colName, String colType, String label, String indicatorGrouping, String indicatorUnit,
                      String indicatorDp, String filterHint, String filterGroupingColumn) {

    public static final List<String> HEADER = List.of("col_name", "col_type", "label", "indicator_grouping",
            "indicator_unit", "indicator_dp", "filter_hint", "filter_grouping_column");
    public static final String FILTER = "Filter";
    public static final String INDICATOR = "Indicator";

    public List<String> cells() {
        return List.of(colName, colType, label, indicatorGrouping, indicatorUnit, indicatorDp, filterHint,
                filterGroupingColumn);
    }
}
