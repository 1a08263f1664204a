package org.jilastik.workflow.counting;

import java.util.List;

/**
 * The stored counting model: the regressor wrappers of {@code Counting/CountingWrappers}, in name order, each
 * holding its regressors ({@code null} for one ilastik left untrained, which predicts 0). The density of a pixel
 * is the mean over the wrappers of each wrapper's mean over its regressors, every prediction clipped at 0 first
 * (spec counting §2); the result is rounded to float32 once, at the end. Immutable, thread safe.
 *
 * @param wrappers the wrappers' regressors, in wrapper order
 */
public record CountingModel(List<List<DensityRegressor>> wrappers) {
    /** Copies the lists (null entries kept); requires at least one wrapper. */
    public CountingModel {
        wrappers = wrappers.stream().map(w -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(w)))
                .toList();
        if (wrappers.isEmpty() || wrappers.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a counting model without regressors");
        }
    }

    /** The feature count the regressors expect (the largest over them), or -1 when none says. */
    public int featureCount() {
        int f = -1;
        for (List<DensityRegressor> w : wrappers) {
            for (DensityRegressor r : w) {
                if (r != null) {
                    f = Math.max(f, r.featureCount());
                }
            }
        }
        return f;
    }

    /**
     * The density of {@code pixels} pixels.
     *
     * @param features     pixel-major float32 features, {@code featureCount} per pixel
     * @param featureCount features per pixel
     * @param pixels       the number of pixels
     * @return one float32 density per pixel (a new array)
     */
    public float[] density(float[] features, int featureCount, int pixels) {
        float[] out = new float[pixels];
        density(features, featureCount, 0, pixels, out);
        return out;
    }

    /** Like {@link #density(float[], int, int)} for pixels {@code from .. from+count-1}, into {@code out}. */
    public void density(float[] features, int featureCount, int from, int count, float[] out) {
        for (int p = from; p < from + count; p++) {
            int offset = p * featureCount;
            double sum = 0;
            for (List<DensityRegressor> w : wrappers) {
                double inner = 0;
                for (DensityRegressor r : w) {
                    inner += r == null ? 0 : Math.max(0, r.predict(features, offset));
                }
                sum += w.size() == 1 ? inner : inner / w.size();
            }
            out[p] = (float) (wrappers.size() == 1 ? sum : sum / wrappers.size());
        }
    }
}
