package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agreement rules of {@code testdata/README.md}, applied to whole arrays; every failure message names the
 * worst value and its position. Stateless.
 */
final class Tolerance {
    private Tolerance() {
    }

    /** How an output is judged against ilastik's. */
    enum Kind {
        /** |ours − ref| ≤ 2e-4·(1+|ref|) + 5e-4·(1+M), M per channel (per eigenvalue feature). */
        FEATURES,
        /** mean |d| ≤ 1e-5, ≤ 0.1 % of values off by > 1e-3, none by > 0.1. */
        PROBABILITIES,
        /** ≥ 99.99 % of values equal. */
        LABELS;

        /** The kind of an export source name (Probabilities, Simple Segmentation, Uncertainty, Features, Labels). */
        static Kind ofSource(String exportSource) {
            String s = exportSource.toLowerCase();
            return s.startsWith("features") ? FEATURES
                    : s.startsWith("probabilities") || s.startsWith("uncertainty") ? PROBABILITIES : LABELS;
        }
    }

    /**
     * Asserts that {@code ours} agrees with ilastik's {@code ref}. Shapes must be equal, except that a Features
     * reference may be a corner crop of the export; then {@code ours} must have {@code fullShape}.
     *
     * @param scale        values are divided by this before judging (an integer export of probabilities scaled
     *                     to 0..255 is judged as probabilities); 1 otherwise
     * @param featureNames the project's feature channel names (for the eigenvalue groups), or null
     */
    static void check(Kind kind, ExportedFile ours, ExportedFile ref, long[] fullShape, double scale,
            List<String> featureNames) {
        String what = ours.file().getFileName().toString();
        assertThat(ours.dtype()).as("dtype of %s", what).isEqualTo(ref.dtype());
        assertThat(ours.shape()).as("shape of %s", what).containsExactly(fullShape);
        int[] map = cropMap(ours.shape(), ref.shape());
        switch (kind) {
            case FEATURES -> features(what, ours, ref, map, featureNames);
            case PROBABILITIES -> probabilities(what, ours, ref, map, scale);
            case LABELS -> labels(what, ours, ref, map);
        }
    }

    /** Asserts that two runs wrote the very same values (bitwise, NaN included). */
    static void identical(ExportedFile a, ExportedFile b) {
        String what = a.file().getFileName() + " vs " + b.file();
        assertThat(a.dtype()).as("dtype of %s", what).isEqualTo(b.dtype());
        assertThat(a.shape()).as("shape of %s", what).containsExactly(b.shape());
        int n = a.size();
        for (int i = 0; i < n; i++) {
            boolean same = switch (a.data()) {
                case float[] x -> Float.floatToRawIntBits(x[i]) == Float.floatToRawIntBits(((float[]) b.data())[i]);
                case double[] x -> Double.doubleToRawLongBits(x[i])
                        == Double.doubleToRawLongBits(((double[]) b.data())[i]);
                default -> a.value(i) == b.value(i);
            };
            if (!same) {
                long diff = 0;
                for (int j = i; j < n; j++) {
                    diff += a.value(j) == b.value(j) ? 0 : 1;
                }
                throw new AssertionError(what + ": " + diff + " of " + n + " values differ; first at "
                        + ExportedFile.position(i, a.shape()) + ": " + a.value(i) + " vs " + b.value(i));
            }
        }
    }

    // ref flat index -> ours flat index, for a reference that is a corner crop of ours (identity when equal).
    private static int[] cropMap(long[] ours, long[] ref) {
        assertThat(ref.length).as("rank").isEqualTo(ours.length);
        long n = 1;
        for (int d = 0; d < ref.length; d++) {
            assertThat(ref[d]).as("reference extent %d within ours", d).isLessThanOrEqualTo(ours[d]);
            n *= ref[d];
        }
        int[] map = new int[Math.toIntExact(n)];
        int[] idx = new int[ref.length];
        long[] strides = new long[ours.length];
        long s = 1;
        for (int d = ours.length - 1; d >= 0; d--) {
            strides[d] = s;
            s *= ours[d];
        }
        for (int i = 0; i < map.length; i++) {
            long o = 0;
            for (int d = 0; d < idx.length; d++) {
                o += idx[d] * strides[d];
            }
            map[i] = Math.toIntExact(o);
            for (int d = idx.length - 1; d >= 0; d--) {
                if (++idx[d] < ref[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
        return map;
    }

    private static void features(String what, ExportedFile ours, ExportedFile ref, int[] map, List<String> names) {
        int channels = (int) ref.shape()[ref.shape().length - 1];
        assertThat(ours.shape()[ours.shape().length - 1]).as("feature channels of %s", what).isEqualTo(channels);
        double[] m = new double[channels];
        for (int i = 0; i < map.length; i++) {
            m[i % channels] = Math.max(m[i % channels], Math.abs(ref.value(i)));
        }
        if (names != null && names.size() == channels) {
            Map<String, List<Integer>> groups = new LinkedHashMap<>();
            for (int c = 0; c < channels; c++) {
                if (names.get(c).contains("Eigenvalues")) {
                    groups.computeIfAbsent(names.get(c).split(" \\[")[0], k -> new java.util.ArrayList<>()).add(c);
                }
            }
            for (List<Integer> g : groups.values()) {
                double max = g.stream().mapToDouble(c -> m[c]).max().orElse(0);
                g.forEach(c -> m[c] = max);
            }
        }
        double worst = -1;
        int at = 0;
        for (int i = 0; i < map.length; i++) {
            double r = ref.value(i);
            double ratio = Math.abs(ours.value(map[i]) - r) / (2e-4 * (1 + Math.abs(r)) + 5e-4 * (1 + m[i % channels]));
            if (Double.isNaN(ratio)) {
                worst = Double.NaN;
                at = i;
                break;
            }
            if (ratio > worst) {
                worst = ratio;
                at = i;
            }
        }
        int c = at % channels;
        String channel = names != null && names.size() == channels ? names.get(c) : "channel " + c;
        assertThat(worst <= 1.0)
                .as("%s: worst error %.3f of the tolerance at %s (%s): ours %s, ilastik %s", what, worst,
                        ExportedFile.position(at, ref.shape()), channel, ours.value(map[at]), ref.value(at))
                .isTrue();
    }

    private static void probabilities(String what, ExportedFile ours, ExportedFile ref, int[] map, double scale) {
        double sum = 0;
        double max = -1;
        int at = 0;
        long over = 0;
        for (int i = 0; i < map.length; i++) {
            double d = Math.abs(ours.value(map[i]) - ref.value(i)) / scale;
            if (Double.isNaN(d)) {
                d = Double.POSITIVE_INFINITY;
            }
            sum += d;
            if (d > 1e-3) {
                over++;
            }
            if (d > max) {
                max = d;
                at = i;
            }
        }
        double mean = sum / map.length;
        double frac = (double) over / map.length;
        assertThat(mean <= 1e-5 && frac <= 1e-3 && max <= 0.1)
                .as("%s: mean |d| %.3g (≤ 1e-5), %.4f %% off by > 1e-3 (≤ 0.1 %%), worst %.4g (≤ 0.1) at %s: ours %s,"
                        + " ilastik %s", what, mean, frac * 100, max, ExportedFile.position(at, ref.shape()),
                        ours.value(map[at]), ref.value(at))
                .isTrue();
    }

    private static void labels(String what, ExportedFile ours, ExportedFile ref, int[] map) {
        long differ = 0;
        int first = -1;
        for (int i = 0; i < map.length; i++) {
            if (ours.value(map[i]) != ref.value(i)) {
                if (first < 0) {
                    first = i;
                }
                differ++;
            }
        }
        double equal = 1 - (double) differ / map.length;
        int f = first;
        assertThat(equal >= 0.9999)
                .as("%s: %.4f %% equal (≥ 99.99 %%), %d differ, first at %s: ours %s, ilastik %s", what, equal * 100,
                        differ, f < 0 ? "-" : ExportedFile.position(f, ref.shape()),
                        f < 0 ? "" : ours.value(map[f]), f < 0 ? "" : ref.value(f))
                .isTrue();
    }

    /**
     * Attributes (HDF5) or tags (TIFF) and axes equal; arrays compared by content. The attribute
     * {@code cropped_from_full_export}, which the reference data's preparation added to cropped Features files,
     * is not ilastik's and is left out.
     */
    static void sameMetadata(ExportedFile ours, ExportedFile ref) {
        String what = ours.file().getFileName().toString();
        assertThat(ours.axes()).as("axistags of %s", what).isEqualTo(ref.axes());
        java.util.Set<String> refKeys = new java.util.TreeSet<>(ref.attrs().keySet());
        refKeys.remove("cropped_from_full_export");
        assertThat(ours.attrs().keySet()).as("attributes of %s", what).isEqualTo(refKeys);
        for (String k : refKeys) {
            Object a = ours.attrs().get(k);
            Object b = ref.attrs().get(k);
            assertThat(Arrays.deepEquals(new Object[] {a}, new Object[] {b}))
                    .as("attribute %s of %s: ours %s, ilastik %s", k, what, Arrays.deepToString(new Object[] {a}),
                            Arrays.deepToString(new Object[] {b}))
                    .isTrue();
        }
    }
}
