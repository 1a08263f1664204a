package org.jilastik.workflow.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.jilastik.project.ObjectSettings;
import org.junit.jupiter.api.Test;

/**
 * Object features accumulated over small blocks of a synthetic 3-D volume equal those of one block: counts,
 * extrema and bounding boxes exactly, moments, centres, radii and quantiles to double rounding (objects see their
 * pixels in another order). Labelling is still done on the whole frame (see docs/compatibility.md).
 */
class BlockwiseFeaturesTest {
    @Test
    void tinyBlocksGiveTheFeaturesOfOneBlock() {
        int[] shape = {12, 20, 24};
        int n = shape[0] * shape[1] * shape[2];
        Random rnd = new Random(7);
        int[] seg = new int[n];
        float[] raw = new float[n];
        // random boxes of ones, some touching block borders of the 5x7x6 grid below
        for (int b = 0; b < 14; b++) {
            int z0 = rnd.nextInt(10);
            int y0 = rnd.nextInt(16);
            int x0 = rnd.nextInt(20);
            int dz = 1 + rnd.nextInt(3);
            int dy = 1 + rnd.nextInt(5);
            int dx = 1 + rnd.nextInt(5);
            for (int z = z0; z < Math.min(shape[0], z0 + dz); z++) {
                for (int y = y0; y < Math.min(shape[1], y0 + dy); y++) {
                    for (int x = x0; x < Math.min(shape[2], x0 + dx); x++) {
                        seg[(z * shape[1] + y) * shape[2] + x] = 1;
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            raw[i] = (float) (30 + 200 * rnd.nextDouble());
        }
        ConnectedComponents.Labels l = ConnectedComponents.label(seg, shape);
        assertThat(l.count()).isGreaterThan(5);
        List<String> names = List.of("Count", "Sum", "Mean", "Variance", "Skewness", "Kurtosis", "Minimum",
                "Maximum", "RegionCenter", "RegionRadii", "Coord<Minimum>", "Coord<Maximum>", "Quantiles");
        List<ObjectSettings.ObjectFeatureSpec> specs = names.stream()
                .map(s -> new ObjectSettings.ObjectFeatureSpec(ObjectFeaturePlan.STANDARD, s, s, null)).toList();
        ObjectFeaturePlan plan = ObjectFeaturePlan.of(new ObjectSettings(specs, specs, new long[] {512, 512, 512},
                new long[] {64, 64, 64}, null, null));
        FrameAccess frame = FrameAccess.inMemory(l.labels(), raw, 1, shape);
        ObjectFeatures whole = new ObjectFeatureComputer(plan).compute(frame, l.count(), shape, null);
        ObjectFeatures blocks = new ObjectFeatureComputer(plan).compute(frame, l.count(), new int[] {5, 7, 6}, null);
        for (String f : names) {
            double[] a = whole.values().get(f);
            double[] b = blocks.values().get(f);
            assertThat(b).as(f).hasSameSizeAs(a);
            for (int i = 0; i < a.length; i++) {
                double tol = 1e-9 * (1 + Math.abs(a[i]));
                assertThat(Math.abs(a[i] - b[i])).as("%s value %d: %s vs %s", f, i, a[i], b[i])
                        .isLessThanOrEqualTo(tol);
            }
        }
    }
}
