package org.jilastik.features;

import java.util.List;

/**
 * The work of one selected scale column of a {@link FeaturePlan}: pre-smoothing, then every selected feature
 * of that column on the pre-smoothed image (spec §2.2).
 *
 * @param column     index of the column in the project's {@code Scales}
 * @param nominal    the stored scale σ (pixels)
 * @param in2d       filter each z slice on its own (no pass along z); always true for images without z
 * @param dims       2 or 3: dimensionality of the filters (eigenvalue count)
 * @param preSigma   pre-smoothing σ (window ratio 3.5): nominal if ≤ 1, else sqrt(nominal² − 1)
 * @param featureSigma the σ the features use (window ratio 2.0): nominal if ≤ 1, else 1
 * @param outputs    the selected features of this column with their first output channel
 * @param featureRadius pixels the features read around an output pixel on the pre-smoothed image
 * @param halo       pixels of raw input needed around an output pixel along each filtered axis
 */
record ScaleStep(int column, double nominal, boolean in2d, int dims, double preSigma, double featureSigma,
                 List<Output> outputs, int featureRadius, int halo) {

    /**
     * One selected (feature, scale) cell.
     *
     * @param feature     the feature
     * @param firstChannel index of its first output channel; input channel c, sub-channel k is at
     *                    {@code firstChannel + c·channelsPerInput + k}
     */
    record Output(FeatureId feature, int firstChannel) {
    }

    /** Whether this step computes {@code f}. */
    boolean has(FeatureId f) {
        for (Output o : outputs) {
            if (o.feature() == f) {
                return true;
            }
        }
        return false;
    }
}
