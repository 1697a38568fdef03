package uk.gov.childrenshomes.publish.ees;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EesCsvTest {

    @Test
    void quotesCellsWithCommasAndQuotesAndEndsLinesWithLf() {
        byte[] csv = EesCsv.write(List.of("a", "b"), List.of(List.of("Children's homes (K1, K2)", "say \"hi\"")));
        assertEquals("a,b\n\"Children's homes (K1, K2)\",\"say \"\"hi\"\"\"\n", new String(csv, StandardCharsets.UTF_8));
    }

    @Test
    void neutralisesTextThatASpreadsheetWouldRunButLeavesNumbers() {
        assertEquals("'=HYPERLINK(\"x\")", EesCsv.neutralised("=HYPERLINK(\"x\")"));
        assertEquals("'+1+2", EesCsv.neutralised("+1+2"));
        assertEquals("'@SUM(A1)", EesCsv.neutralised("@SUM(A1)"));
        assertEquals("'-cmd", EesCsv.neutralised("-cmd"));
        assertEquals("-1", EesCsv.neutralised("-1"));
        assertEquals("-12.5", EesCsv.neutralised("-12.5"));
        assertEquals("Total", EesCsv.neutralised("Total"));
    }

    @Test
    void readsBackWhatItWrites() {
        List<List<String>> rows = List.of(List.of("x", "Children's homes (K1, K2)", ""), List.of("2", "a \"b\"", "c"));
        List<List<String>> parsed = EesCsv.parse(new String(EesCsv.write(List.of("h1", "h2", "h3"), rows), StandardCharsets.UTF_8));
        assertEquals(List.of("h1", "h2", "h3"), parsed.get(0));
        assertEquals(rows, parsed.subList(1, parsed.size()));
    }
}
