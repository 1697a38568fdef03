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
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.percentile;
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

    /** Column of a finest cell: how many units it holds. */
    private static final String UNITS = "units";

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
     * Every cell in two steps: the units are first aggregated to their finest cells (year, region, reporting LA and
     * every filter; for a median also its value, so each finest cell holds a histogram of the values), then those
     * are rolled up over grouping sets: per year, England (region and LA rolled up), each region (LA rolled up) and
     * each reporting LA, times every subset of the filters (a rolled-up filter is its Total). Counts and sums add
     * up and histograms merge exactly, so the expansion into grouping sets runs over the finest cells, not over
     * every unit. Units with no reporting LA (an LA split between successors) or no region count only in the
     * wider areas.
     */
    public static Dataset<Row> aggregate(Dataset<Row> units, TableDefinition table) {
        List<String> filters = table.filterColumns();
        Dataset<Row> cells = rollUp(finestCells(units, table), filters, rolledUpMeasures(table));
        List<Indicator> distinctCounts = table.tallies().stream().filter(Aggregation::isDistinct).toList();
        if (distinctCounts.isEmpty()) {
            return cells;
        }
        List<String> cellKey = new ArrayList<>(List.of(TIME_PERIOD, LEVEL, AREA));
        cellKey.addAll(filters);
        return cells.join(rollUp(units, filters, distinctCountsOf(distinctCounts)),
                CollectionConverters.asScala(cellKey).toList());
    }

    /**
     * The units aggregated to their finest cells: one row per year, region, reporting LA, combination of filter
     * levels and (for a median) value of the median's measure, with each count and sum over those units and
     * {@value #UNITS} (how many units hold that value, the weight of the value in the median).
     */
    static Dataset<Row> finestCells(Dataset<Row> units, TableDefinition table) {
        List<String> key = finestKey(table);
        table.medians().forEach(median -> key.add(median.measure()));
        List<Column> aggregates = new ArrayList<>();
        aggregates.add(count(lit(1)).as(UNITS));
        for (Indicator indicator : table.tallies()) {
            if (!isDistinct(indicator)) {
                Column measured = col(indicator.measure() == null ? table.unitColumn() : indicator.measure());
                Column counted = indicator.condition() == null ? measured : when(col(indicator.condition()), measured);
                aggregates.add((indicator.kind() == Indicator.Kind.SUM ? sum(counted) : count(counted)).as(indicator.column()));
            }
        }
        return units.groupBy(columns(key))
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
    }

    /**
     * The aggregate over the finest cells of each count, sum and median, in table order, medians followed by their
     * basis (how many values). Spark's exact percentile weighted by {@value #UNITS} is its median of the units: the
     * session should let it stay hash-based for thousands of cells per task
     * ({@code spark.sql.objectHashAggregate.sortBased.fallbackThreshold}, set by PublishCli).
     */
    private static Map<String, Column> rolledUpMeasures(TableDefinition table) {
        Map<String, Column> measures = new LinkedHashMap<>();
        for (Indicator indicator : table.tallies()) {
            if (!isDistinct(indicator)) {
                measures.put(indicator.column(), total(col(indicator.column())));
            }
        }
        for (Indicator indicator : table.medians()) {
            Column value = col(indicator.measure());
            measures.put(indicator.column(), percentile(value, lit(0.5), col(UNITS)));
            measures.put(indicator.column() + BASIS_SUFFIX, total(when(value.isNotNull(), col(UNITS))));
        }
        return measures;
    }

    /**
     * Distinct counts go in an aggregation of their own over the units: a distinct value is not additive, so it
     * cannot be pre-aggregated into the finest cells, and beside them Spark would group every other aggregate by
     * cell and distinct value.
     */
    private static Map<String, Column> distinctCountsOf(List<Indicator> distinctCounts) {
        Map<String, Column> measures = new LinkedHashMap<>();
        for (Indicator indicator : distinctCounts) {
            Column measured = col(indicator.measure());
            measures.put(indicator.column(),
                    countDistinct(indicator.condition() == null ? measured : when(col(indicator.condition()), measured)));
        }
        return measures;
    }

    /** Year, region, reporting LA and the filters: the key of a finest cell. */
    private static List<String> finestKey(TableDefinition table) {
        List<String> key = new ArrayList<>(List.of(TIME_PERIOD, REGION, REPORTING_LA));
        key.addAll(table.filterColumns());
        return key;
    }

    /** The sum of a count or sum over the finest cells of a cell, 0 when there is none to add. */
    private static Column total(Column partial) {
        return coalesce(sum(partial), lit(0L)).cast(DataTypes.LongType);
    }

    /** {@code measures} of every cell by one aggregation of {@code rows} (units or finest cells) over the grouping sets below. */
    private static Dataset<Row> rollUp(Dataset<Row> rows, List<String> filters, Map<String, Column> measures) {
        List<String> groupingColumns = new ArrayList<>(List.of(TIME_PERIOD, REGION, REPORTING_LA));
        groupingColumns.addAll(filters);
        List<Column> aggregates = new ArrayList<>();
        groupingColumns.subList(1, groupingColumns.size())
                .forEach(column -> aggregates.add(grouping(col(column)).as(ROLLED_UP + column)));
        measures.forEach((name, measure) -> aggregates.add(measure.as(name)));

        Dataset<Row> aggregated = rows.groupingSets(groupingSets(filters), columns(groupingColumns))
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
