package uk.gov.childrenshomes.sources.testing;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.gov.childrenshomes.sources.registry.RegistryException;
import uk.gov.childrenshomes.sources.registry.SourceEntry;
import uk.gov.childrenshomes.sources.registry.SourceRegistry;

/** Registry entries for tests, written as registry text (so tests read like the README) with short timeouts. */
public final class TestSources {

    /**
     * Short enough for a test run of seconds, long enough for a loaded CI machine's loopback. Tests of timeouts set
     * their own, shorter read-timeout.
     */
    public static final String FAST_TIMING = """
            connect-timeout=2s
            read-timeout=2s
            max-attempts=3
            initial-backoff=10ms
            max-backoff=40ms
            """;

    private TestSources() {
    }

    /** The single entry of {@code la.return} given by {@code settings} lines over {@link #FAST_TIMING}. */
    public static <T extends SourceEntry> T entry(String laDotReturn, Path baseDir, String settings) {
        return parse(registryText(laDotReturn, settings), baseDir);
    }

    /** Registry lines for one entry: {@code settings} over {@link #FAST_TIMING}, each prefixed with the entry. */
    public static String registryText(String laDotReturn, String settings) {
        Map<String, String> merged = new LinkedHashMap<>();
        (FAST_TIMING + settings).lines().filter(line -> !line.isBlank())
                .forEach(line -> merged.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        StringBuilder text = new StringBuilder();
        merged.forEach((setting, value) -> text.append(laDotReturn).append('.').append(setting).append('=')
                .append(value).append('\n'));
        return text.toString();
    }

    private static <T extends SourceEntry> T parse(String text, Path baseDir) {
        try {
            @SuppressWarnings("unchecked")
            T entry = (T) SourceRegistry.parse(new StringReader(text), baseDir, "test").entries().get(0);
            return entry;
        } catch (IOException | RegistryException e) {
            throw new IllegalStateException(e);
        }
    }
}
