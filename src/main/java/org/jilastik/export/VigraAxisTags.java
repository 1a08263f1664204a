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

    /** vigra JSON for {@code axes} in their order. */
    public static String json(Axes axes) {
        StringBuilder b = new StringBuilder("{\n  \"axes\": [");
        for (int i = 0; i < axes.size(); i++) {
            char key = axes.get(i);
            int flags = key == 'c' ? 1 : key == 't' ? 8 : 2;
            b.append(i == 0 ? "\n" : ",\n")
                    .append("    {\n")
                    .append("      \"key\": \"").append(key).append("\",\n")
                    .append("      \"typeFlags\": ").append(flags).append(",\n")
                    .append("      \"resolution\": 0,\n")
                    .append("      \"description\": \"\"\n")
                    .append("    }");
        }
        return b.append(axes.size() == 0 ? "]\n}" : "\n  ]\n}").toString();
    }
}
