package org.jilastik.workflow.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.jilastik.error.JilastikException;
import org.jilastik.project.ObjectSettings.ThresholdSettings;
import org.junit.jupiter.api.Test;

/** The threshold step against hand-computed cases (no ilastik reference outputs exist for it). */
class ThresholdingTest {
    private static final double[] NO_SMOOTHING = {0.0, 0.0, 0.0};

    @Test
    void simpleThresholdKeepsValuesAtTheLowLevelAndFiltersSizes() {
        // 1x3x5 frame, one channel; 0.5 is kept (>=), the single pixel is below MinSize 2
        float[] p = {
            0.5f, 0.6f, 0.0f, 0.9f, 0.0f,
            0.0f, 0.0f, 0.0f, 0.0f, 0.0f,
            0.7f, 0.7f, 0.7f, 0.0f, 0.49f};
        ThresholdSettings s = new ThresholdSettings(0, 2, 1000, 0.8, 0.5, NO_SMOOTHING, 0, 0);
        int[] out = Thresholding.apply(p, 1, new int[] {1, 3, 5}, s, null);
        assertThat(out).containsExactly(
                1, 1, 0, 0, 0,
                0, 0, 0, 0, 0,
                3, 3, 3, 0, 0);
    }

    @Test
    void maxSizeIsInclusive() {
        assertThat(Thresholding.sizeFilter(new int[] {1, 1, 2, 2, 2, 3}, 2, 3)).containsExactly(1, 1, 2, 2, 2, 0);
        assertThat(Thresholding.sizeFilter(new int[] {1, 1, 2, 2, 2}, 1, 2)).containsExactly(1, 1, 0, 0, 0);
    }

    @Test
    void hysteresisKeepsLowRegionsThatContainACore() {
        // two low regions; only the left one holds pixels >= 0.8 (a core of 2 pixels); the right one's core
        // pixel is a single pixel, removed by MinSize 2 before the overlap test
        float[] p = {
            0.6f, 0.9f, 0.9f, 0.0f, 0.6f, 0.95f,
            0.6f, 0.6f, 0.0f, 0.0f, 0.6f, 0.6f};
        ThresholdSettings s = new ThresholdSettings(1, 2, 1000, 0.8, 0.5, NO_SMOOTHING, 0, 0);
        int[] out = Thresholding.apply(p, 1, new int[] {1, 2, 6}, s, null);
        assertThat(out).containsExactly(
                1, 1, 1, 0, 0, 0,
                1, 1, 0, 0, 0, 0);
    }

    @Test
    void hysteresisWithTwoChannelsThresholdsTheSumAtTheLowLevel() {
        // channel 0 = final channel, channel 1 = core channel; final input = c0 + c1
        float[] p = {
            0.3f, 0.9f, 0.3f, 0.1f, 0.0f, 0.0f};
        ThresholdSettings s = new ThresholdSettings(1, 1, 1000, 0.8, 0.5, NO_SMOOTHING, 0, 1);
        int[] out = Thresholding.apply(p, 2, new int[] {1, 1, 3}, s, null);
        // sums 1.2, 0.4, 0.0: only the first pixel passes the low level; its core value 0.9 >= 0.8
        assertThat(out).containsExactly(1, 0, 0);
    }

    @Test
    void smoothingKernelHasRadiusTwoSigmaAndReflects() {
        double[] k = GaussianSmoothing.kernel(1.0, 2.0);
        assertThat(k).hasSize(5);
        double e1 = Math.exp(-0.5);
        double e2 = Math.exp(-2.0);
        double sum = 1 + 2 * e1 + 2 * e2;
        assertThat(k).containsExactly(new double[] {e2 / sum, e1 / sum, 1 / sum, e1 / sum, e2 / sum},
                within(1e-15));
        // an impulse at x = 1 of a 1x1x4 line: x = -1 reflects onto 1 and x = 5 onto 1 (no edge repeat)
        float[] out = GaussianSmoothing.along(new float[] {0, 1, 0, 0}, new int[] {1, 1, 4}, 2, 1.0, 2.0);
        assertThat((double) out[0]).isCloseTo(2 * k[1], within(1e-7));
        assertThat((double) out[1]).isCloseTo(k[2] + k[0], within(1e-7));
        assertThat((double) out[2]).isCloseTo(k[1], within(1e-7));
        assertThat((double) out[3]).isCloseTo(2 * k[0], within(1e-7));
        assertThat(GaussianSmoothing.reflect(-2, 4)).isEqualTo(2);
        assertThat(GaussianSmoothing.reflect(5, 4)).isEqualTo(1);
    }

    @Test
    void sigmaBelowOneTenthDisablesSmoothing() {
        float[] p = {0.0f, 1.0f, 0.0f};
        float[] out = Thresholding.smoothed(p, 1, 0, new int[] {1, 1, 3}, new double[] {0.05, 1.0, 1.0}, null);
        assertThat(out).containsExactly(0.0f, 1.0f, 0.0f);
    }

    @Test
    void graphCutIsRefusedClearly() {
        ThresholdSettings s = new ThresholdSettings(2, 1, 10, 0.8, 0.5, NO_SMOOTHING, 0, 0);
        assertThatThrownBy(() -> Thresholding.apply(new float[1], 1, new int[] {1, 1, 1}, s, null))
                .isInstanceOf(JilastikException.class).hasMessageContaining("graph-cut");
    }
}
