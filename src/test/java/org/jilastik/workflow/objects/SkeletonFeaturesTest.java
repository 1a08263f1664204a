package org.jilastik.workflow.objects;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "2D Skeleton Features" against the values real ilastik stored in the tracking-2dt project
 * ({@code TrackingFeatureExtraction/RegionFeaturesVigra/0000/[[t], [t+1]]/2D Skeleton Features/*}, float32), computed
 * on ilastik's own per-frame label images ({@code LabelImage_v2}, axes t x y z c): every feature, every object, all
 * 8 frames.
 */
class SkeletonFeaturesTest {
    static final Path ILP = Path.of("../shared/testdata/ilastik-ref/tracking-2dt/trk2d_tracking.ilp");
    static final String GROUP = "TrackingFeatureExtraction/RegionFeaturesVigra/0000/";

    /** A flat copy of any numeric jhdf array. */
    static double[] flat(Object data) {
        int n = Array.getLength(data);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = ((Number) Array.get(data, i)).doubleValue();
        }
        return out;
    }

    /** ilastik's label image of frame {@code t}, C order (y, x). */
    static int[] labels(HdfFile f, int t, int[] shape) {
        double[] a = flat(f.getDatasetByPath(String.format(
                "TrackingFeatureExtraction/LabelImage_v2/labelimage000/block%04d", t)).getDataFlat());
        int ny = shape[1];
        int nx = shape[2];
        int[] out = new int[ny * nx];
        for (int x = 0; x < nx; x++) {
            for (int y = 0; y < ny; y++) {
                out[y * nx + x] = (int) a[x * ny + y];
            }
        }
        return out;
    }

    static Map<String, double[]> compute(int[] labels, int[] shape, int count) {
        float[] raw = new float[labels.length];
        FrameAccess frame = FrameAccess.inMemory(labels, raw, 1, shape);
        RegionAccumulator acc = new RegionAccumulator(count, 1, 2, false);
        acc.pass1(labels, raw, new int[] {0, 0, 0}, shape);
        Map<String, double[]> out = new LinkedHashMap<>();
        SkeletonFeatures.compute(frame, acc, SkeletonFeatures.NAMES, 1, count, out);
        return out;
    }

    @Test
    void everyFeatureOfEveryObjectEqualsIlastiksStoredValues() {
        int[] shape = {1, 128, 128};
        double worst = 0;
        String where = "";
        int compared = 0;
        try (HdfFile f = new HdfFile(ILP)) {
            for (int t = 0; t < 8; t++) {
                int[] labels = labels(f, t, shape);
                int count = 0;
                for (int v : labels) {
                    count = Math.max(count, v);
                }
                Map<String, double[]> ours = compute(labels, shape, count);
                for (String name : SkeletonFeatures.NAMES) {
                    String path = GROUP + String.format("[[%d], [%d]]/2D Skeleton Features/", t, t + 1) + name;
                    double[] ref = flat(f.getDatasetByPath(path).getDataFlat());
                    double[] got = ours.get(name);
                    assertThat(got).as("frame %d %s", t, name).hasSameSizeAs(ref);
                    for (int i = 0; i < ref.length; i++) {
                        double diff = Math.abs((float) got[i] - ref[i]);
                        double rel = diff / (1 + Math.abs(ref[i]));
                        if (rel > worst) {
                            worst = rel;
                            where = String.format("frame %d %s row %d: ours %s, ilastik %s", t, name,
                                    i / SkeletonFeatures.width(name), got[i], ref[i]);
                        }
                        compared++;
                    }
                }
            }
        }
        System.out.printf("2D Skeleton Features: %d values compared, worst relative difference %.3g (%s)%n",
                compared, worst, where.isEmpty() ? "none" : where);
        assertThat(compared).isGreaterThan(1000);
        // float32 rounding of the same double computation: identical after the cast
        assertThat(worst).as("worst relative difference at %s", where).isLessThanOrEqualTo(2e-7);
    }

    @Test
    void aLargeObjectIsRefusedWithOneSentence() {
        int side = 2100;
        int[] shape = {1, side, side};
        int[] labels = new int[side * side];
        java.util.Arrays.fill(labels, 1);
        float[] raw = new float[labels.length];
        RegionAccumulator acc = new RegionAccumulator(1, 1, 2, false);
        acc.pass1(labels, raw, new int[] {0, 0, 0}, shape);
        FrameAccess frame = FrameAccess.inMemory(labels, raw, 1, shape);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SkeletonFeatures.compute(frame, acc,
                List.of("Diameter"), 1, 1, new LinkedHashMap<>()))
                .hasMessageContaining("2D Skeleton Features").hasMessageContaining("object 1");
    }
}
