package org.jilastik.workflow.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tree descent, forest averaging, the linear regressor's normalisation and the wrappers' mean and clipping. */
class RegressorsTest {
    // node 0: f1 <= 0.5 ? node 1 : node 2; node 2: f0 <= -1 ? node 3 : node 4
    private static RegressionTree tree(double leaf1, double leaf3, double leaf4) {
        return new RegressionTree(new int[] {1, -1, 3, -1, -1}, new int[] {2, -1, 4, -1, -1},
                new int[] {1, -2, 0, -2, -2}, new double[] {0.5, -2, -1, -2, -2},
                new double[] {9, leaf1, 9, leaf3, leaf4});
    }

    @Test
    void treesGoLeftOnEqualityAndCompareInFloat64() {
        RegressionTree t = tree(1, 3, 4);
        assertThat(t.predict(new float[] {0, 0.5f}, 0)).isEqualTo(1);
        assertThat(t.predict(new float[] {-1, 0.50001f}, 0)).isEqualTo(3);
        assertThat(t.predict(new float[] {7, 7, -0.999f, 0.6f}, 2)).isEqualTo(4);
        // float32(0.1) > 0.1 as float64: the widened feature goes right of a 0.1 threshold
        RegressionTree s = new RegressionTree(new int[] {1, -1, -1}, new int[] {2, -1, -1}, new int[] {0, -2, -2},
                new double[] {0.1, -2, -2}, new double[] {0, 10, 20});
        assertThat(s.predict(new float[] {0.1f}, 0)).isEqualTo(20);
        assertThat(t.maxFeature()).isEqualTo(1);
    }

    @Test
    void invalidTreesAreRefused() {
        assertThatThrownBy(() -> new RegressionTree(new int[] {0, -1}, new int[] {1, -1}, new int[] {0, 0},
                new double[2], new double[2])).hasMessageContaining("invalid node 0");
        assertThatThrownBy(() -> new RegressionTree(new int[] {1}, new int[] {2}, new int[] {0}, new double[1],
                new double[1])).hasMessageContaining("invalid node 0");
    }

    @Test
    void forestsAverageTheirTreesAndWrappersAverageAndClip() {
        ForestRegressor f = new ForestRegressor(List.of(tree(1, 3, 4), tree(2, 5, -10)), 2);
        float[] x = {0, 0, -5, 1, 5, 1};
        assertThat(f.predict(x, 0)).isEqualTo(1.5);
        assertThat(f.predict(x, 2)).isEqualTo(4.0);
        assertThat(f.predict(x, 4)).isEqualTo(-3.0);
        // one wrapper: its value itself (not divided by 4), negatives clipped to 0
        CountingModel one = new CountingModel(List.of(List.of(f)));
        assertThat(one.density(x, 2, 3)).containsExactly(1.5f, 4f, 0f);
        // two wrappers, one of which ilastik left untrained (None): the mean over both
        CountingModel two = new CountingModel(List.of(List.of(f), Arrays.asList((DensityRegressor) null)));
        assertThat(two.density(x, 2, 3)).containsExactly(0.75f, 2f, 0f);
        assertThat(two.featureCount()).isEqualTo(2);
    }

    @Test
    void linearRegressorScalesWithoutSubtractingTheMinimum() {
        LinearRegressor r = new LinearRegressor(new double[] {2, -1, 0.5}, new double[] {0.5, 2});
        assertThat(r.predict(new float[] {4, 1}, 0)).isEqualTo(4 * 0.5 * 2 - 1 * 2 + 0.5);
        assertThat(r.featureCount()).isEqualTo(2);
    }
}
