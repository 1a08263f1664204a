package org.jilastik.io.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON text the way Python's {@code json.dumps(obj, indent=4, sort_keys=True, ensure_ascii=True)} does
 * (what zarr-python writes into {@code .zarray}, {@code .zattrs} and {@code .zgroup}): four-space indentation,
 * {@code ", "}-free item separators with {@code ": "} after keys, object keys sorted, empty containers as
 * {@code []} / {@code {}}, non-ASCII characters as {@code \\uXXXX}, floating-point numbers as Python's
 * {@code repr} spells them ({@code 1.0}, {@code 1e-05}, {@code 1e+16}, {@code NaN}, {@code Infinity}).
 *
 * <p>Values: {@link Map} (keys as strings), {@link Collection}, arrays of primitives, {@link String},
 * {@link Boolean}, {@code null}, integral {@link Number}s (printed as integers) and {@link Double}/{@link Float}
 * (printed as Python floats). Stateless, thread safe.
 */
public final class PyJson {
    private PyJson() {
    }

    /** {@code value} as Python's indented, key-sorted JSON text (no trailing newline). */
    public static String dumps(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, 0, true);
        return b.toString();
    }

    /**
     * {@code value} as {@code json.dumps(value, indent=4)} without {@code sort_keys}: object keys in the maps'
     * iteration order (no trailing newline).
     */
    public static String dumpsInOrder(Object value) {
        StringBuilder b = new StringBuilder(1 << 16);
        write(b, value, 0, false);
        return b.toString();
    }

    private static void write(StringBuilder b, Object v, int depth, boolean sorted) {
        switch (v) {
            case null -> b.append("null");
            case String s -> string(b, s);
            case Boolean x -> b.append(x ? "true" : "false");
            case Double d -> b.append(pyFloat(d));
            case Float f -> b.append(pyFloat(f.doubleValue()));
            case Number n -> b.append(n.longValue());
            case Character c -> string(b, c.toString());
            case Map<?, ?> m -> object(b, m, depth, sorted);
            case Collection<?> c -> array(b, new ArrayList<>(c), depth, sorted);
            case double[] a -> array(b, java.util.Arrays.stream(a).boxed().toList(), depth, sorted);
            case long[] a -> array(b, java.util.Arrays.stream(a).boxed().toList(), depth, sorted);
            case int[] a -> array(b, java.util.Arrays.stream(a).boxed().toList(), depth, sorted);
            default -> throw new IllegalArgumentException("cannot write " + v.getClass() + " as JSON");
        }
    }

    private static void object(StringBuilder b, Map<?, ?> m, int depth, boolean sorted) {
        if (m.isEmpty()) {
            b.append("{}");
            return;
        }
        List<String> keys = new ArrayList<>();
        m.keySet().forEach(k -> keys.add(String.valueOf(k)));
        if (sorted) {
            keys.sort(null);
        }
        b.append('{');
        for (int i = 0; i < keys.size(); i++) {
            b.append(i == 0 ? "" : ",");
            newline(b, depth + 1);
            string(b, keys.get(i));
            b.append(": ");
            write(b, valueOf(m, keys.get(i)), depth + 1, sorted);
        }
        newline(b, depth);
        b.append('}');
    }

    private static Object valueOf(Map<?, ?> m, String key) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (String.valueOf(e.getKey()).equals(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static void array(StringBuilder b, List<?> l, int depth, boolean sorted) {
        if (l.isEmpty()) {
            b.append("[]");
            return;
        }
        b.append('[');
        for (int i = 0; i < l.size(); i++) {
            b.append(i == 0 ? "" : ",");
            newline(b, depth + 1);
            write(b, l.get(i), depth + 1, sorted);
        }
        newline(b, depth);
        b.append(']');
    }

    private static void newline(StringBuilder b, int depth) {
        b.append('\n').append("    ".repeat(depth));
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
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

    /**
     * Python's {@code repr} of a float: the shortest digits that read back to the same double (Java's
     * {@link Double#toString} finds the same digits), in positional notation when the decimal exponent is in
     * {@code [-4, 16)}, else as {@code d.ddde±XX}.
     */
    public static String pyFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        return shortest(new BigDecimal(Double.toString(d)), d < 0);
    }

    /**
     * numpy's {@code str} of a float32 scalar: the shortest digits that read back to the same float (Java's
     * {@link Float#toString} finds them), laid out as {@link #pyFloat} does (NaN and infinities as {@link #pyFloat}
     * spells them, not numpy's {@code nan}/{@code inf}).
     */
    public static String pyFloat32(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f) || f == 0) {
            return pyFloat(f);
        }
        return shortest(new BigDecimal(Float.toString(f)), f < 0);
    }

    private static String shortest(BigDecimal value, boolean negative) {
        BigDecimal x = value.stripTrailingZeros();
        String digits = x.unscaledValue().abs().toString();
        int decpt = digits.length() - x.scale(); // position of the decimal point after the first digit run
        String sign = negative ? "-" : "";
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                return sign + "0." + "0".repeat(-decpt) + digits;
            }
            if (decpt >= digits.length()) {
                return sign + digits + "0".repeat(decpt - digits.length()) + ".0";
            }
            return sign + digits.substring(0, decpt) + "." + digits.substring(decpt);
        }
        int exp = decpt - 1;
        String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }
}
