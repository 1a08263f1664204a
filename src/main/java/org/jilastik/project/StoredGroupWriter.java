package org.jilastik.project;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jilastik.array.DType;
import org.jilastik.io.hdf5.Hdf5Editor;

/**
 * Writes a {@link StoredGroup} (an encoded classifier: {@code ClassifierForests} with its {@code ForestNNNN}
 * groups) into a project with the types vigra and ilastik store: {@code double[]} → float64 1-D, {@code int[]} →
 * int32 1-D, {@code long[]} → uint32 for the label datasets ({@value #LABELS}, {@value #KNOWN_LABELS}) and int64
 * otherwise, {@code String} → scalar variable-length string, {@code String[]} → 1-D variable-length strings;
 * {@code double[]} attributes → float64. Stateless.
 */
public final class StoredGroupWriter {
    /** vigra's class-label dataset inside {@code _ext_param} (uint32). */
    public static final String LABELS = "labels";
    /** ilastik's class-label dataset of a classifier (uint32). */
    public static final String KNOWN_LABELS = "known_labels";
    private static final Set<String> UINT32 = Set.of(LABELS, KNOWN_LABELS);

    private StoredGroupWriter() {
    }

    /**
     * Writes {@code group} at {@code path}, replacing whatever is there.
     *
     * @throws IllegalArgumentException for a value type this writer does not map
     */
    public static void write(Hdf5Editor out, String path, StoredGroup group) {
        out.delete(path);
        out.createGroup(path);
        for (Map.Entry<String, Object> a : group.attributes().entrySet()) {
            if (a.getValue() instanceof double[] v) {
                out.setNumericAttribute(path, a.getKey(), DType.FLOAT64, v);
            } else if (a.getValue() instanceof String s) {
                out.setStringAttribute(path, a.getKey(), s);
            } else {
                throw new IllegalArgumentException("attribute " + a.getKey() + " has an unsupported type");
            }
        }
        for (Map.Entry<String, Object> d : group.datasets().entrySet()) {
            String p = path + "/" + d.getKey();
            switch (d.getValue()) {
                case double[] v -> out.writeNumeric(p, DType.FLOAT64, new long[] {v.length}, v, 0);
                case int[] v -> out.writeNumeric(p, DType.INT32, new long[] {v.length}, v, 0);
                case long[] v when UINT32.contains(d.getKey()) -> out.writeNumeric(p, DType.UINT32,
                        new long[] {v.length}, toUint32(v, d.getKey()), 0);
                case long[] v -> out.writeNumeric(p, DType.INT64, new long[] {v.length}, v, 0);
                case String s -> out.writeString(p, s);
                case String[] s -> out.writeStrings(p, List.of(s));
                default -> throw new IllegalArgumentException("dataset " + p + " has an unsupported type");
            }
        }
        for (Map.Entry<String, StoredGroup> g : group.groups().entrySet()) {
            write(out, path + "/" + g.getKey(), g.getValue());
        }
    }

    private static int[] toUint32(long[] values, String name) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException(name + " value " + values[i] + " is not a uint32");
            }
            out[i] = (int) values[i];
        }
        return out;
    }
}
