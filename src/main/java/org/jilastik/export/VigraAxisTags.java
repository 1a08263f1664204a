package org.jilastik.export;

import org.jilastik.array.Axes;

/**
 * The {@code axistags} attribute text ilastik writes on exported datasets: vigra's {@code AxisTags.toJSON()},
 * byte for byte (two-space indentation, one key per line, no trailing newline), e.g.
 * <pre>{@code
 * {
 *   "axes": [
 *     {
 *       "key": "y",
 *       "typeFlags": 2,
 *       "resolution": 0,
 *       "description": ""
 *     },
 *     ...
 *   ]
 * }
 * }</pre>
 * Type flags: 1 channels ({@code c}), 8 time ({@code t}), 2 space (the others). Resolutions are 0 (jilastik
 * does not carry pixel sizes through the export). Stateless.
 */
public final class VigraAxisTags {
    private VigraAxisTags() {
    }

    /** vigra JSON for {@code axes} in their order, all resolutions 0. */
    public static String json(Axes axes) {
        return json(axes, axis -> 0.0);
    }

    /** vigra JSON for {@code axes} in their order with each axis' resolution (pixel size, 0 = unknown). */
    public static String json(Axes axes, java.util.function.ToDoubleFunction<Character> resolution) {
        StringBuilder b = new StringBuilder("{\n  \"axes\": [");
        for (int i = 0; i < axes.size(); i++) {
            char key = axes.get(i);
            int flags = key == 'c' ? 1 : key == 't' ? 8 : 2;
            b.append(i == 0 ? "\n" : ",\n")
                    .append("    {\n")
                    .append("      \"key\": \"").append(key).append("\",\n")
                    .append("      \"typeFlags\": ").append(flags).append(",\n")
                    .append("      \"resolution\": ").append(number(resolution.applyAsDouble(key))).append(",\n")
                    .append("      \"description\": \"\"\n")
                    .append("    }");
        }
        return b.append(axes.size() == 0 ? "]\n}" : "\n  ]\n}").toString();
    }

    // vigra prints doubles through a C++ ostream: 6 significant digits, no trailing zeros, "1" for 1.0.
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String g = String.format(java.util.Locale.ROOT, "%.6g", v);
        if (g.contains("e")) {
            String[] parts = g.split("e");
            String mant = parts[0].contains(".") ? parts[0].replaceAll("0+$", "").replaceAll("\\.$", "") : parts[0];
            int exp = Integer.parseInt(parts[1]);
            return mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        return g.contains(".") ? g.replaceAll("0+$", "").replaceAll("\\.$", "") : g;
    }
}
