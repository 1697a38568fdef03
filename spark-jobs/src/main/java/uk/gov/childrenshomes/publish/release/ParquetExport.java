package uk.gov.childrenshomes.publish.release;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import uk.gov.childrenshomes.publish.ees.EesTable;
import uk.gov.childrenshomes.publish.ees.MetaRow;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The typed copy of a published table for analysts and Spark users, {@code parquet/<table>/<table>.parquet}:
 * time_period as an integer, geography and filters as text (null where the CSV is blank), and each indicator as a
 * number (int64 for 0 dp, decimal(18, dp) otherwise, null where the CSV has a symbol) beside
 * {@code <indicator>_symbol} holding that symbol. Same rows, same order as the CSV.
 *
 * <p>Written with parquet-java straight from the published table rather than through a Spark job: the table is
 * already collected (tens of thousands of rows), the file needs no cluster, and its bytes depend only on the rows
 * (the footer's encoding lists are put in a fixed order, {@link ParquetFooter}).
 */
public final class ParquetExport {

    private static final String NUMBER = "-?\\d+(\\.\\d+)?";

    private ParquetExport() {
    }

    public static void write(EesTable table, Path directory) throws IOException {
        Map<String, MetaRow> indicators = table.meta().stream().filter(m -> MetaRow.INDICATOR.equals(m.colType()))
                .collect(Collectors.toMap(MetaRow::colName, Function.identity()));
        MessageType schema = schema(table, indicators);
        Files.createDirectories(directory);
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        Path file = directory.resolve(table.name() + ".parquet");
        try (ParquetWriter<Group> writer = ExampleParquetWriter
                .builder(new LocalOutputFile(file))
                .withType(schema)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build()) {
            for (List<String> cells : table.rows()) {
                Group group = groups.newGroup();
                for (int i = 0; i < cells.size(); i++) {
                    String column = table.columns().get(i);
                    String cell = cells.get(i);
                    MetaRow indicator = indicators.get(column);
                    if (column.equals(EesTable.TIME_PERIOD)) {
                        group.add(column, Integer.parseInt(cell));
                    } else if (indicator == null) {
                        if (!cell.isEmpty()) {
                            group.add(column, cell);
                        }
                    } else if (cell.matches(NUMBER)) {
                        group.add(column, isWhole(indicator) ? Long.parseLong(cell)
                                : new BigDecimal(cell).setScale(dp(indicator)).unscaledValue().longValueExact());
                    } else {
                        group.add(column + "_symbol", cell);
                    }
                }
                writer.write(group);
            }
        }
        ParquetFooter.sortEncodings(file);
    }

    private static MessageType schema(EesTable table, Map<String, MetaRow> indicators) {
        Types.MessageTypeBuilder schema = Types.buildMessage();
        for (String column : table.columns()) {
            MetaRow indicator = indicators.get(column);
            if (column.equals(EesTable.TIME_PERIOD)) {
                schema.required(PrimitiveTypeName.INT32).named(column);
            } else if (indicator == null) {
                schema.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(column);
            } else {
                if (isWhole(indicator)) {
                    schema.optional(PrimitiveTypeName.INT64).named(column);
                } else {
                    schema.optional(PrimitiveTypeName.INT64)
                            .as(LogicalTypeAnnotation.decimalType(dp(indicator), 18)).named(column);
                }
                schema.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(column + "_symbol");
            }
        }
        return schema.named(table.name());
    }

    private static boolean isWhole(MetaRow indicator) {
        return dp(indicator) == 0;
    }

    private static int dp(MetaRow indicator) {
        return Integer.parseInt(indicator.indicatorDp());
    }
}
