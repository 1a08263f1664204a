package org.jilastik.workflow.multicut;

import org.jilastik.workflow.objects.SymmetricEigen;

/**
 * Per-region statistics as vigra's region accumulators give them to ilastikrag, for many regions at once (edges or
 * superpixels): count, sum, min, max (first pass, with a 64-bin histogram over a global range), central power sums
 * 2..4 (second pass, around the region mean), and the coordinate covariance for region radii. All in double.
 *
 * <p>Layout: flat arrays indexed by region; the histogram is {@code hist[region·64 + bin]}. Not thread safe.
 */
final class RegionStats {
    static final int BINS = 64;
    final int regions;
    final double[] count;
    final double[] sum;
    final double[] min;
    final double[] max;
    final double[] m2;
    final double[] m3;
    final double[] m4;
    final int[] hist;
    final double lo;
    final double width;

    /**
     * @param lo histogram lower end; {@code hi} its upper end (bins of width (hi − lo)/64)
     * @param histogram whether to keep histograms (for quantiles)
     */
    RegionStats(int regions, double lo, double hi, boolean histogram) {
        this.regions = regions;
        count = new double[regions];
        sum = new double[regions];
        min = new double[regions];
        max = new double[regions];
        m2 = new double[regions];
        m3 = new double[regions];
        m4 = new double[regions];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        hist = histogram ? new int[regions * BINS] : null;
        this.lo = lo;
        this.width = (hi - lo) / BINS;
    }

    void first(int r, double x) {
        count[r]++;
        sum[r] += x;
        min[r] = Math.min(min[r], x);
        max[r] = Math.max(max[r], x);
        if (hist != null) {
            int b = (int) Math.floor((x - lo) / width);
            b = Math.max(0, Math.min(BINS - 1, b));
            hist[r * BINS + b]++;
        }
    }

    void second(int r, double x) {
        double d = x - sum[r] / count[r];
        double d2 = d * d;
        m2[r] += d2;
        m3[r] += d2 * d;
        m4[r] += d2 * d2;
    }

    /** The statistic {@code stat} (count, sum, minimum, ..., quantiles_q) of region r; 0 for an empty region. */
    double value(int r, String stat) {
        double n = count[r];
        if (n == 0) {
            return 0;
        }
        double v = switch (stat) {
            case "count" -> n;
            case "sum" -> sum[r];
            case "minimum" -> min[r];
            case "maximum" -> max[r];
            case "mean" -> sum[r] / n;
            case "variance" -> m2[r] / n;
            case "skewness" -> Math.sqrt(n) * m3[r] / Math.pow(m2[r], 1.5);
            case "kurtosis" -> n * m4[r] / (m2[r] * m2[r]) - 3.0;
            default -> quantile(r, Integer.parseInt(stat.substring("quantiles_".length())) / 100.0);
        };
        return Double.isNaN(v) ? 0 : v;
    }

    // vigra's histogram quantile (spec multicut §2.5), clamped to the region's min and max
    private double quantile(int r, double q) {
        if (q <= 0) {
            return min[r];
        }
        if (q >= 1) {
            return max[r];
        }
        double t = q * count[r];
        double before = 0;
        int base = r * BINS;
        for (int i = 0; i < BINS; i++) {
            double c = before + hist[base + i];
            if (c >= t) {
                double left = Math.max(lo + i * width, min[r]);
                double right = Math.min(lo + (i + 1) * width, max[r]);
                return left + (t - before) / hist[base + i] * (right - left);
            }
            before = c;
        }
        return max[r];
    }

    /**
     * Radii (square roots of the eigenvalues of the coordinate covariance, normalised by N; largest first) of a point
     * set given by its coordinate sums.
     *
     * @param n   number of points
     * @param s   coordinate sums per axis
     * @param ss  sums of products {@code ss[a][b]} = Σ c_a·c_b
     */
    static double[] radii(double n, double[] s, double[][] ss) {
        int d = s.length;
        double[][] cov = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                cov[a][b] = n == 0 ? 0 : (ss[a][b] - s[a] * s[b] / n) / n;
            }
        }
        double[] values = new double[d];
        SymmetricEigen.decompose(cov, values, new double[d][d]);
        double[] r = new double[d];
        for (int a = 0; a < d; a++) {
            r[a] = Math.sqrt(Math.max(0, values[a]));
        }
        return r;
    }
}
