package uk.gov.childrenshomes.publish.tables;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.grouping;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The Spark half of every table: from a unit frame (one row per child, home, placement or incident, with the LA of
 * its year, its filter levels and measures) to aggregated cells (one row per year, geography and combination of
 * filter levels, Totals included), before any rounding or suppression. Each step is a pure Dataset-to-Dataset
 * transformation.
 *
 * <p>Unit frame columns: {@value #TIME_PERIOD} (int), {@value #SOURCE_LA} (LA code as operating in that year), the
 * table's unit column, its filter columns (never null: "Not known" is a level) and its indicator sources.
 */
public final class Aggregation {

    public static final String TIME_PERIOD = "time_period";
    public static final String SOURCE_LA = "source_la_code";
    public static final String REPORTING_LA = "reporting_la_code";
    public static final String REGION = "region_code";
    public static final String LEVEL = "geographic_level";
    public static final String AREA = "area_code";
    /** Suffix of the column holding how many values a median was taken over. */
    public static final String BASIS_SUFFIX = "_basis";

    /** Prefix of the columns saying whether a grouping column was rolled up (1) in a cell; not in the result. */
    private static final String ROLLED_UP = "rolled_up_";

    private Aggregation() {
    }

    /** The cells of {@code table}: the composition of the steps below. */
    public static Dataset<Row> cells(Dataset<Row> units, Dataset<Row> laMappings, TableDefinition table) {
        return aggregate(toReportingGeography(units, laMappings), table);
    }

    /**
     * Adds the LA each unit is reported under and its region, from the mapping frame
     * ({@value #TIME_PERIOD}, {@value #SOURCE_LA}, {@value #REPORTING_LA} null when split, {@value #REGION}).
     * The mapping has a few hundred rows, so it is broadcast rather than shuffled with the units.
     */
    public static Dataset<Row> toReportingGeography(Dataset<Row> units, Dataset<Row> laMappings) {
        return units.join(broadcast(laMappings), units.col(TIME_PERIOD).equalTo(laMappings.col(TIME_PERIOD))
                        .and(units.col(SOURCE_LA).equalTo(laMappings.col(SOURCE_LA))), "left")
                .drop(laMappings.col(TIME_PERIOD)).drop(laMappings.col(SOURCE_LA));
    }

    /**
     * Every cell in one aggregation over grouping sets: per year, England (region and LA rolled up), each region (LA
     * rolled up) and each reporting LA, times every subset of the filters (a rolled-up filter is its Total). Units
     * with no reporting LA (an LA split between successors) or no region count only in the wider areas. Spark
     * expands each unit into its cells and aggregates within each task before shuffling, so only cells cross the
     * shuffle, never copies of units.
     */
    public static Dataset<Row> aggregate(Dataset<Row> units, TableDefinition table) {
        Map<String, Column> measures = measures(table);
        Map<String, Column> distinct = new LinkedHashMap<>();
        table.tallies().stream().filter(Aggregation::isDistinct)
                .forEach(indicator -> distinct.put(indicator.column(), measures.remove(indicator.column())));
        Dataset<Row> cells = rollUp(units, table.filterColumns(), measures);
        if (distinct.isEmpty()) {
            return cells;
        }
        List<String> cellKey = new ArrayList<>(List.of(TIME_PERIOD, LEVEL, AREA));
        cellKey.addAll(table.filterColumns());
        return cells.join(rollUp(units, table.filterColumns(), distinct), CollectionConverters.asScala(cellKey).toList());
    }

    /**
     * {@code measures} of every cell by one aggregation over the grouping sets below. Distinct counts go in an
     * aggregation of their own: beside them Spark would group every other aggregate by cell and distinct value,
     * millions of groups, and the median's buffers would then fall back to sorting.
     */
    private static Dataset<Row> rollUp(Dataset<Row> units, List<String> filters, Map<String, Column> measures) {
        List<String> groupingColumns = new ArrayList<>(List.of(TIME_PERIOD, REGION, REPORTING_LA));
        groupingColumns.addAll(filters);
        List<Column> aggregates = new ArrayList<>();
        groupingColumns.subList(1, groupingColumns.size())
                .forEach(column -> aggregates.add(grouping(col(column)).as(ROLLED_UP + column)));
        measures.forEach((name, measure) -> aggregates.add(measure.as(name)));

        Dataset<Row> aggregated = units.groupingSets(groupingSets(filters), columns(groupingColumns))
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
                .where(not(present(REGION).and(col(REGION).isNull()))
                        .and(not(present(REPORTING_LA).and(col(REPORTING_LA).isNull()))));

        Column level = when(present(REPORTING_LA), lit(GeographicLevel.LOCAL_AUTHORITY.label()))
                .when(present(REGION), lit(GeographicLevel.REGIONAL.label()))
                .otherwise(lit(GeographicLevel.NATIONAL.label()));
        Column area = when(present(REPORTING_LA), col(REPORTING_LA))
                .when(present(REGION), col(REGION))
                .otherwise(lit(GeographicLevel.ENGLAND_CODE));
        List<Column> cell = new ArrayList<>(List.of(col(TIME_PERIOD), level.as(LEVEL), area.as(AREA)));
        filters.forEach(filter -> cell.add(when(present(filter), col(filter)).otherwise(lit(Filter.TOTAL)).as(filter)));
        measures.keySet().forEach(name -> cell.add(col(name)));
        return aggregated.select(cell.toArray(Column[]::new));
    }

    /** Per year: England, regions and LAs, each with every subset of the filters (2^n for n filters). */
    private static scala.collection.immutable.Seq<scala.collection.immutable.Seq<Column>> groupingSets(List<String> filters) {
        List<List<String>> filterSubsets = new ArrayList<>(List.of(List.of()));
        for (String filter : filters) {
            for (List<String> subset : List.copyOf(filterSubsets)) {
                List<String> with = new ArrayList<>(subset);
                with.add(filter);
                filterSubsets.add(with);
            }
        }
        List<scala.collection.immutable.Seq<Column>> sets = new ArrayList<>();
        for (List<String> geography : List.of(List.<String>of(), List.of(REGION), List.of(REGION, REPORTING_LA))) {
            for (List<String> subset : filterSubsets) {
                List<String> set = new ArrayList<>(List.of(TIME_PERIOD));
                set.addAll(geography);
                set.addAll(subset);
                sets.add(CollectionConverters.asScala(List.of(columns(set))).toList());
            }
        }
        return CollectionConverters.asScala(sets).toList();
    }

    /**
     * The aggregate of each indicator column, in table order, medians followed by their basis. A unit count counts
     * rows: the unit frame has one row per unit (the warehouse facts' primary keys), so no distinct count is needed;
     * a count of another measure (children among incidents, councils) counts its distinct values. Spark's exact
     * median keeps a map of value counts per cell: the session should let it stay hash-based for thousands of
     * cells per task ({@code spark.sql.objectHashAggregate.sortBased.fallbackThreshold}, set by PublishCli) rather
     * than fall back to sorting every expanded row.
     */
    private static Map<String, Column> measures(TableDefinition table) {
        Map<String, Column> measures = new LinkedHashMap<>();
        for (Indicator indicator : table.tallies()) {
            Column measured = col(indicator.measure() == null ? table.unitColumn() : indicator.measure());
            Column counted = indicator.condition() == null ? measured : when(col(indicator.condition()), measured);
            measures.put(indicator.column(), indicator.kind() == Indicator.Kind.SUM
                    ? coalesce(sum(counted), lit(0L)).cast(DataTypes.LongType)
                    : isDistinct(indicator) ? countDistinct(counted) : count(counted));
        }
        for (Indicator indicator : table.medians()) {
            measures.put(indicator.column(), median(col(indicator.measure())));
            measures.put(indicator.column() + BASIS_SUFFIX, count(col(indicator.measure())));
        }
        return measures;
    }

    /** A count of a measure other than the unit (children among incidents, councils): of its distinct values. */
    private static boolean isDistinct(Indicator indicator) {
        return indicator.kind() == Indicator.Kind.COUNT && indicator.measure() != null;
    }

    /** Whether {@code column} is one of the grouping columns of the cell (not rolled up). */
    private static Column present(String column) {
        return col(ROLLED_UP + column).equalTo(lit(0));
    }

    private static Column[] columns(List<String> names) {
        return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }
}
