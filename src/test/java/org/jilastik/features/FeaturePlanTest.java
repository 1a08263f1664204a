package org.jilastik.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.Box;
import org.jilastik.error.JilastikException;
import org.junit.jupiter.api.Test;

/** Channel order, names, halo and the too-small refusal of {@link FeaturePlan}. */
class FeaturePlanTest {
    private static final List<String> IDS = List.of("GaussianSmoothing", "LaplacianOfGaussian",
            "GaussianGradientMagnitude", "DifferenceOfGaussians", "StructureTensorEigenvalues",
            "HessianOfGaussianEigenvalues");
    private static final double[] SCALES = {0.3, 0.7, 1.0, 1.6, 3.5, 5.0, 10.0};

    private static FeatureSelection select(boolean[] in2d, int[]... cells) {
        boolean[][] m = new boolean[6][7];
        for (int[] c : cells) {
            m[c[0]][c[1]] = true;
        }
        return new FeatureSelection(IDS, SCALES, m, in2d);
    }

    @Test
    void channelOrderIsFeatureThenScaleThenInputChannelThenEigenvalue() {
        FeatureSelection sel = select(null, new int[] {5, 2}, new int[] {0, 1}, new int[] {0, 0});
        FeaturePlan p = FeaturePlan.of(sel, Axes.of("yxc"), new long[] {50, 60, 2});
        assertThat(p.channelNames()).containsExactly(
                "Gaussian Smoothing (σ=0.3) in 2D [0]", "Gaussian Smoothing (σ=0.3) in 2D [1]",
                "Gaussian Smoothing (σ=0.7) in 2D [0]", "Gaussian Smoothing (σ=0.7) in 2D [1]",
                "Hessian of Gaussian Eigenvalues (σ=1.0) in 2D [0]", "Hessian of Gaussian Eigenvalues (σ=1.0) in 2D [1]",
                "Hessian of Gaussian Eigenvalues (σ=1.0) in 2D [2]", "Hessian of Gaussian Eigenvalues (σ=1.0) in 2D [3]");
        assertThat(p.channelCount()).isEqualTo(8);
    }

    @Test
    void threeDimensionalScalesHaveNoSuffixAndThreeEigenvalues() {
        boolean[] in2d = {false, true, false, false, false, false, false};
        FeatureSelection sel = select(in2d, new int[] {4, 1}, new int[] {4, 2}, new int[] {2, 6});
        FeaturePlan p = FeaturePlan.of(sel, Axes.of("zyx"), new long[] {40, 40, 40});
        assertThat(p.channelNames()).containsExactly(
                "Gaussian Gradient Magnitude (σ=10.0)", "Structure Tensor Eigenvalues (σ=0.7) in 2D [0]", "Structure Tensor Eigenvalues (σ=0.7) in 2D [1]",
                "Structure Tensor Eigenvalues (σ=1.0) [0]", "Structure Tensor Eigenvalues (σ=1.0) [1]",
                "Structure Tensor Eigenvalues (σ=1.0) [2]");
    }

    @Test
    void refusesAnImageTooSmallForTheLargestScale() {
        boolean[] in2d = new boolean[7];
        FeatureSelection sel = select(in2d, new int[] {2, 6});
        // σ 10 in 3-D needs ceil(35) + 1 = 36 pixels on z
        assertThatThrownBy(() -> FeaturePlan.of(sel, Axes.of("zyx"), new long[] {20, 40, 40}))
                .isInstanceOf(JilastikException.class)
                .hasMessage("the image is too small for the pixel feature scale σ=10.0: axis z has 20 pixels but that "
                        + "scale needs at least 36; select smaller scales or compute that scale in 2D (ComputeIn2d).")
                .extracting(e -> ((JilastikException) e).exitCode()).isEqualTo(JilastikException.PROCESSING);
        assertThatThrownBy(() -> FeaturePlan.of(sel, Axes.of("yx"), new long[] {35, 400}))
                .hasMessageContaining("axis y has 35 pixels but that scale needs at least 36");
        // in 2-D the same z is fine
        boolean[] all2d = {true, true, true, true, true, true, true};
        assertThat(FeaturePlan.of(select(all2d, new int[] {2, 6}), Axes.of("zyx"), new long[] {20, 40, 40})
                .channelCount()).isEqualTo(1);
    }

    @Test
    void haloIsTheFiltersReachAndNeverMoreThanIlastiks() {
        // the 41-channel set of new-2d-1ch-3class: largest σ 5 → pre-smoothing radius 17 + structure tensor 1 + 2
        boolean[][] m = new boolean[6][7];
        for (int i = 0; i < 6; i++) {
            for (int j = i == 0 ? 0 : 1; j < 6; j++) {
                m[i][j] = true;
            }
        }
        FeaturePlan p = FeaturePlan.of(new FeatureSelection(IDS, SCALES, m, null), Axes.of("yx"),
                new long[] {100, 100});
        assertThat(p.channelCount()).isEqualTo(41);
        assertThat(p.halo()).containsExactly(20, 20);
        assertThat(p.halo()[0]).isLessThanOrEqualTo((long) Math.ceil(3.5 * 5.0) + 3);
        // time and channel axes get no halo; z none when every selected scale is 2-D
        FeaturePlan t = FeaturePlan.of(select(new boolean[] {true, true, true, true, true, true, true},
                new int[] {0, 1}), Axes.of("tzyxc"), new long[] {3, 10, 30, 30, 2});
        assertThat(t.halo()).containsExactly(0, 0, 3, 3, 0);
        assertThat(t.inputBox(new Box(new long[] {1, 2, 10, 10, 0}, new long[] {2, 3, 12, 12, 2})))
                .isEqualTo(new Box(new long[] {1, 2, 7, 7, 0}, new long[] {2, 3, 15, 15, 2}));
    }

    @Test
    void pythonStyleScaleNames() {
        assertThat(FeaturePlan.pythonFloat(0.3)).isEqualTo("0.3");
        assertThat(FeaturePlan.pythonFloat(1.0)).isEqualTo("1.0");
        assertThat(FeaturePlan.pythonFloat(10.0)).isEqualTo("10.0");
        assertThat(FeaturePlan.pythonFloat(1.6)).isEqualTo("1.6");
        assertThat(FeaturePlan.pythonFloat(0.00001)).isEqualTo("1e-05");
        assertThat(FeaturePlan.pythonFloat(0.0005)).isEqualTo("0.0005");
        assertThat(FeaturePlan.pythonFloat(1234.5)).isEqualTo("1234.5");
        assertThat(FeaturePlan.pythonFloat(12345678.5)).isEqualTo("12345678.5");
    }

    @Test
    void unknownFeatureIdIsRefused() {
        FeatureSelection sel = new FeatureSelection(List.of("Sharpness"), new double[] {1.0},
                new boolean[][] {{true}}, null);
        assertThatThrownBy(() -> FeaturePlan.of(sel, Axes.of("yx"), new long[] {10, 10}))
                .isInstanceOf(JilastikException.class).hasMessageContaining("\"Sharpness\"");
    }
}
