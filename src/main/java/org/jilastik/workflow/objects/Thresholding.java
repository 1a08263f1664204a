package org.jilastik.workflow.objects;

import org.jilastik.error.JilastikException;
import org.jilastik.project.ObjectSettings.ThresholdSettings;

/**
 * ilastik's threshold step of the prediction-map workflows (spec object-classification §3) on one frame:
 * optional rescaling by the input range, Gaussian smoothing (kernel radius 2σ, reflective border) of the used
 * channels over the non-singleton spatial axes, then the simple or the hysteresis (two-level) threshold with
 * connected components and the size filter. The result is a label image with gaps (not renumbered); the object
 * step labels it again.
 *
 * <p>Layout: {@code maps} flat {@code [z][y][x][c]}, result flat {@code [z][y][x]}. Stateless, thread safe.
 * Graph-cut and identity-preserving hysteresis are not implemented (a clear error).
 */
public final class Thresholding {
    /** Method numbers of {@code CurOperator}. */
    public static final int SIMPLE = 0;
    /** Two-level (hysteresis) threshold. */
    public static final int HYSTERESIS = 1;

    private Thresholding() {
    }

    /**
     * Thresholds one frame.
     *
     * @param drange the input's data range {@code {lo, hi}} when known (values are rescaled to [0, 1] unless it
     *               is (0, 1)), or null
     * @throws JilastikException (processing) for a method jilastik does not implement or a channel out of range
     */
    public static int[] apply(float[] maps, int channels, int[] shape, ThresholdSettings s, double[] drange) {
        check(channels, s);
        int n = shape[0] * shape[1] * shape[2];
        float[] main = smoothed(maps, channels, s.channel(), shape, s.sigma(), drange);
        if (s.method() == SIMPLE) {
            int[] binary = new int[n];
            for (int i = 0; i < n; i++) {
                binary[i] = main[i] >= (float) s.low() ? 1 : 0;
            }
            int[] labels = ConnectedComponents.label(binary, shape).labels();
            return sizeFilter(labels, s.minSize(), s.maxSize());
        }
        float[] core = s.coreChannel() == s.channel() ? main
                : smoothed(maps, channels, s.coreChannel(), shape, s.sigma(), drange);
        float[] fin = main;
        if (s.coreChannel() != s.channel()) {
            fin = new float[n];
            for (int i = 0; i < n; i++) {
                fin[i] = main[i] + core[i];
            }
        }
        return hysteresis(core, fin, shape, (float) s.high(), (float) s.low(), s.minSize(), s.maxSize());
    }

    /**
     * Refuses the methods jilastik does not implement and channels the maps do not have.
     *
     * @throws JilastikException (processing) for either
     */
    static void check(int channels, ThresholdSettings s) {
        if (s.method() != SIMPLE && s.method() != HYSTERESIS) {
            throw JilastikException.processing("the project thresholds with the "
                    + (s.method() == 2 ? "graph-cut" : "identity-preserving hysteresis") + " method, which "
                    + "jilastik does not implement yet; choose the simple or hysteresis threshold in ilastik");
        }
        if (s.channel() >= channels || s.coreChannel() >= channels) {
            throw JilastikException.processing("the project thresholds channel " + Math.max(s.channel(),
                    s.coreChannel()) + " but the prediction maps have " + channels + " channels; give the "
                    + "prediction maps the project was trained with");
        }
    }

    /**
     * Whether the maps are smoothed: sigma {@code {x, y, z}} per axis, only non-singleton axes of {@code shape}
     * ({@code {z, y, x}}) count, and any of their sigmas below 0.1 turns smoothing off.
     */
    static boolean smooths(int[] shape, double[] sigma) {
        double[] s = {sigma[2], sigma[1], sigma[0]};
        for (int k = 0; k < 3; k++) {
            if (shape[k] > 1 && s[k] < 0.1) {
                return false;
            }
        }
        return true;
    }

    /**
     * The two-level threshold: cores = components of {@code core ≥ high} within the size limits; every
     * component of {@code fin ≥ low} that contains a core pixel is kept with its label, the rest removed; then
     * the size filter.
     */
    public static int[] hysteresis(float[] core, float[] fin, int[] shape, float high, float low, long minSize,
            long maxSize) {
        int n = core.length;
        int[] coreBinary = new int[n];
        int[] bigBinary = new int[n];
        for (int i = 0; i < n; i++) {
            coreBinary[i] = core[i] >= high ? 1 : 0;
            bigBinary[i] = fin[i] >= low ? 1 : 0;
        }
        int[] cores = sizeFilter(ConnectedComponents.label(coreBinary, shape).labels(), minSize, maxSize);
        ConnectedComponents.Labels big = ConnectedComponents.label(bigBinary, shape);
        boolean[] keep = new boolean[big.count() + 1];
        int[] labels = big.labels();
        for (int i = 0; i < n; i++) {
            if (cores[i] != 0) {
                keep[labels[i]] = true;
            }
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = keep[labels[i]] ? labels[i] : 0;
        }
        return sizeFilter(out, minSize, maxSize);
    }

    /** Removes (sets to 0) every label whose pixel count is below {@code min} or above {@code max}. */
    public static int[] sizeFilter(int[] labels, long min, long max) {
        int top = 0;
        for (int l : labels) {
            top = Math.max(top, l);
        }
        long[] size = new long[top + 1];
        for (int l : labels) {
            size[l]++;
        }
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            out[i] = l != 0 && size[l] >= min && size[l] <= max ? l : 0;
        }
        return out;
    }

    /** Channel {@code ch} as float32, rescaled by {@code drange}, smoothed with sigma {@code {x, y, z}}. */
    static float[] smoothed(float[] maps, int channels, int ch, int[] shape, double[] sigma, double[] drange) {
        int n = shape[0] * shape[1] * shape[2];
        float[] v = new float[n];
        boolean rescale = drange != null && !(drange[0] == 0 && drange[1] == 1);
        for (int i = 0; i < n; i++) {
            float x = maps[i * channels + ch];
            v[i] = rescale ? (float) ((x - drange[0]) / (drange[1] - drange[0])) : x;
        }
        // sigma per zyx axis; only non-singleton axes are smoothed, and any used sigma < 0.1 disables smoothing
        double[] s = {sigma[2], sigma[1], sigma[0]};
        if (!smooths(shape, sigma)) {
            return v;
        }
        for (int k = 2; k >= 0; k--) {
            if (shape[k] > 1) {
                v = GaussianSmoothing.along(v, shape, k, s[k], 2.0);
            }
        }
        return v;
    }
}
