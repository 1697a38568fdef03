package uk.gov.childrenshomes.publish.release;

import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;

/**
 * Makes a Parquet file's footer depend only on its content. parquet-java lists the encodings of each column chunk
 * from a HashSet of enum constants, whose order follows identity hash codes and so changes from one JVM to the
 * next; the footer is rewritten with every such list in the order of the format's encoding numbers. Readers do not
 * depend on that order (it is a set in the format).
 */
final class ParquetFooter {

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    /** Footer length (int32, little-endian) and the magic number close every Parquet file. */
    private static final int TAIL = Integer.BYTES + MAGIC.length;

    private ParquetFooter() {
    }

    static void sortEncodings(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer tail = read(channel, channel.size() - TAIL, TAIL).order(ByteOrder.LITTLE_ENDIAN);
            int length = tail.getInt();
            long start = channel.size() - TAIL - length;
            ByteBuffer footer = read(channel, start, length);
            FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(footer.array()));
            for (RowGroup group : metadata.getRow_groups()) {
                for (ColumnChunk chunk : group.getColumns()) {
                    chunk.getMeta_data().getEncodings().sort(Comparator.comparingInt(Encoding::getValue));
                }
            }
            ByteArrayOutputStream rewritten = new ByteArrayOutputStream(length);
            Util.writeFileMetaData(metadata, rewritten);
            ByteBuffer end = ByteBuffer.allocate(rewritten.size() + TAIL).order(ByteOrder.LITTLE_ENDIAN)
                    .put(rewritten.toByteArray()).putInt(rewritten.size()).put(MAGIC).flip();
            channel.truncate(start);
            channel.position(start);
            while (end.hasRemaining()) {
                channel.write(end);
            }
        }
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("Unexpected end of the Parquet file");
            }
        }
        return buffer.flip();
    }
}
