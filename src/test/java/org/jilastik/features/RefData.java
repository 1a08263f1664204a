package org.jilastik.features;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;

/**
 * Test-only readers for the reference cases: a project's feature selection and stored feature names (read with
 * jhdf directly, independent of the project package), input images and reference feature exports.
 */
final class RefData {
    static final Path REF = Path.of("../shared/testdata/ilastik-ref");

    private RefData() {
    }

    /** The {@code FeatureSelections}-like group {@code group} of a project. */
    static FeatureSelection selection(Path ilp, String group) {
        try (HdfFile f = new HdfFile(ilp)) {
            String[] ids = (String[]) f.getDatasetByPath(group + "/FeatureIds").getData();
            double[] scales = (double[]) f.getDatasetByPath(group + "/Scales").getData();
            Object m = f.getDatasetByPath(group + "/SelectionMatrix").getData();
            boolean[][] sel = new boolean[ids.length][scales.length];
            for (int i = 0; i < ids.length; i++) {
                for (int j = 0; j < scales.length; j++) {
                    sel[i][j] = bool(Array.get(Array.get(m, i), j));
                }
            }
            boolean[] in2d = null;
            if (f.getByPath(group) instanceof io.jhdf.api.Group g && g.getChildren().containsKey("ComputeIn2d")) {
                Object c = f.getDatasetByPath(group + "/ComputeIn2d").getData();
                in2d = new boolean[Array.getLength(c)];
                for (int j = 0; j < in2d.length; j++) {
                    in2d[j] = bool(Array.get(c, j));
                }
            }
            return new FeatureSelection(List.of(ids), scales, sel, in2d);
        }
    }

    private static boolean bool(Object o) {
        if (o instanceof Boolean b) {
            return b;
        }
        if (o instanceof String s) {
            return s.equalsIgnoreCase("TRUE");
        }
        return ((Number) o).intValue() != 0;
    }

    /**
     * The stored classifier's {@code feature_names} as jhdf decodes them. jhdf decodes these byte strings as
     * US-ASCII, so every byte of a non-ASCII character (σ is two UTF-8 bytes) reads as U+FFFD; compare with
     * {@link #asJhdfAscii(String)}.
     */
    static List<String> featureNames(Path ilp, String classifierGroup) {
        try (HdfFile f = new HdfFile(ilp)) {
            return List.of((String[]) f.getDatasetByPath(classifierGroup + "/ClassifierForests/feature_names")
                    .getData());
        }
    }

    /** {@code s} as US-ASCII decoding of its UTF-8 bytes reads: one U+FFFD per byte of a non-ASCII character. */
    static String asJhdfAscii(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            b.append(x >= 0 ? (char) x : '\uFFFD');
        }
        return b.toString();
    }

    /** An integer HDF5 dataset as a uint8 block with the given axes (extents of size 1 squeezed to fit). */
    static Block uint8(Path h5, String dataset, String axes) {
        try (HdfFile f = new HdfFile(h5)) {
            Dataset d = f.getDatasetByPath(dataset);
            int[] dims = squeeze(d.getDimensions(), axes.length());
            Object data = d.getData();
            int n = Arrays.stream(dims).reduce(1, Math::multiplyExact);
            byte[] out = new byte[n];
            int[] pos = {0};
            flatten(data, v -> out[pos[0]++] = (byte) ((Number) v).intValue());
            return new Block(Axes.of(axes), Box.ofShape(dims), DType.UINT8, out);
        }
    }

    /** A float32 HDF5 dataset, flat in C-order, with its extents. */
    static float[] float32(Path h5, String dataset, int[] shapeOut) {
        try (HdfFile f = new HdfFile(h5)) {
            Dataset d = f.getDatasetByPath(dataset);
            int[] dims = d.getDimensions();
            System.arraycopy(dims, 0, shapeOut, 0, dims.length);
            int n = Arrays.stream(dims).reduce(1, Math::multiplyExact);
            float[] out = new float[n];
            int[] pos = {0};
            flatten(d.getData(), v -> out[pos[0]++] = ((Number) v).floatValue());
            return out;
        }
    }

    /** A grey 8-bit PNG as a uint8 {@code yx} block. */
    static Block png(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        Raster r = img.getRaster();
        if (r.getNumBands() != 1) {
            throw new IllegalStateException("expected one band in " + png);
        }
        int h = img.getHeight();
        int w = img.getWidth();
        byte[] out = new byte[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (byte) r.getSample(x, y, 0);
            }
        }
        return new Block(Axes.of("yx"), Box.ofShape(h, w), DType.UINT8, out);
    }

    private static int[] squeeze(int[] dims, int rank) {
        if (dims.length == rank) {
            return dims;
        }
        List<Integer> keep = new ArrayList<>();
        for (int v : dims) {
            if (v != 1) {
                keep.add(v);
            }
        }
        if (keep.size() != rank) {
            throw new IllegalStateException("cannot squeeze " + Arrays.toString(dims) + " to rank " + rank);
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void flatten(Object a, java.util.function.Consumer<Object> sink) {
        if (a instanceof int[] v) {
            for (int x : v) {
                sink.accept(x);
            }
        } else if (a instanceof short[] v) {
            for (short x : v) {
                sink.accept(x);
            }
        } else if (a instanceof byte[] v) {
            for (byte x : v) {
                sink.accept(x & 0xff);
            }
        } else if (a instanceof float[] v) {
            for (float x : v) {
                sink.accept(x);
            }
        } else if (a instanceof Object[] v) {
            for (Object x : v) {
                flatten(x, sink);
            }
        } else {
            throw new IllegalStateException("unexpected array type " + a.getClass());
        }
    }
}
