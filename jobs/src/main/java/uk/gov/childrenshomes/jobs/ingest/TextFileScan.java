package uk.gov.childrenshomes.jobs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One streaming pass over a CSV file before it is parsed, in bounded memory (one 64 KB block at a time):
 * <ul>
 * <li>whether it is valid UTF-8, so that a Windows-1252 file (Excel's "CSV" rather than "CSV UTF-8") is reported as
 * such instead of loading mangled names and codes;</li>
 * <li>whether it is text at all: binary data (a workbook, zip or image renamed {@code .csv}, UTF-16 text) has NUL
 * bytes near its start, which UTF-8 or Windows-1252 text has only as a stray character in a value: binary is NUL
 * bytes in the first block with invalid UTF-8, or NUL bytes making up more than a tenth of that block;</li>
 * <li>whether one record (a line, or several where a quoted value holds line breaks) is longer than the limit,
 * because the CSV parser holds a whole record in memory: a 1 GB line would exhaust the heap.</li>
 * </ul>
 * Records are followed as the RFC 4180 parser reads them, byte by byte: a quote opens a quoted value only at the
 * start of a field, and only a line break outside quotes ends a record. The bytes that matter ({@code " , CR LF})
 * never occur inside a UTF-8 multi-byte character, so this holds for UTF-8 and Windows-1252 alike.
 */
final class TextFileScan {

    private static final int BLOCK = 1 << 16;
    /**
     * NUL bytes in more than 1 in this many bytes of the first block make even a valid UTF-8 file binary (zeroed
     * blocks, UTF-16 without a byte-order mark: every other byte); fewer are stray characters of values (DP018).
     */
    private static final int NUL_SHARE_OF_BINARY = 10;

    /**
     * @param tooLongRecordLine the line on which the first record longer than the limit starts, or 0 if none is;
     *                          the scan stops there, so {@code utf8} then says only that the part read was UTF-8
     */
    record Result(boolean utf8, boolean binary, long tooLongRecordLine) {
    }

    // RFC 4180 reading states; ints rather than an enum keep the per-byte loop as fast as the UTF-8 check.
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    private TextFileScan() {
    }

    static Result scan(Path file, long maximumRecordBytes) throws IOException {
        Utf8Check utf8 = new Utf8Check();
        byte[] block = new byte[BLOCK];
        long firstBlockNuls = -1;
        int firstBlockLength = 0;
        int state = FIELD_START;
        long blockStart = 0;
        long recordStart = 0;
        long line = 1;
        long recordLine = 1;
        boolean previousBlockEndedInCr = false;
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.readNBytes(block, 0, BLOCK)) > 0) {
                if (firstBlockNuls < 0) {
                    firstBlockNuls = 0;
                    firstBlockLength = read;
                    for (int i = 0; i < read; i++) {
                        if (block[i] == 0) {
                            firstBlockNuls++;
                        }
                    }
                }
                for (int i = 0; i < read; i++) {
                    byte b = block[i];
                    if (b > ',' || b < 0) {
                        // Most bytes: letters, digits, '/', ':' and every byte of a multi-byte character.
                        if (state != QUOTED) {
                            state = UNQUOTED;
                        }
                    } else if (b == '"') {
                        state = state == FIELD_START || state == QUOTE_IN_QUOTED ? QUOTED : state == QUOTED ? QUOTE_IN_QUOTED : UNQUOTED;
                    } else if (b == ',') {
                        if (state != QUOTED) {
                            state = FIELD_START;
                        }
                    } else if (b == '\n' || b == '\r') {
                        boolean lfOfCrLf = b == '\n' && (i > 0 ? block[i - 1] == '\r' : previousBlockEndedInCr);
                        if (!lfOfCrLf) {
                            line++;
                        }
                        if (state != QUOTED) {
                            if (blockStart + i - recordStart > maximumRecordBytes) {
                                return tooLong(utf8, block, i, firstBlockNuls, firstBlockLength, recordLine);
                            }
                            state = FIELD_START;
                            recordStart = blockStart + i + 1;
                            recordLine = line;
                        }
                    } else if (state != QUOTED) {
                        state = UNQUOTED;
                    }
                }
                if (blockStart + read - recordStart > maximumRecordBytes) {
                    return tooLong(utf8, block, read, firstBlockNuls, firstBlockLength, recordLine);
                }
                previousBlockEndedInCr = block[read - 1] == '\r';
                blockStart += read;
                utf8.feed(block, read, false);
            }
            utf8.feed(block, 0, true);
            return new Result(utf8.valid, binary(firstBlockNuls, firstBlockLength, utf8.valid), 0);
        }
    }

    /** The scan stops at a record past the limit: what was read of the file says whether it is UTF-8 or binary. */
    private static Result tooLong(Utf8Check utf8, byte[] block, int read, long firstBlockNuls, int firstBlockLength, long recordLine) {
        utf8.feed(block, read, false);
        return new Result(utf8.valid, binary(firstBlockNuls, firstBlockLength, utf8.valid), recordLine);
    }

    private static boolean binary(long nuls, int length, boolean utf8) {
        return nuls > 0 && (!utf8 || nuls * NUL_SHARE_OF_BINARY > length);
    }

    /** Strict UTF-8 decoding of the blocks in turn; a character cut by a block's end is completed by the next. */
    private static final class Utf8Check {

        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        /** Room for a block and the up to 3 bytes of a character the last block cut. */
        private final ByteBuffer bytes = ByteBuffer.allocate(BLOCK + 4);
        /** UTF-8 never decodes to more chars than it has bytes. */
        private final CharBuffer chars = CharBuffer.allocate(BLOCK + 4);
        private boolean valid = true;

        void feed(byte[] block, int length, boolean end) {
            if (!valid) {
                return;
            }
            bytes.put(block, 0, length).flip();
            valid = !decoder.decode(bytes, chars, end).isError() && !(end && bytes.hasRemaining());
            chars.clear();
            bytes.compact();
        }
    }
}
