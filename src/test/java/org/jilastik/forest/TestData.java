package org.jilastik.forest;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jilastik.project.StoredGroup;
import org.jilastik.project.StoredGroupReader;

/** Reads reference data from ../shared/testdata with jhdf, for the forest tests. */
final class TestData {
    static final Path ROOT = Path.of("../shared/testdata");

    private TestData() {
    }

    static Path path(String relative) {
        Path p = ROOT.resolve(relative);
        if (!Files.exists(p)) {
            throw new AssertionError("missing test data " + p.toAbsolutePath());
        }
        return p;
    }

    /** A group of a project, copied into memory. */
    static StoredGroup group(String file, String groupPath) {
        try (HdfFile f = new HdfFile(path(file))) {
            return StoredGroupReader.read((Group) SymbolTableLookup.byPath(f, groupPath));
        }
    }

    /** A project's classifier. */
    static VigraClassifier classifier(String file, String groupPath) {
        return ClassifierForestsCodec.decode(group(file, groupPath), groupPath);
    }

    /** The number of label names in {@code <applet>/LabelNames}. */
    static int labelNameCount(String file, String applet) {
        try (HdfFile f = new HdfFile(path(file))) {
            return Array.getLength(((Dataset) f.getByPath(applet + "/LabelNames")).getData());
        }
    }

    /** A float-valued array (any numeric dtype) with its shape. */
    record Array32(int[] shape, float[] data) {
        int last() {
            return shape[shape.length - 1];
        }

        int pixels() {
            return data.length / last();
        }
    }

    /** Reads {@code exported_data} of an output file, whole or the corner window {@code window} (null = whole). */
    static Array32 exported(String file, int[] window) {
        try (HdfFile f = new HdfFile(path(file))) {
            Dataset d = (Dataset) f.getByPath("exported_data");
            int[] shape = window == null ? d.getDimensions() : window;
            Object raw = window == null ? d.getDataFlat() : flatten(d.getData(new long[shape.length], shape));
            return new Array32(shape, toFloats(raw));
        }
    }

    static int[] shape(String file) {
        try (HdfFile f = new HdfFile(path(file))) {
            return ((Dataset) f.getByPath("exported_data")).getDimensions();
        }
    }

    private static Object flatten(Object nested) {
        if (!nested.getClass().getComponentType().isArray()) {
            return nested;
        }
        List<Object> parts = new java.util.ArrayList<>();
        int total = 0;
        for (int i = 0; i < Array.getLength(nested); i++) {
            Object p = flatten(Array.get(nested, i));
            parts.add(p);
            total += Array.getLength(p);
        }
        Object out = Array.newInstance(parts.getFirst().getClass().getComponentType(), total);
        int at = 0;
        for (Object p : parts) {
            int n = Array.getLength(p);
            System.arraycopy(p, 0, out, at, n);
            at += n;
        }
        return out;
    }

    private static float[] toFloats(Object flat) {
        if (flat instanceof float[] f) {
            return f;
        }
        int n = Array.getLength(flat);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = ((Number) Array.get(flat, i)).floatValue();
        }
        return out;
    }
}
