package org.jilastik.project;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jilastik.array.Axes;
import org.jilastik.array.Box;
import org.jilastik.error.JilastikException;

/**
 * Reads a {@code LabelSets} group: one subgroup per lane ({@code labels000}, or {@code labels0} in counting;
 * the lane index is the number in the name), each holding uint8 blocks with a {@code blockSlice} attribute
 * ({@code "[329:396,288:494,0:1]"}) and, in newer files, an {@code axistags} attribute. Blocks stored as groups
 * ({@code data} + {@code mask}, the masked variant) are read from {@code data} with masked pixels cleared.
 * Stateless, thread safe.
 */
final class LabelSetReader {
    private static final Pattern LANE = Pattern.compile("\\D*(\\d+)");
    private static final Pattern COLON = Pattern.compile("\\s*(-?\\d+)?\\s*:\\s*(-?\\d+)?\\s*(?::\\s*\\S*)?");
    private static final Pattern SLICE = Pattern.compile(
            "\\s*slice\\(\\s*(None|-?\\d+)\\s*,\\s*(None|-?\\d+)\\s*(?:,\\s*\\w+\\s*)?\\)\\s*");

    private LabelSetReader() {
    }

    /**
     * Reads the blocks of every lane, by lane index, blocks in name order.
     *
     * @param rule      decides the axes of blocks without an {@code axistags} attribute
     * @param laneAxes  raw dataset info axes per lane index (entries may be null)
     */
    static Map<Integer, List<LabelBlock>> read(Group labelSets, String path, LabelAxesRule rule, List<Axes> laneAxes,
                                               String projectName) {
        Map<Integer, List<LabelBlock>> out = new TreeMap<>();
        if (labelSets == null) {
            return out;
        }
        for (var e : new TreeMap<>(Hdf5Children.of(labelSets)).entrySet()) {
            Matcher m = LANE.matcher(e.getKey());
            if (!(e.getValue() instanceof Group laneGroup) || !m.matches()) {
                continue;
            }
            int lane = Integer.parseInt(m.group(1));
            Axes info = lane < laneAxes.size() ? laneAxes.get(lane) : null;
            List<LabelBlock> blocks = new ArrayList<>();
            for (var b : new TreeMap<>(Hdf5Children.of(laneGroup)).entrySet()) {
                String blockPath = Hdf5Values.join(Hdf5Values.join(path, e.getKey()), b.getKey());
                LabelBlock block = readBlock(b.getValue(), blockPath, rule, info, projectName);
                if (block != null) {
                    blocks.add(block);
                }
            }
            out.put(lane, List.copyOf(blocks));
        }
        return Collections.unmodifiableMap(out);
    }

    private static LabelBlock readBlock(Node node, String path, LabelAxesRule rule, Axes infoAxes,
                                        String projectName) {
        Dataset data;
        Dataset mask = null;
        if (node instanceof Dataset d) {
            data = d;
        } else if (node instanceof Group g && Hdf5Values.dataset(g, "data") != null) {
            data = Hdf5Values.dataset(g, "data");
            mask = Hdf5Values.dataset(g, "mask");
        } else {
            return null;
        }
        String sliceText = Hdf5Values.stringAttribute(node, "blockSlice");
        if (sliceText == null) {
            throw JilastikException.processing("label block " + path + " in " + projectName
                    + " has no blockSlice attribute; save the project again in ilastik");
        }
        int[] dims = data.getDimensions();
        Box box = parseSlice(sliceText, dims, path, projectName);
        String tags = Hdf5Values.stringAttribute(node, "axistags");
        Axes blockAxes = null;
        if (tags != null && !tags.isBlank()) {
            try {
                blockAxes = AxisTags.toAxes(AxisTags.parseJson(tags));
            } catch (IllegalArgumentException e) {
                throw JilastikException.processing("label block " + path + " in " + projectName
                        + " has unreadable axistags (" + e.getMessage() + "); save the project again in ilastik", e);
            }
        }
        byte[] values = bytes(data.getDataFlat());
        if (mask != null) {
            byte[] masked = bytes(mask.getDataFlat());
            for (int i = 0; i < values.length && i < masked.length; i++) {
                if (masked[i] != 0) {
                    values[i] = 0;
                }
            }
        }
        return new LabelBlock(path, box, rule.axesOf(blockAxes, dims.length, infoAxes), values);
    }

    /**
     * Parses a {@code blockSlice} ({@code "[a:b,c:d]"} or {@code "[slice(a, b, None), ...]"}); missing bounds are
     * taken from the block's shape.
     */
    static Box parseSlice(String text, int[] dims, String where, String projectName) {
        String t = text.trim();
        if (t.startsWith("[") || t.startsWith("(")) {
            t = t.substring(1, t.length() - 1);
        }
        List<String> parts = splitTopLevel(t);
        if (parts.size() != dims.length) {
            throw JilastikException.processing("label block " + where + " in " + projectName + " has blockSlice \""
                    + text + "\" for data of " + dims.length + " axes; save the project again in ilastik");
        }
        long[] start = new long[dims.length];
        long[] stop = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            String p = parts.get(i);
            Matcher c = COLON.matcher(p);
            Matcher s = SLICE.matcher(p);
            String a;
            String b;
            if (c.matches()) {
                a = c.group(1);
                b = c.group(2);
            } else if (s.matches()) {
                a = s.group(1).equals("None") ? null : s.group(1);
                b = s.group(2).equals("None") ? null : s.group(2);
            } else {
                throw JilastikException.processing("label block " + where + " in " + projectName
                        + " has an unreadable blockSlice \"" + text + "\"; save the project again in ilastik");
            }
            start[i] = a == null ? 0 : Long.parseLong(a);
            stop[i] = b == null ? start[i] + dims[i] : Long.parseLong(b);
            if (stop[i] - start[i] != dims[i]) {
                throw JilastikException.processing("label block " + where + " in " + projectName + " has blockSlice \""
                        + text + "\" that does not match its shape; save the project again in ilastik");
            }
        }
        return new Box(start, stop);
    }

    private static List<String> splitTopLevel(String t) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                out.add(t.substring(from, i));
                from = i + 1;
            }
        }
        if (!t.substring(from).isBlank() || !out.isEmpty()) {
            out.add(t.substring(from));
        }
        out.removeIf(String::isBlank); // a trailing comma of a 1-tuple
        return out;
    }

    /** A flat integer array of any width narrowed to unsigned bytes. */
    static byte[] bytes(Object flat) {
        return switch (flat) {
            case byte[] b -> b.clone();
            case short[] s -> {
                byte[] o = new byte[s.length];
                for (int i = 0; i < o.length; i++) {
                    o[i] = (byte) s[i];
                }
                yield o;
            }
            case int[] s -> {
                byte[] o = new byte[s.length];
                for (int i = 0; i < o.length; i++) {
                    o[i] = (byte) s[i];
                }
                yield o;
            }
            case long[] s -> {
                byte[] o = new byte[s.length];
                for (int i = 0; i < o.length; i++) {
                    o[i] = (byte) s[i];
                }
                yield o;
            }
            default -> {
                long[] v = Hdf5Values.longs(flat);
                byte[] o = new byte[v.length];
                for (int i = 0; i < o.length; i++) {
                    o[i] = (byte) v[i];
                }
                yield o;
            }
        };
    }
}
