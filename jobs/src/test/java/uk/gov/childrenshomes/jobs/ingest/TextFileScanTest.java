package uk.gov.childrenshomes.jobs.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The pre-parse scan behind rules DP001 (not UTF-8), DP019 (binary, not text) and DP076 (record too long). */
class TextFileScanTest {

    private static final long LIMIT = 20;

    @TempDir
    Path folder;

    @Test
    void utf8TextIsUtf8AndWindows1252IsNot() throws IOException {
        assertThat(scan("NAME\nChéri\n".getBytes(StandardCharsets.UTF_8)).utf8()).isTrue();
        assertThat(scan("NAME\nChéri\n".getBytes(Charset.forName("windows-1252"))).utf8()).isFalse();
    }

    @Test
    void aCharacterCutByTheEndOfTheFirstBlockIsStillUtf8() throws IOException {
        // 65,535 ASCII bytes, then a two-byte character across the 64 KB block boundary.
        byte[] text = ("x".repeat((1 << 16) - 1) + "é\n").getBytes(StandardCharsets.UTF_8);
        assertThat(TextFileScan.scan(write(text), 1 << 20).utf8()).isTrue();
    }

    @Test
    void randomBytesAZeroedFileAndUtf16TextAreBinary() throws IOException {
        byte[] random = new byte[10_000];
        new Random(7).nextBytes(random);
        assertThat(TextFileScan.scan(write(random), 1 << 20).binary()).isTrue();
        assertThat(TextFileScan.scan(write(new byte[5_000]), 1 << 20).binary()).isTrue();
        assertThat(scan("A,B\n1,2\n".getBytes(StandardCharsets.UTF_16LE)).binary()).isTrue();
    }

    @Test
    void oneNulCharacterInUtf8TextIsAValueProblemNotABinaryFile() throws IOException {
        TextFileScan.Result result = scan("NAME,NOTE\nM1,a\u0000b\nM2,c\n".getBytes(StandardCharsets.UTF_8));
        assertThat(result.binary()).isFalse();
        assertThat(result.utf8()).isTrue();
    }

    @Test
    void aRecordLongerThanTheLimitIsFoundWithTheLineItStartsOn() throws IOException {
        assertThat(scan("A,B\n1,2\n".getBytes(StandardCharsets.US_ASCII)).tooLongRecordLine()).isZero();
        assertThat(scan(("A,B\r\n1,2\r\n" + "x".repeat(21) + "\r\n").getBytes(StandardCharsets.US_ASCII)).tooLongRecordLine())
                .isEqualTo(3);
        assertThat(scan(("A,B\r1,2\r" + "x".repeat(21)).getBytes(StandardCharsets.US_ASCII)).tooLongRecordLine()).isEqualTo(3);
    }

    @Test
    void lineBreaksInsideAQuotedValueBelongToOneRecord() throws IOException {
        String quoted = "A,B\n1,\"one\ntwo\nthree\nfour\nfive\"\n";
        assertThat(scan(quoted.getBytes(StandardCharsets.US_ASCII)).tooLongRecordLine()).isEqualTo(2);
        String escapedQuotes = "A,B\n1,\"a\"\"b\"\nshort,line\n";
        assertThat(scan(escapedQuotes.getBytes(StandardCharsets.US_ASCII)).tooLongRecordLine()).isZero();
    }

    @Test
    void aQuoteInsideAnUnquotedValueOpensNothing() throws IOException {
        // As the RFC 4180 parser reads it: 5'10" is a literal value, so each line stays its own short record.
        String text = "H,V\n1,5'10\"\n" + "2,ok\n".repeat(10);
        assertThat(scan(text.getBytes(StandardCharsets.US_ASCII)).tooLongRecordLine()).isZero();
    }

    @Test
    void anUnclosedQuoteMakesTheRestOfTheFileOneRecord() throws IOException {
        String text = "H,V\n1,\"never closed\n" + "2,ok\n".repeat(10);
        assertThat(scan(text.getBytes(StandardCharsets.US_ASCII)).tooLongRecordLine()).isEqualTo(2);
    }

    private TextFileScan.Result scan(byte[] content) throws IOException {
        return TextFileScan.scan(write(content), LIMIT);
    }

    private Path write(byte[] content) throws IOException {
        return Files.write(Files.createTempFile(folder, "scan", ".csv"), content);
    }
}
