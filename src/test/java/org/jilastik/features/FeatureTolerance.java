package org.jilastik.features;

import java.util.List;

/**
 * The Features tolerance of testdata/README.md over whole arrays:
 * {@code |ours − ref| ≤ 2e-4·(1 + |ref|) + 5e-4·(1 + M)}, M = largest |ref| of the channel (for eigenvalue
 * features: of the channels of that feature, scale and input channel together).
 */
final class FeatureTolerance {
    private FeatureTolerance() {
    }

    /** The worst value found: its ratio to the allowed deviation (≤ 1 passes) and where it is. */
    record Worst(double ratio, int pixel, int channel, String name, float ours, float ref, double maxAbsDiff) {
        @Override
        public String toString() {
            return String.format("worst %.3f of the allowed deviation at pixel %d channel %d (%s): ours %.7g, ref %.7g;"
                    + " largest |diff| %.3g", ratio, pixel, channel, name, ours, ref, maxAbsDiff);
        }
    }

    /**
     * Compares two {@code [pixel][channel]} arrays (channel fastest).
     *
     * @param eigenGroup channel → number of channels of its eigenvalue group (1 for other features); groups are
     *                   consecutive channels
     */
    static Worst compare(float[] ours, float[] ref, int channels, List<String> names, int[] eigenGroup) {
        int pixels = ref.length / channels;
        double[] m = new double[channels];
        for (int i = 0; i < pixels; i++) {
            for (int c = 0; c < channels; c++) {
                m[c] = Math.max(m[c], Math.abs(ref[i * channels + c]));
            }
        }
        double[] groupMax = m.clone();
        for (int c = 0; c < channels; ) {
            int g = eigenGroup[c];
            double mx = 0;
            for (int k = 0; k < g; k++) {
                mx = Math.max(mx, m[c + k]);
            }
            for (int k = 0; k < g; k++) {
                groupMax[c + k] = mx;
            }
            c += g;
        }
        Worst worst = new Worst(-1, -1, -1, "", 0, 0, 0);
        double maxAbs = 0;
        for (int i = 0; i < pixels; i++) {
            for (int c = 0; c < channels; c++) {
                float o = ours[i * channels + c];
                float r = ref[i * channels + c];
                double diff = Math.abs((double) o - r);
                if (Double.isNaN(diff)) {
                    diff = Double.POSITIVE_INFINITY;
                }
                maxAbs = Math.max(maxAbs, diff);
                double allowed = 2e-4 * (1 + Math.abs(r)) + 5e-4 * (1 + groupMax[c]);
                double ratio = diff / allowed;
                if (ratio > worst.ratio()) {
                    worst = new Worst(ratio, i, c, names.get(c), o, r, 0);
                }
            }
        }
        return new Worst(worst.ratio(), worst.pixel(), worst.channel(), worst.name(), worst.ours(), worst.ref(), maxAbs);
    }
}
