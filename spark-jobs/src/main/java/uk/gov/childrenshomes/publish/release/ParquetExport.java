package uk.gov.childrenshomes.publish.release;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.gov.childrenshomes.publish.ees.EesTable;
import uk.gov.childrenshomes.publish.ees.MetaRow;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The typed copy of a published table for analysts and Spark users: time_period as an integer, geography and
 * filters as text (null where the CSV is blank), and each indicator as a number (long for 0 dp, decimal
 * otherwise) beside {@code <indicator>_symbol} holding the EES symbol where the CSV has one. Same rows, same order.
 */
public final class ParquetExport {

    private ParquetExport() {
    }

    public static void write(SparkSession spark, EesTable table, Path directory) {
        Map<String, MetaRow> indicators = table.meta().stream().filter(m -> MetaRow.INDICATOR.equals(m.colType()))
                .collect(Collectors.toMap(MetaRow::colName, Function.identity()));
        StructType schema = new StructType();
        for (String column : table.columns()) {
            MetaRow indicator = indicators.get(column);
            if (column.equals(EesTable.TIME_PERIOD)) {
                schema = schema.add(column, DataTypes.IntegerType, false);
            } else if (indicator == null) {
                schema = schema.add(column, DataTypes.StringType, true);
            } else {
                schema = schema.add(column, numberType(indicator), true).add(column + "_symbol", DataTypes.StringType, true);
            }
        }
        List<Row> rows = new ArrayList<>(table.rows().size());
        for (List<String> cells : table.rows()) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                String column = table.columns().get(i);
                String cell = cells.get(i);
                MetaRow indicator = indicators.get(column);
                if (column.equals(EesTable.TIME_PERIOD)) {
                    values.add(Integer.parseInt(cell));
                } else if (indicator == null) {
                    values.add(cell.isEmpty() ? null : cell);
                } else {
                    boolean number = cell.matches("-?\\d+(\\.\\d+)?");
                    values.add(!number ? null : isWhole(indicator) ? (Object) Long.parseLong(cell)
                            : new BigDecimal(cell).setScale(Integer.parseInt(indicator.indicatorDp())));
                    values.add(number ? null : cell);
                }
            }
            rows.add(RowFactory.create(values.toArray()));
        }
        spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.ErrorIfExists)
                .parquet(directory.toUri().toString());
    }

    private static boolean isWhole(MetaRow indicator) {
        return "0".equals(indicator.indicatorDp());
    }

    private static DataType numberType(MetaRow indicator) {
        return isWhole(indicator) ? DataTypes.LongType
                : DataTypes.createDecimalType(18, Integer.parseInt(indicator.indicatorDp()));
    }
}
