package org.jilastik.forest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Simple Segmentation and Uncertainty formulas (spec pixel-classification §5). */
class ProbabilityMapsTest {
    @Test
    void segmentationIsOneBasedArgmaxWithFirstMaximumWinning() {
        float[] p = {0.5f, 0.5f, 0f, 0.5f, 0.5f, 0f, 0.3f, 0.7f};
        assertThat(ProbabilityMaps.simpleSegmentation(new float[] {0.5f, 0.5f, 0.2f, 0.8f, 0f, 0f}, 2))
                .containsExactly(1, 2, 1);
        assertThat(ProbabilityMaps.simpleSegmentation(new float[] {0f, 0.5f, 0.5f, 0.48f, 0.04f, 0.48f}, 3))
                .containsExactly(2, 1);
        assertThat(ProbabilityMaps.simpleSegmentation(p, 1)).hasSize(8);
    }

    @Test
    void uncertaintyIsOneMinusTheMarginOfTheTwoLargest() {
        float[] u = ProbabilityMaps.uncertainty(new float[] {0.5f, 0.5f, 0.2f, 0.8f, 0.1f, 0.3f, 0.6f, 1f, 0f, 0f}, 2);
        assertThat(u).containsExactly(1f, 1f - (0.8f - 0.2f), 1f - (0.3f - 0.1f), 1f - (1f - 0.6f), 1f);
        assertThat(ProbabilityMaps.uncertainty(new float[] {0.1f, 0.6f, 0.3f}, 3)).containsExactly(1f - (0.6f - 0.3f));
        assertThat(ProbabilityMaps.uncertainty(new float[] {0.4f, 1f}, 1)).containsExactly(0f, 0f);
    }
}
