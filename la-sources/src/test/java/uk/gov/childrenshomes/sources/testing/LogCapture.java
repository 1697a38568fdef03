package uk.gov.childrenshomes.sources.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Everything logged (slf4j-simple writes to the current System.err) while it is open. */
public final class LogCapture implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    public LogCapture() {
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    public String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setErr(original);
        System.err.print(text());
    }
}
