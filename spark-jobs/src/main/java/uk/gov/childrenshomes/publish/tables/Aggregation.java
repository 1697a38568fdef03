package uk.gov.childrenshomes.publish.tables;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The Spark half of every table: from a unit frame (one row per child or incident, with the LA of its year, its
 * filter levels and measures) to aggregated cells (one row per year, geography and combination of filter levels,
 * Totals included), before any rounding or suppression. Each step is a pure Dataset-to-Dataset transformation.
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

    private Aggregation() {
    }

    /** The cells of {@code table}: the composition of the steps below. */
    public static Dataset<Row> cells(Dataset<Row> units, Dataset<Row> laMappings, TableDefinition table) {
        return aggregate(withFilterTotals(withGeographies(toReportingGeography(units, laMappings)), table.filterColumns()),
                table);
    }

    /**
     * Adds the LA each unit is reported under and its region, from the mapping frame
     * ({@value #TIME_PERIOD}, {@value #SOURCE_LA}, {@value #REPORTING_LA} null when split, {@value #REGION}).
     */
    public static Dataset<Row> toReportingGeography(Dataset<Row> units, Dataset<Row> laMappings) {
        return units.join(laMappings, units.col(TIME_PERIOD).equalTo(laMappings.col(TIME_PERIOD))
                        .and(units.col(SOURCE_LA).equalTo(laMappings.col(SOURCE_LA))), "left")
                .drop(laMappings.col(TIME_PERIOD)).drop(laMappings.col(SOURCE_LA));
    }

    /** One copy of each unit per geography it counts in: England, its region, and its reporting LA when it has one. */
    public static Dataset<Row> withGeographies(Dataset<Row> units) {
        Column geographies = array(
                struct(lit(GeographicLevel.NATIONAL.label()).as(LEVEL), lit(GeographicLevel.ENGLAND_CODE).as(AREA)),
                struct(lit(GeographicLevel.REGIONAL.label()).as(LEVEL), col(REGION).as(AREA)),
                struct(lit(GeographicLevel.LOCAL_AUTHORITY.label()).as(LEVEL), col(REPORTING_LA).as(AREA)));
        return units.withColumn("geography", explode(geographies))
                .withColumn(LEVEL, col("geography." + LEVEL))
                .withColumn(AREA, col("geography." + AREA))
                .drop("geography")
                .where(col(AREA).isNotNull());
    }

    /** One copy of each unit per combination of its own filter levels and Total: 2^n copies for n filters. */
    public static Dataset<Row> withFilterTotals(Dataset<Row> units, List<String> filterColumns) {
        Dataset<Row> result = units;
        for (String filter : filterColumns) {
            result = result.withColumn(filter, explode(array(col(filter), lit(Filter.TOTAL))));
        }
        return result;
    }

    /** Counts of distinct units (or of a measure), sums, and exact medians with the number of values behind each, per cell. */
    public static Dataset<Row> aggregate(Dataset<Row> units, TableDefinition table) {
        List<Column> keys = new ArrayList<>(List.of(col(TIME_PERIOD), col(LEVEL), col(AREA)));
        table.filterColumns().forEach(filter -> keys.add(col(filter)));
        List<Column> measures = new ArrayList<>();
        for (Indicator indicator : table.tallies()) {
            Column measured = col(indicator.measure() == null ? table.unitColumn() : indicator.measure());
            Column counted = indicator.condition() == null ? measured : when(col(indicator.condition()), measured);
            measures.add((indicator.kind() == Indicator.Kind.SUM
                    ? coalesce(sum(counted), lit(0L)).cast(DataTypes.LongType)
                    : countDistinct(counted)).as(indicator.column()));
        }
        for (Indicator indicator : table.medians()) {
            measures.add(median(col(indicator.measure())).as(indicator.column()));
            measures.add(count(col(indicator.measure())).as(indicator.column() + BASIS_SUFFIX));
        }
        return units.groupBy(keys.toArray(Column[]::new))
                .agg(measures.get(0), measures.subList(1, measures.size()).toArray(Column[]::new));
    }
}
