package org.jilastik.forest;

/**
 * The export sources derived from probabilities (spec pixel-classification §5): Simple Segmentation and
 * Uncertainty. Pure functions on pixel-major arrays (pixel i's C channels at {@code [i·C, (i+1)·C)}); the caller
 * owns all arrays. Thread safe.
 */
public final class ProbabilityMaps {
    private ProbabilityMaps() {
    }

    /**
     * Simple Segmentation: {@code argmax_c(P) + 1} as uint8, the first maximum winning ties (an all-zero pixel
     * gives 1). One value per pixel.
     *
     * @param probabilities pixel-major, {@code channels} per pixel
     * @param channels      C, 1..255
     */
    public static byte[] simpleSegmentation(float[] probabilities, int channels) {
        checkChannels(probabilities, channels);
        if (channels > 255) {
            throw new IllegalArgumentException("Simple Segmentation is uint8; " + channels + " classes do not fit");
        }
        int n = probabilities.length / channels;
        byte[] out = new byte[n];
        for (int i = 0, o = 0; i < n; i++, o += channels) {
            int best = 0;
            float max = probabilities[o];
            for (int c = 1; c < channels; c++) {
                if (probabilities[o + c] > max) {
                    max = probabilities[o + c];
                    best = c;
                }
            }
            out[i] = (byte) (best + 1);
        }
        return out;
    }

    /**
     * Uncertainty: {@code 1 − (P_max − P_second)} in float32, where P_second is the second largest value
     * (equal to P_max on ties); 0 when there is only one channel. One value per pixel.
     */
    public static float[] uncertainty(float[] probabilities, int channels) {
        checkChannels(probabilities, channels);
        int n = probabilities.length / channels;
        float[] out = new float[n];
        if (channels < 2) {
            return out;
        }
        for (int i = 0, o = 0; i < n; i++, o += channels) {
            float first = Float.NEGATIVE_INFINITY;
            float second = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < channels; c++) {
                float p = probabilities[o + c];
                if (p > first) {
                    second = first;
                    first = p;
                } else if (p > second) {
                    second = p;
                }
            }
            out[i] = 1f - (first - second);
        }
        return out;
    }

    private static void checkChannels(float[] probabilities, int channels) {
        if (channels < 1 || probabilities.length % channels != 0) {
            throw new IllegalArgumentException(probabilities.length + " values are not whole pixels of "
                    + channels + " channels");
        }
    }
}
