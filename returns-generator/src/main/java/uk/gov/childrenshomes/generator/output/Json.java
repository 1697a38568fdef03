package uk.gov.childrenshomes.generator.output;

import java.util.List;
import java.util.Map;

/**
 * Serialises a tree of maps (objects, written in their iteration order), lists, strings, numbers and booleans as
 * indented JSON. Enough for generation.json without a JSON library on the launcher's classpath.
 */
public final class Json {

    private Json() {
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, "");
        return out.append('\n').toString();
    }

    private static void write(StringBuilder out, Object value, String indent) {
        if (value instanceof Map<?, ?> map) {
            writeMembers(out, map.entrySet().stream().toList(), indent, '{', '}');
        } else if (value instanceof List<?> list) {
            writeMembers(out, list, indent, '[', ']');
        } else if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof Double number) {
            // Double.toString: the shortest text that reads back as the same number (0.1, 1.0, 1.0E-4: all JSON).
            out.append(Double.toString(number));
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value == null) {
            out.append("null");
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass() + " as JSON");
        }
    }

    private static void writeMembers(StringBuilder out, List<?> members, String indent, char open, char close) {
        if (members.isEmpty()) {
            out.append(open).append(close);
            return;
        }
        String inner = indent + "  ";
        out.append(open).append('\n');
        for (int i = 0; i < members.size(); i++) {
            out.append(inner);
            if (members.get(i) instanceof Map.Entry<?, ?> entry) {
                string(out, String.valueOf(entry.getKey()));
                out.append(": ");
                write(out, entry.getValue(), inner);
            } else {
                write(out, members.get(i), inner);
            }
            out.append(i + 1 < members.size() ? ",\n" : "\n");
        }
        out.append(indent).append(close);
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
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
