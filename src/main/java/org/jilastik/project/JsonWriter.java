package org.jilastik.project;

import java.util.Collection;
import java.util.Map;

/**
 * A minimal JSON writer: {@code Map} (keys as strings, in iteration order), {@code Collection}, primitive
 * arrays, {@code String}, {@code Number}, {@code Boolean} and {@code null}. Output is indented by two spaces.
 *
 * <p>Stateless, thread safe.
 */
public final class JsonWriter {
    private JsonWriter() {
    }

    /** {@code value} as indented JSON text (no trailing newline). */
    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(value, b, 0);
        return b.toString();
    }

    private static void write(Object v, StringBuilder b, int indent) {
        switch (v) {
            case null -> b.append("null");
            case String s -> quote(s, b);
            case Boolean x -> b.append(x);
            case Double d -> number(d, b);
            case Float f -> number(f.doubleValue(), b);
            case Number n -> b.append(n);
            case Character c -> quote(c.toString(), b);
            case Map<?, ?> m -> {
                if (m.isEmpty()) {
                    b.append("{}");
                    return;
                }
                b.append("{\n");
                int k = 0;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    pad(b, indent + 1);
                    quote(String.valueOf(e.getKey()), b);
                    b.append(": ");
                    write(e.getValue(), b, indent + 1);
                    b.append(++k < m.size() ? ",\n" : "\n");
                }
                pad(b, indent);
                b.append('}');
            }
            case Collection<?> c -> {
                if (c.isEmpty()) {
                    b.append("[]");
                    return;
                }
                boolean flat = c.stream().noneMatch(x -> x instanceof Map || x instanceof Collection
                        || (x != null && x.getClass().isArray()));
                b.append(flat ? "[" : "[\n");
                int k = 0;
                for (Object x : c) {
                    if (!flat) {
                        pad(b, indent + 1);
                    }
                    write(x, b, indent + 1);
                    if (++k < c.size()) {
                        b.append(flat ? ", " : ",\n");
                    }
                }
                if (!flat) {
                    b.append('\n');
                    pad(b, indent);
                }
                b.append(']');
            }
            default -> {
                if (v.getClass().isArray()) {
                    java.util.List<Object> items = new java.util.ArrayList<>();
                    for (int i = 0; i < java.lang.reflect.Array.getLength(v); i++) {
                        items.add(java.lang.reflect.Array.get(v, i));
                    }
                    write(items, b, indent);
                } else {
                    quote(v.toString(), b);
                }
            }
        }
    }

    private static void number(double d, StringBuilder b) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            b.append("null");
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            b.append((long) d);
        } else {
            b.append(d);
        }
    }

    private static void pad(StringBuilder b, int indent) {
        b.append("  ".repeat(indent));
    }

    private static void quote(String s, StringBuilder b) {
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
                    if (c < 0x20) {
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
