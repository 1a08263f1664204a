package org.jilastik.workflow.tracking.graph;

/**
 * The spatio-temporal extent used for appearance/disappearance border factors (spec tracking §2.6): frames
 * 0..T−1 and per spatial axis the interval [0, scale·(size − 1)]. Immutable.
 */
public final class FieldOfView {
    private final int lastFrame;
    private final double[] upper;      // x, y[, z]
    private final double[] scales;
    private final int borderAwareWidth;

    /**
     * @param frameCount       number of frames T
     * @param frameShape       spatial shape in C order ({@code [y, x]} or {@code [z, y, x]})
     * @param scales           per-axis scales x, y, z (at least as many as spatial axes)
     * @param borderAwareWidth border zone width in pixels (≤ 0: factor 1 everywhere inside the time range)
     */
    public FieldOfView(int frameCount, long[] frameShape, double[] scales, int borderAwareWidth) {
        this.lastFrame = frameCount - 1;
        int d = frameShape.length;
        this.upper = new double[d];
        this.scales = scales.clone();
        for (int i = 0; i < d; i++) {
            upper[i] = scales[i] * (frameShape[d - 1 - i] - 1);
        }
        this.borderAwareWidth = borderAwareWidth;
    }

    /** Border factor of an appearance ({@code appearance}) or disappearance of an object at {@code center}. */
    public double factor(int frame, double[] center, boolean appearance) {
        if (appearance ? frame <= 0 : frame >= lastFrame) {
            return 0.0;
        }
        if (borderAwareWidth <= 0) {
            return 1.0;
        }
        double d = Double.POSITIVE_INFINITY;
        for (int i = 0; i < upper.length; i++) {
            double c = center[i] * scales[i];
            d = Math.min(d, Math.min(c, upper[i] - c));
        }
        return Math.min(1.0, d / borderAwareWidth);
    }
}
