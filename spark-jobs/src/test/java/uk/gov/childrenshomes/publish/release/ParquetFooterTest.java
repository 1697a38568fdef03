package uk.gov.childrenshomes.publish.release;

import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.childrenshomes.publish.ees.EesTable;
import uk.gov.childrenshomes.publish.ees.MetaRow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A Parquet file's footer lists each column chunk's encodings in one order whatever order parquet-java chose. */
class ParquetFooterTest {

    @TempDir
    Path folder;

    @Test
    void theExportedFileIsTheSameWhateverOrderItsEncodingsWereListedIn() throws Exception {
        EesTable table = new EesTable("t", List.of("time_period", "geographic_level", "children", "percent"),
                List.of(List.of("2025", "National", "70", "12.5"), List.of("2025", "Regional", "c", "c"),
                        List.of("2024", "National", "x", "x")),
                List.of(new MetaRow("children", MetaRow.INDICATOR, "Children", "", "", "0", "", ""),
                        new MetaRow("percent", MetaRow.INDICATOR, "Percent", "", "%", "1", "", "")));
        ParquetExport.write(table, folder);
        Path file = folder.resolve("t.parquet");
        byte[] exported = Files.readAllBytes(file);

        Files.write(file, withEncodingsReversed(exported));
        assertFalse(Arrays.equals(exported, Files.readAllBytes(file)), "some column chunk lists several encodings");
        ParquetFooter.sortEncodings(file);

        assertArrayEquals(exported, Files.readAllBytes(file));
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            assertEquals(3, reader.getRecordCount());
        }
    }

    /** The file with its footer rewritten, every column chunk's list of encodings reversed. */
    private static byte[] withEncodingsReversed(byte[] file) throws Exception {
        int length = ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int start = file.length - 8 - length;
        FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(file, start, length));
        for (RowGroup group : metadata.getRow_groups()) {
            for (ColumnChunk chunk : group.getColumns()) {
                Collections.reverse(chunk.getMeta_data().getEncodings());
            }
        }
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
        rewritten.write(file, 0, start);
        ByteArrayOutputStream footer = new ByteArrayOutputStream();
        Util.writeFileMetaData(metadata, footer);
        footer.writeTo(rewritten);
        rewritten.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.size()).array());
        rewritten.write(new byte[]{'P', 'A', 'R', '1'});
        return rewritten.toByteArray();
    }
}
