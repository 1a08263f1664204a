package org.jilastik.workflow.counting;

/**
 * ilastik's linear counting regressors ({@code RegressorGurobi}, {@code RegressorC}): the prediction is
 * {@code [x', 1] · w} with {@code x'_j = float32(x_j * scaling_j)} (ilastik's normalisation meant to subtract the
 * minimum first but does not; that is reproduced). Immutable, thread safe.
 *
 * @param weights F + 1 weights, the last one the bias
 * @param scaling F per-feature scaling factors (all 1 when the wrapper stores none)
 */
public record LinearRegressor(double[] weights, double[] scaling) implements DensityRegressor {
    /** Checks the lengths. */
    public LinearRegressor {
        if (weights.length != scaling.length + 1) {
            throw new IllegalArgumentException("a linear regressor with " + weights.length + " weights for "
                    + scaling.length + " features");
        }
    }

    @Override
    public double predict(float[] features, int offset) {
        double sum = 0;
        for (int j = 0; j < scaling.length; j++) {
            sum += (double) (float) (features[offset + j] * scaling[j]) * weights[j];
        }
        return sum + weights[scaling.length];
    }

    @Override
    public int featureCount() {
        return scaling.length;
    }
}
