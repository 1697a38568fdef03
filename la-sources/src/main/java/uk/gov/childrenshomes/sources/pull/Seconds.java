package uk.gov.childrenshomes.sources.pull;

import java.time.Duration;
import java.util.Locale;

/** Durations as reports and failure reasons show them: seconds with one decimal, e.g. {@code 0.3 s}. */
public final class Seconds {

    private Seconds() {
    }

    public static String of(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
