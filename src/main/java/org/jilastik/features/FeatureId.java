package org.jilastik.features;

import org.jilastik.error.JilastikException;

/** ilastik's six pixel features, with the ids a project stores and the names its classifier stores. */
public enum FeatureId {
    GAUSSIAN_SMOOTHING("GaussianSmoothing", "Gaussian Smoothing", false),
    LAPLACIAN_OF_GAUSSIAN("LaplacianOfGaussian", "Laplacian of Gaussian", false),
    GAUSSIAN_GRADIENT_MAGNITUDE("GaussianGradientMagnitude", "Gaussian Gradient Magnitude", false),
    DIFFERENCE_OF_GAUSSIANS("DifferenceOfGaussians", "Difference of Gaussians", false),
    STRUCTURE_TENSOR_EIGENVALUES("StructureTensorEigenvalues", "Structure Tensor Eigenvalues", true),
    HESSIAN_OF_GAUSSIAN_EIGENVALUES("HessianOfGaussianEigenvalues", "Hessian of Gaussian Eigenvalues", true);

    private final String storedId;
    private final String displayName;
    private final boolean eigenvalues;

    FeatureId(String storedId, String displayName, boolean eigenvalues) {
        this.storedId = storedId;
        this.displayName = displayName;
        this.eigenvalues = eigenvalues;
    }

    /** The id in a project's {@code FeatureSelections/FeatureIds}, e.g. {@code "GaussianSmoothing"}. */
    public String storedId() {
        return storedId;
    }

    /** The name in channel names, e.g. {@code "Gaussian Smoothing"}. */
    public String displayName() {
        return displayName;
    }

    /** Whether the feature gives one channel per spatial dimension (eigenvalues) instead of one. */
    public boolean isEigenvalues() {
        return eigenvalues;
    }

    /** Output channels per input channel when filtering in {@code dims} (2 or 3) dimensions. */
    public int channelsPerInput(int dims) {
        return eigenvalues ? dims : 1;
    }

    /**
     * Looks up a stored id.
     *
     * @throws JilastikException (processing) naming the id and the known ones
     */
    public static FeatureId fromStoredId(String id) {
        String s = id.trim();
        for (FeatureId f : values()) {
            if (f.storedId.equals(s)) {
                return f;
            }
        }
        throw JilastikException.processing("The project selects the unknown pixel feature \"" + s
                + "\"; only GaussianSmoothing, LaplacianOfGaussian, GaussianGradientMagnitude, DifferenceOfGaussians, "
                + "StructureTensorEigenvalues and HessianOfGaussianEigenvalues are supported.");
    }
}
