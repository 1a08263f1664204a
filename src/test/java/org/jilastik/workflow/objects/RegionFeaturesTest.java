package org.jilastik.workflow.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.jilastik.project.ObjectSettings;
import org.junit.jupiter.api.Test;

/** Every region feature against values computed by hand on tiny frames. */
class RegionFeaturesTest {
    // one object of 4 pixels on a 3x4 frame (y, x): (0,1)=1 (0,2)=2 (1,1)=3 (2,1)=10; second object (2,3)=5
    private static final int[] LABELS = {
        0, 1, 1, 0,
        0, 1, 0, 0,
        0, 1, 0, 2};
    private static final float[] RAW = {
        9, 1, 2, 9,
        9, 3, 9, 9,
        9, 10, 9, 5};
    private static final int[] SHAPE = {1, 3, 4};

    private static ObjectFeatures compute(List<String> names, long[] margin) {
        List<ObjectSettings.ObjectFeatureSpec> specs = names.stream().map(n -> new ObjectSettings.ObjectFeatureSpec(
                ObjectFeaturePlan.STANDARD, n, n, n.contains("neighborhood") ? margin : null)).toList();
        ObjectSettings s = new ObjectSettings(specs, specs, new long[] {512, 512, 512}, new long[] {64, 64, 64},
                null, null);
        return new ObjectFeatureComputer(ObjectFeaturePlan.of(s)).compute(
                FrameAccess.inMemory(LABELS, RAW, 1, SHAPE), 2, SHAPE, null);
    }

    private static double[] row(ObjectFeatures f, String name, int object) {
        int k = f.width(name);
        double[] out = new double[k];
        System.arraycopy(f.values().get(name), object * k, out, 0, k);
        return out;
    }

    @Test
    void intensityMoments() {
        ObjectFeatures f = compute(List.of("Count", "Sum", "Mean", "Variance", "Skewness", "Kurtosis", "Minimum",
                "Maximum"), null);
        // values 1, 2, 3, 10: mean 4, deviations -3 -2 -1 6; m2 = 50, m3 = -27-8-1+216 = 180, m4 = 81+16+1+1296
        assertThat(row(f, "Count", 1)).containsExactly(4);
        assertThat(row(f, "Sum", 1)).containsExactly(16);
        assertThat(row(f, "Mean", 1)).containsExactly(4);
        assertThat(row(f, "Variance", 1)[0]).isCloseTo(12.5, within(1e-12));
        assertThat(row(f, "Skewness", 1)[0]).isCloseTo(Math.sqrt(4) * 180 / Math.pow(50, 1.5), within(1e-12));
        assertThat(row(f, "Kurtosis", 1)[0]).isCloseTo(4.0 * 1394 / 2500 - 3, within(1e-12));
        assertThat(row(f, "Minimum", 1)).containsExactly(1);
        assertThat(row(f, "Maximum", 1)).containsExactly(10);
        assertThat(row(f, "Count", 0)).containsExactly(0); // background row forced to 0
        assertThat(row(f, "Count", 2)).containsExactly(1);
    }

    @Test
    void coordinatesAreXyWithExclusiveMaximum() {
        ObjectFeatures f = compute(List.of("RegionCenter", "Coord<Minimum>", "Coord<Maximum>"), null);
        // pixels (x, y): (1,0) (2,0) (1,1) (1,2)
        assertThat(row(f, "RegionCenter", 1)).containsExactly(1.25, 0.75);
        assertThat(row(f, "Coord<Minimum>", 1)).containsExactly(1, 0);
        assertThat(row(f, "Coord<Maximum>", 1)).containsExactly(3, 3);
    }

    @Test
    void principalAxesAndRadii() {
        ObjectFeatures f = compute(List.of("RegionRadii", "RegionAxes"), null);
        // centred coordinates x: -.25 .75 -.25 -.25, y: -.75 -.75 .25 1.25
        // scatter: xx = .75, yy = 2.75, xy = .1875-.5625-.0625-.3125 = -.75
        double xx = 0.75;
        double yy = 2.75;
        double xy = -0.75;
        double tr = xx + yy;
        double det = xx * yy - xy * xy;
        double l1 = tr / 2 + Math.sqrt(tr * tr / 4 - det);
        double l2 = tr / 2 - Math.sqrt(tr * tr / 4 - det);
        assertThat(row(f, "RegionRadii", 1)).containsExactly(new double[] {Math.sqrt(l1 / 4), Math.sqrt(l2 / 4)},
                within(1e-12));
        double[] axes = row(f, "RegionAxes", 1);
        // column 0 (entries 0 and 2) is the major axis: (xx - l1) vx + xy vy = 0
        double[] major = {axes[0], axes[2]};
        double[] minor = {axes[1], axes[3]};
        assertThat((xx - l1) * major[0] + xy * major[1]).isCloseTo(0, within(1e-12));
        assertThat((xx - l2) * minor[0] + xy * minor[1]).isCloseTo(0, within(1e-12));
        assertThat(major[0] * major[0] + major[1] * major[1]).isCloseTo(1, within(1e-12));
    }

    @Test
    void quantilesFollowTheSixtyFourBinRecipe() {
        ObjectFeatures f = compute(List.of("Quantiles"), null);
        // object-pixel range over both objects: lo 1, hi 10, scale 64/9; object 1: values 1 2 3 10 -> bins 0 7 14 63
        double scale = 64.0 / 9;
        // key points: map(1)=0 ->(0,0); bin0: (1,1); bin7: (7,1),(8,2); bin14: (14,2),(15,3); bin63: (63,3),(64,4)
        // then map(10) = 64 -> last entry replaced by (64, 4)
        double[] kp = {0, 1, 7, 8, 14, 15, 63, 64};
        double[] ch = {0, 1, 1, 2, 2, 3, 3, 4};
        double[] qs = {0.1, 0.25, 0.5, 0.75, 0.9};
        double[] expected = new double[7];
        expected[0] = 1;
        expected[6] = 10;
        for (int q = 0; q < qs.length; q++) {
            double c = 4 * qs[q];
            int p = 0;
            while (!(ch[p] < c && c <= ch[p + 1])) {
                p++;
            }
            double u = kp[p] + (c - ch[p]) / (ch[p + 1] - ch[p]) * (kp[p + 1] - kp[p]);
            expected[q + 1] = u / scale + 1;
        }
        assertThat(row(f, "Quantiles", 1)).containsExactly(expected, within(1e-12));
    }

    @Test
    void meanInNeighborhoodUsesEuclideanDistanceBelowTheMargin() {
        ObjectFeatures f = compute(List.of("Mean in neighborhood", "Mean in object and neighborhood"),
                new long[] {1, 1});
        // margin 1: ring = pixels at distance < 1, i.e. none except... distance 1 is not < 1: empty ring for
        // margin 1 gives NaN; object-and-ring = the object itself
        assertThat(row(f, "Mean in object and neighborhood", 1)).containsExactly(4);
        ObjectFeatures g = compute(List.of("Mean in neighborhood"), new long[] {2, 2});
        // margin 2: ring = non-object pixels at distance 1 (4-neighbours) of object 1: (0,0)=9 (0,3)=9 (1,0)=9
        // (1,2)=9 (2,0)=9 (2,2)=9; diagonal ones at sqrt(2) < 2 too: (1,3)? neighbours of (0,2) diag: (1,3)=9;
        // every ring pixel of this frame inside distance < 2 is 9 except (2,3)=5 (distance from (1,... ) sqrt(5)
        // from (2,1)? (2,3)-(2,1) = 2: not < 2; (2,3)-(1,1): sqrt(5); (2,3)-(0,2): sqrt(5)) -> excluded
        assertThat(row(g, "Mean in neighborhood", 1)).containsExactly(9);
    }
}
