package org.jilastik.workflow.tracking.export;

import java.util.List;
import java.util.Map;
import org.jilastik.export.PyRepr;

/**
 * Python's {@code json.dumps(value, indent=4, separators=(",", ": "))} for maps (key order kept), lists,
 * strings, booleans, integers and doubles (Python float {@code repr}), so files read byte for byte like those
 * hytra wrote. No trailing newline. Stateless.
 */
final class PythonJson {
    private PythonJson() {
    }

    static String dumps(Object value) {
        StringBuilder b = new StringBuilder(1 << 16);
        write(value, b, 0);
        return b.toString();
    }

    private static void write(Object v, StringBuilder b, int level) {
        switch (v) {
            case null -> b.append("null");
            case Map<?, ?> m -> {
                if (m.isEmpty()) {
                    b.append("{}");
                    return;
                }
                b.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    b.append(first ? "\n" : ",\n");
                    first = false;
                    indent(b, level + 1);
                    string(e.getKey().toString(), b);
                    b.append(": ");
                    write(e.getValue(), b, level + 1);
                }
                b.append('\n');
                indent(b, level);
                b.append('}');
            }
            case List<?> l -> {
                if (l.isEmpty()) {
                    b.append("[]");
                    return;
                }
                b.append('[');
                boolean first = true;
                for (Object o : l) {
                    b.append(first ? "\n" : ",\n");
                    first = false;
                    indent(b, level + 1);
                    write(o, b, level + 1);
                }
                b.append('\n');
                indent(b, level);
                b.append(']');
            }
            case Boolean bool -> b.append(bool ? "true" : "false");
            case Double d -> b.append(d.isNaN() ? "NaN" : d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity")
                    : PyRepr.float64(d));
            case Integer i -> b.append(i.intValue());
            case Long i -> b.append(i.longValue());
            case String s -> string(s, b);
            default -> throw new IllegalArgumentException("cannot write " + v.getClass() + " as JSON");
        }
    }

    private static void indent(StringBuilder b, int level) {
        b.append(" ".repeat(4 * level));
    }

    private static void string(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
