package org.jilastik.forest;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.jilastik.project.StoredGroup;

/**
 * Writes a {@link StoredGroup} (e.g. an encoded forest or classifier) into a new HDF5 file with jhdf's writer, so
 * that {@link org.jilastik.project.StoredGroupReader} reads back the same values.
 *
 * <p>Values are written as jhdf maps Java types ({@code double[]} → float64, {@code int[]} → int32,
 * {@code String}/{@code String[]} → strings, ...), except the datasets named in {@link #UINT32_DATASETS}: their
 * {@code long[]} values (how the reader gives uint32) are written as uint32, as vigra and ilastik store class
 * labels. Stateless, thread safe (distinct files).
 */
public final class StoredGroupHdf5Writer {
    /** Dataset names that ilastik/vigra store as uint32. */
    public static final Set<String> UINT32_DATASETS =
            Set.of(VigraForestCodec.LABELS, ClassifierForestsCodec.KNOWN_LABELS);

    private StoredGroupHdf5Writer() {
    }

    /**
     * Creates (or replaces) {@code file} holding {@code group} at {@code groupPath} (slash-separated, the missing
     * parents created as empty groups), e.g. {@code PixelClassification/ClassifierForests}.
     */
    public static void writeFile(Path file, String groupPath, StoredGroup group) {
        try (WritableHdfFile out = HdfFile.write(file)) {
            WritableGroup parent = out;
            String[] parts = groupPath.split("/");
            for (int i = 0; i < parts.length - 1; i++) {
                if (!parts[i].isEmpty()) {
                    parent = parent.putGroup(parts[i]);
                }
            }
            write(parent.putGroup(parts[parts.length - 1]), group);
        }
    }

    /** Writes the attributes, datasets and subgroups of {@code group} into {@code target}, recursively. */
    public static void write(WritableGroup target, StoredGroup group) {
        for (Map.Entry<String, Object> a : group.attributes().entrySet()) {
            target.putAttribute(a.getKey(), a.getValue());
        }
        for (Map.Entry<String, Object> d : group.datasets().entrySet()) {
            if (UINT32_DATASETS.contains(d.getKey()) && d.getValue() instanceof long[] values) {
                target.putDataset(d.getKey(), toUint32(values, d.getKey()),
                        DatasetCreationOptions.builder().unsigned().build());
            } else {
                target.putDataset(d.getKey(), d.getValue());
            }
        }
        for (Map.Entry<String, StoredGroup> g : group.groups().entrySet()) {
            write(target.putGroup(g.getKey()), g.getValue());
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
