package org.jilastik.workflow.counting;

/**
 * One stored counting regressor: maps a pixel's feature vector to its predicted density. Implementations are
 * immutable and thread safe.
 */
public interface DensityRegressor {
    /**
     * The regressor's raw prediction for one pixel (before ilastik clips negative values to 0).
     *
     * @param features pixel-major float32 features (pixel i's channels contiguous)
     * @param offset   index of the pixel's first feature
     */
    double predict(float[] features, int offset);

    /** Number of features the regressor expects. */
    int featureCount();
}
