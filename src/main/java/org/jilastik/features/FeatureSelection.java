package org.jilastik.features;

import java.util.List;

/**
 * Which pixel features to compute, as a project's {@code FeatureSelections} group stores them.
 *
 * @param featureIds  row names in stored order, e.g. {@code GaussianSmoothing, LaplacianOfGaussian, ...}
 * @param scales      column sigmas in pixels, stored order
 * @param selected    {@code selected[i][j]}: compute feature i at scale j
 * @param computeIn2d per scale: filter each z-slice in 2-D; {@code null} when the project does not store it
 *                    (ilastik 1.2 era; then all-true for data without z, all-false otherwise)
 */
public record FeatureSelection(List<String> featureIds, double[] scales, boolean[][] selected, boolean[] computeIn2d) {
    /** Number of selected (feature, scale) cells. */
    public int selectedCount() {
        int n = 0;
        for (boolean[] row : selected) {
            for (boolean b : row) {
                if (b) {
                    n++;
                }
            }
        }
        return n;
    }
}
