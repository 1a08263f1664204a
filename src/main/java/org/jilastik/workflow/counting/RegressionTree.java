package org.jilastik.workflow.counting;

/**
 * A scikit-learn regression tree flattened into parallel arrays indexed by node: {@code left[n]}, {@code right[n]}
 * ({@code -1} at leaves), the tested {@code feature[n]}, {@code threshold[n]} and the leaf {@code value[n]}
 * ({@code values[n, 0, 0]} of sklearn's tree). Evaluation follows sklearn: start at node 0; go left when the
 * float32 feature, widened to float64, is {@code <= threshold}. Immutable, thread safe.
 */
public final class RegressionTree {
    private final int[] left;
    private final int[] right;
    private final int[] feature;
    private final double[] threshold;
    private final double[] value;

    /**
     * @param left      left child per node, -1 at leaves (arrays are taken, not copied)
     * @param right     right child per node, -1 at leaves
     * @param feature   feature index per inner node
     * @param threshold split threshold per inner node
     * @param value     prediction per node (used at leaves)
     * @throws IllegalArgumentException if a child index is outside the tree or not after its parent
     */
    public RegressionTree(int[] left, int[] right, int[] feature, double[] threshold, double[] value) {
        int n = left.length;
        if (n == 0 || right.length != n || feature.length != n || threshold.length != n || value.length != n) {
            throw new IllegalArgumentException("a tree whose node arrays are empty or differ in length");
        }
        for (int i = 0; i < n; i++) {
            // sklearn stores children after their parent: this also rules out cycles
            boolean leaf = left[i] == -1;
            if (leaf != (right[i] == -1) || !leaf && (left[i] <= i || left[i] >= n || right[i] <= i
                    || right[i] >= n || feature[i] < 0)) {
                throw new IllegalArgumentException("a tree with an invalid node " + i);
            }
        }
        this.left = left;
        this.right = right;
        this.feature = feature;
        this.threshold = threshold;
        this.value = value;
    }

    /** The largest feature index an inner node tests, or -1 for a single leaf. */
    public int maxFeature() {
        int m = -1;
        for (int i = 0; i < left.length; i++) {
            if (left[i] != -1) {
                m = Math.max(m, feature[i]);
            }
        }
        return m;
    }

    /** The leaf value for the pixel whose features start at {@code features[offset]}. */
    public double predict(float[] features, int offset) {
        int n = 0;
        while (left[n] != -1) {
            n = (double) features[offset + feature[n]] <= threshold[n] ? left[n] : right[n];
        }
        return value[n];
    }
}
