package org.jilastik.workflow.tracking.merger;

/**
 * scikit-learn's {@code KMeans(n_clusters=k, n_init=1, random_state=rs)} labels as {@code GaussianMixture}'s
 * k-means initialisation uses them (sklearn 1.2): points centred on their mean, greedy k-means++ seeding with
 * {@code 2 + int(ln k)} local trials drawn from {@code rs}, then Lloyd iterations (at most 300) until the labels stop
 * changing or the squared centre shift is at most {@code 1e-4 × mean per-axis variance}. Component j is the cluster
 * grown from the j-th seed, which is what decides which resolved part gets which new id.
 *
 * <p>Data layout: {@code x} is row-major {@code n × d} (one point per row). Stateless.
 */
final class KMeansInit {
    private KMeansInit() {
    }

    /** Cluster label 0..k−1 of each of the n points. */
    static int[] labels(double[] x, int n, int d, int k, NumpyRandomState rs) {
        double[] c = new double[n * d];
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                c[i * d + j] = x[i * d + j] - mean[j];
            }
        }
        double[] centers = seeds(c, n, d, k, rs);
        double tol = 0;
        for (int j = 0; j < d; j++) {
            double v = 0;
            for (int i = 0; i < n; i++) {
                double e = c[i * d + j];
                v += e * e;
            }
            tol += v / n; // the data are centred, so this is the per-axis variance
        }
        tol = tol / d * 1e-4;
        int[] labels = assign(c, n, d, centers, k);
        for (int iter = 0; iter < 300; iter++) {
            double[] next = new double[k * d];
            int[] counts = new int[k];
            for (int i = 0; i < n; i++) {
                counts[labels[i]]++;
                for (int j = 0; j < d; j++) {
                    next[labels[i] * d + j] += c[i * d + j];
                }
            }
            double shift = 0;
            for (int m = 0; m < k; m++) {
                for (int j = 0; j < d; j++) {
                    double v = counts[m] > 0 ? next[m * d + j] / counts[m] : centers[m * d + j];
                    double s = v - centers[m * d + j];
                    shift += s * s;
                    next[m * d + j] = v;
                }
            }
            centers = next;
            int[] relabelled = assign(c, n, d, centers, k);
            boolean same = java.util.Arrays.equals(relabelled, labels);
            labels = relabelled;
            if (same || shift <= tol) {
                break;
            }
        }
        return labels;
    }

    private static int[] assign(double[] c, int n, int d, double[] centers, int k) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int m = 0; m < k; m++) {
                double s = sq(c, i, centers, m, d);
                if (s < best) {
                    best = s;
                    labels[i] = m;
                }
            }
        }
        return labels;
    }

    /** Greedy k-means++: first seed uniform, then the best of {@code 2 + int(ln k)} D²-sampled candidates. */
    private static double[] seeds(double[] c, int n, int d, int k, NumpyRandomState rs) {
        double[] centers = new double[k * d];
        int first = rs.randint(n);
        System.arraycopy(c, first * d, centers, 0, d);
        double[] closest = new double[n];
        double pot = 0;
        for (int i = 0; i < n; i++) {
            closest[i] = sq(c, i, c, first, d);
            pot += closest[i];
        }
        int trials = 2 + (int) Math.log(k);
        for (int m = 1; m < k; m++) {
            double[] cumsum = new double[n];
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += closest[i];
                cumsum[i] = s;
            }
            int bestId = -1;
            double bestPot = Double.POSITIVE_INFINITY;
            double[] bestDist = null;
            int[] candidates = new int[trials];
            for (int r = 0; r < trials; r++) {
                double v = rs.randomSample() * pot;
                int pos = lowerBound(cumsum, v);
                candidates[r] = Math.min(pos, n - 1);
            }
            for (int cand : candidates) {
                double[] dist = new double[n];
                double cp = 0;
                for (int i = 0; i < n; i++) {
                    dist[i] = Math.min(closest[i], sq(c, i, c, cand, d));
                    cp += dist[i];
                }
                if (cp < bestPot) {
                    bestPot = cp;
                    bestId = cand;
                    bestDist = dist;
                }
            }
            pot = bestPot;
            closest = bestDist;
            System.arraycopy(c, bestId * d, centers, m * d, d);
        }
        return centers;
    }

    /** numpy {@code searchsorted(a, v)} (side left): first index with {@code a[i] >= v}. */
    private static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double sq(double[] a, int i, double[] b, int j, int d) {
        double s = 0;
        for (int q = 0; q < d; q++) {
            double e = a[i * d + q] - b[j * d + q];
            s += e * e;
        }
        return s;
    }
}
