package uk.gov.childrenshomes.bench;

import java.math.BigDecimal;
import java.util.Locale;

/** How figures read in the report: sizes in binary units, scales without trailing zeros. */
final class Units {

    private Units() {
    }

    static String bytes(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.0f KiB", bytes / 1024.0);
    }

    /** 1 → "1", 0.05 → "0.05", 10 → "10". */
    static String scale(double scale) {
        return BigDecimal.valueOf(scale).stripTrailingZeros().toPlainString();
    }

    /** 1234567 → "1,234,567"; null (not measured) → "–". */
    static String count(Long value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%,d", value);
    }

    /** Text safe inside a Markdown table cell: no pipe, no line break. */
    static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
