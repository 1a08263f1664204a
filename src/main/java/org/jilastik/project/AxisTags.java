package org.jilastik.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jilastik.array.Axes;

/**
 * Parses vigra {@code axistags} JSON ({@code {"axes":[{"key":"y","typeFlags":2,...},...]}}) and 1.2-era
 * {@code axisorder} strings into {@link AxisTag} lists and {@link Axes}. The axis list is in C-order of the
 * stored data. Stateless, thread safe.
 */
public final class AxisTags {
    private AxisTags() {
    }

    /**
     * Parses axistags JSON.
     *
     * @throws IllegalArgumentException if the text is not axistags JSON or names an unknown axis key
     */
    public static List<AxisTag> parseJson(String json) {
        if (!(JsonParser.parse(json) instanceof Map<?, ?> root) || !(root.get("axes") instanceof List<?> axes)) {
            throw new IllegalArgumentException("axistags JSON has no \"axes\" list");
        }
        List<AxisTag> out = new ArrayList<>();
        for (Object a : axes) {
            if (!(a instanceof Map<?, ?> m) || !(m.get("key") instanceof String key) || key.length() != 1) {
                throw new IllegalArgumentException("axistags entry without a one-letter \"key\": " + a);
            }
            char k = Character.toLowerCase(key.charAt(0));
            AxisTag def = AxisTag.defaultFor(k);
            int flags = m.get("typeFlags") instanceof Number n ? n.intValue() : def.typeFlags();
            double res = m.get("resolution") instanceof Number n ? n.doubleValue() : 0;
            String desc = m.get("description") instanceof String s ? s : "";
            out.add(new AxisTag(k, flags, res, desc));
        }
        toAxes(out); // validates the letters
        return List.copyOf(out);
    }

    /** Default tags for the letters of a 1.2-era {@code axisorder} such as {@code "txyzc"}. */
    public static List<AxisTag> fromAxisOrder(String axisOrder) {
        Axes axes = Axes.of(axisOrder.trim().toLowerCase(Locale.ROOT));
        List<AxisTag> out = new ArrayList<>();
        for (int i = 0; i < axes.size(); i++) {
            out.add(AxisTag.defaultFor(axes.get(i)));
        }
        return List.copyOf(out);
    }

    /** The axis letters of {@code tags}, in their order. */
    public static Axes toAxes(List<AxisTag> tags) {
        StringBuilder b = new StringBuilder();
        for (AxisTag t : tags) {
            b.append(t.key());
        }
        return Axes.of(b.toString());
    }
}
