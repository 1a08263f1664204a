package org.jilastik.workflow.objects;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code <F> in neighborhood} and {@code <F> in object and neighborhood} features of ilastik's standard
 * object-feature plugin (spec object-classification §5): for each object, a cut-out of its bounding box enlarged
 * by the margin (clipped to the frame) and a Euclidean distance transform to the object's pixels; the
 * neighbourhood is every pixel that is not the object's and lies strictly closer than the largest margin
 * (distances measured with pixel pitch {@code max_margin // margin} per axis, as ilastik does for anisotropic
 * margins). Pixels of other objects inside the ring belong to it (ilastik masks only the object itself).
 *
 * <p>Supported F: Mean, Variance, Skewness, Kurtosis, Minimum, Maximum, Sum. Objects are independent and are
 * computed in parallel by the caller if wanted; this class is stateless and thread safe.
 */
public final class NeighborhoodFeatures {
    /** The intensity statistics that have neighbourhood variants here. */
    public static final List<String> STATISTICS = List.of("Mean", "Variance", "Skewness", "Kurtosis", "Minimum",
            "Maximum", "Sum");
    /** Suffix of the ring-only variant (note the leading space). */
    public static final String RING = " in neighborhood";
    /** Suffix of the object-plus-ring variant. */
    public static final String OBJECT_AND_RING = " in object and neighborhood";

    private NeighborhoodFeatures() {
    }

    /**
     * Computes every neighbourhood feature in {@code names} for objects {@code first..last}.
     *
     * @param margin per-axis margin in vigra order {@code x, y(, z)}; a missing z entry counts as 0
     * @param out    receives, per feature name, {@code (count+1)·channels} values (rows first..last filled);
     *               arrays are created on first use when absent
     */
    public static void compute(FrameAccess frame, RegionAccumulator acc, List<String> names, int[] margin,
            int first, int last, Map<String, double[]> out) {
        int c = frame.channels();
        int[] shape = frame.shape();
        int mx = margin[0];
        int my = margin.length > 1 ? margin[1] : 0;
        int mz = margin.length > 2 ? margin[2] : 0;
        int maxMargin = Math.max(mx, Math.max(my, mz));
        if (acc.dims() == 2) {
            maxMargin = Math.max(mx, my);
        }
        // zyx order from here on
        int[] m = {acc.dims() == 3 ? mz : 0, my, mx};
        double[] pitch = new double[3];
        for (int k = 0; k < 3; k++) {
            pitch[k] = m[k] == 0 ? 1 : Math.floor((double) maxMargin / m[k]);
        }
        for (String n : names) {
            out.computeIfAbsent(n, k -> new double[(acc.count() + 1) * c]);
        }
        double limit = (double) maxMargin * maxMargin;
        for (int o = first; o <= last; o++) {
            if (acc.pixels[o] == 0) {
                continue;
            }
            int[] start = acc.boxStart(o);
            int[] stop = acc.boxStop(o);
            for (int k = 0; k < 3; k++) {
                start[k] = Math.max(0, start[k] - m[k]);
                stop[k] = Math.min(shape[k], stop[k] + m[k]);
            }
            int[] labels = frame.labels(start, stop);
            float[] raw = frame.raw(start, stop);
            int[] cut = {stop[0] - start[0], stop[1] - start[1], stop[2] - start[2]};
            double[] dist = DistanceTransform.squaredToObject(labels, o, cut, pitch);
            Moments ring = new Moments(c);
            Moments both = new Moments(c);
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < labels.length; i++) {
                    boolean inObject = labels[i] == o;
                    if (!inObject && !(dist[i] < limit)) {
                        continue;
                    }
                    if (!inObject) {
                        ring.add(raw, i * c, pass);
                    }
                    both.add(raw, i * c, pass);
                }
                ring.endPass(pass);
                both.endPass(pass);
            }
            for (String n : names) {
                Moments src = n.endsWith(OBJECT_AND_RING) ? both : ring;
                String stat = n.endsWith(OBJECT_AND_RING) ? n.substring(0, n.length() - OBJECT_AND_RING.length())
                        : n.substring(0, n.length() - RING.length());
                src.write(stat, out.get(n), o * c);
            }
        }
    }

    /** Whether {@code name} is a neighbourhood feature this class computes. */
    public static boolean handles(String name) {
        for (String s : STATISTICS) {
            if (name.equals(s + RING) || name.equals(s + OBJECT_AND_RING)) {
                return true;
            }
        }
        return false;
    }

    /** Two-pass moments of a pixel set, per channel. */
    private static final class Moments {
        final int c;
        long n;
        final double[] sum;
        final double[] min;
        final double[] max;
        final double[] m2;
        final double[] m3;
        final double[] m4;
        double[] mean;

        Moments(int c) {
            this.c = c;
            sum = new double[c];
            min = new double[c];
            max = new double[c];
            m2 = new double[c];
            m3 = new double[c];
            m4 = new double[c];
            java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        }

        void add(float[] raw, int at, int pass) {
            if (pass == 0) {
                n++;
                for (int ch = 0; ch < c; ch++) {
                    double v = raw[at + ch];
                    sum[ch] += v;
                    min[ch] = Math.min(min[ch], v);
                    max[ch] = Math.max(max[ch], v);
                }
            } else {
                for (int ch = 0; ch < c; ch++) {
                    double d = raw[at + ch] - mean[ch];
                    double d2 = d * d;
                    m2[ch] += d2;
                    m3[ch] += d2 * d;
                    m4[ch] += d2 * d2;
                }
            }
        }

        void endPass(int pass) {
            if (pass == 0) {
                mean = new double[c];
                for (int ch = 0; ch < c; ch++) {
                    mean[ch] = sum[ch] / n;
                }
            }
        }

        void write(String stat, double[] out, int at) {
            for (int ch = 0; ch < c; ch++) {
                out[at + ch] = switch (stat) {
                    case "Mean" -> sum[ch] / n;
                    case "Sum" -> sum[ch];
                    case "Minimum" -> n == 0 ? Double.NaN : min[ch];
                    case "Maximum" -> n == 0 ? Double.NaN : max[ch];
                    case "Variance" -> m2[ch] / n;
                    case "Skewness" -> Math.sqrt((double) n) * m3[ch] / Math.pow(m2[ch], 1.5);
                    case "Kurtosis" -> n * m4[ch] / (m2[ch] * m2[ch]) - 3.0;
                    default -> throw new IllegalArgumentException(stat);
                };
            }
        }
    }
}
