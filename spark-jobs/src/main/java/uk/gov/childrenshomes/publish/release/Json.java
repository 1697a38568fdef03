package uk.gov.childrenshomes.publish.release;

import java.util.Collection;
import java.util.Map;

/** Minimal JSON writer for the manifest: maps (insertion order kept), collections, strings, numbers, booleans, null. */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.append('\n').toString();
    }

    private static void write(StringBuilder out, Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            int i = 0;
            for (var entry : map.entrySet()) {
                out.append(i++ == 0 ? "\n" : ",\n").append("  ".repeat(depth + 1));
                string(out, entry.getKey().toString());
                out.append(": ");
                write(out, entry.getValue(), depth + 1);
            }
            out.append(map.isEmpty() ? "}" : "\n" + "  ".repeat(depth) + "}");
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            int i = 0;
            for (Object item : list) {
                out.append(i++ == 0 ? "\n" : ",\n").append("  ".repeat(depth + 1));
                write(out, item, depth + 1);
            }
            out.append(list.isEmpty() ? "]" : "\n" + "  ".repeat(depth) + "]");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            string(out, value.toString());
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
