package org.jilastik.workflow.objects;

/**
 * One-axis Gaussian smoothing as vigra's {@code gaussianSmoothing} with a window ratio: kernel radius
 * {@code (int)(window·σ + 0.5)}, weights {@code exp(−x²/2σ²)} normalised to sum 1, reflective border (mirror
 * without repeating the edge pixel), sums in double, float32 result. Stateless, thread safe.
 */
public final class GaussianSmoothing {
    private GaussianSmoothing() {
    }

    /** The normalised kernel, {@code 2r+1} taps, centre at {@code r}. */
    public static double[] kernel(double sigma, double window) {
        int r = (int) (window * sigma + 0.5);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-(double) i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /** Smooths {@code v} (flat {@code [z][y][x]}) along axis {@code axis} (0 = z, 1 = y, 2 = x); a new array. */
    public static float[] along(float[] v, int[] shape, int axis, double sigma, double window) {
        double[] k = kernel(sigma, window);
        int r = k.length / 2;
        int len = shape[axis];
        int stride = axis == 2 ? 1 : axis == 1 ? shape[2] : shape[1] * shape[2];
        float[] out = new float[v.length];
        double[] line = new double[len];
        int lines = v.length / len;
        for (int l = 0; l < lines; l++) {
            // base index of line l: enumerate all positions with coordinate 0 along the axis
            int outer = l / stride;
            int inner = l % stride;
            int base = outer * stride * len + inner;
            for (int i = 0; i < len; i++) {
                line[i] = v[base + i * stride];
            }
            for (int i = 0; i < len; i++) {
                double acc = 0;
                for (int j = -r; j <= r; j++) {
                    acc += k[j + r] * line[reflect(i - j, len)];
                }
                out[base + i * stride] = (float) acc;
            }
        }
        return out;
    }

    static int reflect(int i, int len) {
        if (len == 1) {
            return 0;
        }
        int period = 2 * (len - 1);
        int m = Math.floorMod(i, period);
        return m < len ? m : period - m;
    }
}
